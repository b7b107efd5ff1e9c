/**
 * A sequential scan (ITU T.81 F.2.2, baseline and extended Huffman) read in one loop: the
 * common case of jpeg-scan.ts's decodeScan, for files that are whole. A photo is read once, in a
 * process that has just started: the general decoder's small methods (a closure a block, a
 * method a code, a method a bit) run in V8's interpreter for most of a 2-megapixel photo,
 * 25–35 ms each, before they are optimised. Here the bits live in local variables of one
 * function, which V8 optimises on the stack within the first rows.
 *
 * It proves nothing wrong on its own: at anything a whole file does not hold (a code that is no
 * code, a coefficient past the block, data that runs out, a restart marker out of place) it
 * answers `undefined`, and the general decoder reads the scan again to say exactly what.
 */
import type { HuffmanTable } from './jpeg-huffman.js';
import { RST0, RST7 } from './jpeg-segments.js';

/** The tables one block of an MCU is coded with (T.81 A.2.3: an MCU's blocks in order). */
export interface SequentialBlock {
  readonly dc: HuffmanTable;
  readonly ac: HuffmanTable;
}

const MARKER_PREFIX = 0xff;
const STUFFED = 0x00;
const BYTE = 8;
/** Bits held before a code is read: the longest code (16 bits) with room to spare. */
const REFILL_BELOW = 24;
const PEEK_BITS = 16;
const PEEK_MASK = 0xffff;
const LAST_COEFFICIENT = 63;
/** 8-bit samples: DC differences have magnitude categories 0…11 (F.1.2.1.1, Table F.1). */
const MAX_DC_CATEGORY = 11;
/** Run-length symbol 0xF0 (ZRL): sixteen zero coefficients (F.1.2.2.1). */
const ZRL_RUN = 15;
const ZRL_ZEROS = 16;
/** A Huffman code not found (HuffmanTable.symbol). */
const NO_SYMBOL = -1;

/**
 * Read `mcus` MCUs of `blocks` from `start`; the offset of the marker after the scan's data,
 * or `undefined` when the general decoder must look (see above).
 */
export function decodeSequentialScan(data: Uint8Array, start: number, blocks: readonly SequentialBlock[], mcus: number, restartInterval: number): number | undefined {
  const length = data.length;
  let pos = start;
  /** The low `count` bits of `acc`, of which the lowest `padding` were fed past the data. */
  let acc = 0;
  let count = 0;
  let padding = 0;
  let sinceRestart = 0;
  for (let mcu = 0; mcu < mcus; mcu++) {
    if (restartInterval > 0 && sinceRestart === restartInterval) {
      // F.2.1.3.1: the interval's codes end at its last byte, and RSTm follows.
      if (count - padding >= BYTE || pos + 1 >= length || data[pos] !== MARKER_PREFIX) return undefined;
      const marker = data[pos + 1];
      if (marker < RST0 || marker > RST7) return undefined;
      pos += 2;
      acc = 0;
      count = 0;
      padding = 0;
      sinceRestart = 0;
    }
    for (let b = 0; b < blocks.length; b++) {
      const { dc, ac } = blocks[b];
      for (let k = 0; k <= LAST_COEFFICIENT; ) {
        // Hold at least 16 bits: bytes of data, 0xFF 0x00 as 0xFF, zeros at a marker (F.2.2.5).
        while (count < REFILL_BELOW) {
          let byte = 0;
          if (pos < length && data[pos] !== MARKER_PREFIX) byte = data[pos++];
          else if (pos + 1 < length && data[pos + 1] === STUFFED) {
            byte = MARKER_PREFIX;
            pos += 2;
          } else padding += BYTE;
          acc = (acc << BYTE) | byte;
          count += BYTE;
        }
        const symbol = (k === 0 ? dc : ac).symbol((acc >>> (count - PEEK_BITS)) & PEEK_MASK);
        if (symbol === NO_SYMBOL) return undefined;
        count -= symbol >>> BYTE;
        const value = symbol & 0xff;
        let size: number;
        if (k === 0) {
          // F.2.2.1: the DC difference's category, then that many bits.
          if (value > MAX_DC_CATEGORY) return undefined;
          size = value;
          k = 1;
        } else {
          // F.2.2.2: run of zeros and size; EOB ends the block, ZRL skips sixteen.
          size = value & 0x0f;
          const run = value >> 4;
          if (size === 0) {
            if (run !== ZRL_RUN) break;
            k += ZRL_ZEROS;
            if (count < padding) return undefined;
            continue;
          }
          k += run;
          if (k > LAST_COEFFICIENT) return undefined;
          k++;
        }
        if (count < size) {
          // The refill again, written out rather than called: a call a code is what this
          // function is here to avoid.
          while (count < REFILL_BELOW) {
            let byte = 0;
            if (pos < length && data[pos] !== MARKER_PREFIX) byte = data[pos++];
            else if (pos + 1 < length && data[pos + 1] === STUFFED) {
              byte = MARKER_PREFIX;
              pos += 2;
            } else padding += BYTE;
            acc = (acc << BYTE) | byte;
            count += BYTE;
          }
        }
        count -= size;
        if (count < padding) return undefined;
      }
      if (count < padding) return undefined;
    }
    sinceRestart++;
  }
  return markerFrom(data, pos);
}

/**
 * The next marker, past any bytes left after the last code (as decoders do). A function of its
 * own: code the loop above never reached when V8 optimised it would send it back to the
 * interpreter for the next photo.
 */
function markerFrom(data: Uint8Array, pos: number): number | undefined {
  for (let i = pos; i + 1 < data.length; i++) {
    if (data[i] === MARKER_PREFIX && data[i + 1] !== STUFFED && data[i + 1] !== MARKER_PREFIX) return i;
  }
  return undefined;
}
