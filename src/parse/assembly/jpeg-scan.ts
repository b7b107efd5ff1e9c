/**
 * A sequential JPEG scan's entropy-coded data read in one loop (ITU T.81 F.2.2, baseline and
 * extended Huffman), in AssemblyScript, compiled to WebAssembly by `npm run compile`
 * (scripts/wasm.mjs). jpeg-sequential.ts lays out the scan's Huffman tables and the file in this
 * module's memory and calls `decodeSequential`: why a photo's check is WebAssembly is said there.
 *
 * The steps, and where they give up, are those of jpeg-huffman.ts (HuffmanTable.symbol: a 9-bit
 * look-up, then F.2.2.3's DECODE for longer codes) and of the one-loop decoder this replaced:
 * at anything a whole file does not hold it answers NOT_WHOLE, and the general decoder
 * (jpeg-scan.ts readScan) reads the scan again to say exactly what is wrong where.
 *
 * Memory, as jpeg-sequential.ts writes it: each table at a TABLE_BYTES slot (LOOKUP, MAXCODE,
 * MINCODE, VALPTR, VALUES below), each block of the MCU two i32 (its DC table's address and its
 * AC table's), and the file's bytes. Nothing else is read; nothing is written.
 */

/** Where each part of a table lies from its address (jpeg-sequential.ts writes them so). */
const LOOKUP: usize = 0; // 512 × u16: (length << 8) | value for each 9-bit prefix, 0 when longer
const MAXCODE: usize = 1024; // 17 × i32: largest code of each length, -1 for none
const MINCODE: usize = 1092; // 17 × i32: smallest code of each length
const VALPTR: usize = 1160; // 17 × i32: index of its value
const VALUES: usize = 1228; // up to 256 × u8

const LOOKUP_BITS: i32 = 9;
const MAX_CODE_LENGTH: i32 = 16;
const PEEK_BITS: i32 = 16;
const PEEK_MASK: i32 = 0xffff;
const LENGTH_SHIFT: i32 = 8;
const VALUE_MASK: i32 = 0xff;
const MARKER_PREFIX: i32 = 0xff;
const STUFFED: i32 = 0x00;
const RST0: i32 = 0xd0;
const RST7: i32 = 0xd7;
const BYTE: i32 = 8;
/** Bits held before a code is read: the longest code (16 bits) with room to spare. */
const REFILL_BELOW: i32 = 24;
const LAST_COEFFICIENT: i32 = 63;
/** 8-bit samples: DC differences have magnitude categories 0…11 (F.1.2.1.1, Table F.1). */
const MAX_DC_CATEGORY: i32 = 11;
/** Run-length symbol 0xF0 (ZRL): sixteen zero coefficients (F.1.2.2.1). */
const ZRL_RUN: i32 = 15;
const ZRL_ZEROS: i32 = 16;
/** No Huffman code of the table starts the bits (HuffmanTable.symbol's -1). */
const NO_SYMBOL: i32 = -1;
/** What `decodeSequential` answers where the general decoder must look. */
const NOT_WHOLE: i32 = -1;
/** Bytes of one block's entry: its DC and AC tables' addresses. */
const BLOCK_ENTRY: usize = 8;
const PAGE_BYTES: i64 = 65536;

/** Grow the memory to hold `bytes` at least (the tables, the blocks and the file, as laid out by the caller). */
export function reserve(bytes: i32): void {
  const short = <i64>bytes - <i64>memory.size() * PAGE_BYTES;
  if (short > 0) memory.grow(<i32>((short + PAGE_BYTES - 1) / PAGE_BYTES));
}

/** The code at the front of `next` (16 bits) in the table at `table`: (its length << 8) | its value, or NO_SYMBOL. */
function symbol(table: usize, next: i32): i32 {
  const hit = <i32>load<u16>(table + LOOKUP + (<usize>(next >>> (PEEK_BITS - LOOKUP_BITS)) << 1));
  if (hit != 0) return hit;
  for (let length = LOOKUP_BITS + 1; length <= MAX_CODE_LENGTH; length++) {
    const code = next >>> (PEEK_BITS - length);
    const slot = <usize>length << 2;
    if (code <= load<i32>(table + MAXCODE + slot)) {
      const index = load<i32>(table + VALPTR + slot) + code - load<i32>(table + MINCODE + slot);
      return (length << LENGTH_SHIFT) | <i32>load<u8>(table + VALUES + <usize>index);
    }
  }
  return NO_SYMBOL;
}

/**
 * Read `mcus` MCUs of the `blockCount` blocks at `blocks` from byte `start` of the `length` bytes
 * at `data`; the offset of the marker after the scan's data, or NOT_WHOLE (see above).
 */
export function decodeSequential(data: usize, length: i32, start: i32, blocks: usize, blockCount: i32, mcus: i32, restartInterval: i32): i32 {
  let pos = start;
  // The low `count` bits of `acc`, of which the lowest `padding` were fed past the data.
  let acc: i32 = 0;
  let count: i32 = 0;
  let padding: i32 = 0;
  let sinceRestart: i32 = 0;
  for (let mcu = 0; mcu < mcus; mcu++) {
    if (restartInterval > 0 && sinceRestart == restartInterval) {
      // F.2.1.3.1: the interval's codes end at its last byte, and RSTm follows.
      if (count - padding >= BYTE || pos + 1 >= length || <i32>load<u8>(data + <usize>pos) != MARKER_PREFIX) return NOT_WHOLE;
      const marker = <i32>load<u8>(data + <usize>pos + 1);
      if (marker < RST0 || marker > RST7) return NOT_WHOLE;
      pos += 2;
      acc = 0;
      count = 0;
      padding = 0;
      sinceRestart = 0;
    }
    for (let b = 0; b < blockCount; b++) {
      const dc = <usize>load<i32>(blocks + <usize>b * BLOCK_ENTRY);
      const ac = <usize>load<i32>(blocks + <usize>b * BLOCK_ENTRY + 4);
      for (let k = 0; k <= LAST_COEFFICIENT; ) {
        // Hold at least 16 bits: bytes of data, 0xFF 0x00 as 0xFF, zeros at a marker (F.2.2.5).
        while (count < REFILL_BELOW) {
          let byte: i32 = 0;
          if (pos < length && <i32>load<u8>(data + <usize>pos) != MARKER_PREFIX) {
            byte = <i32>load<u8>(data + <usize>pos);
            pos++;
          } else if (pos + 1 < length && <i32>load<u8>(data + <usize>pos + 1) == STUFFED) {
            byte = MARKER_PREFIX;
            pos += 2;
          } else padding += BYTE;
          acc = (acc << BYTE) | byte;
          count += BYTE;
        }
        const found = symbol(k == 0 ? dc : ac, (acc >>> (count - PEEK_BITS)) & PEEK_MASK);
        if (found == NO_SYMBOL) return NOT_WHOLE;
        count -= found >>> LENGTH_SHIFT;
        const value = found & VALUE_MASK;
        let size: i32;
        if (k == 0) {
          // F.2.2.1: the DC difference's category, then that many bits.
          if (value > MAX_DC_CATEGORY) return NOT_WHOLE;
          size = value;
          k = 1;
        } else {
          // F.2.2.2: run of zeros and size; EOB ends the block, ZRL skips sixteen.
          size = value & 0x0f;
          const run = value >> 4;
          if (size == 0) {
            if (run != ZRL_RUN) break;
            k += ZRL_ZEROS;
            if (count < padding) return NOT_WHOLE;
            continue;
          }
          k += run;
          if (k > LAST_COEFFICIENT) return NOT_WHOLE;
          k++;
        }
        if (count < size) {
          // The same refill as above (the bytes held at a restart marker depend on it), written
          // out again: the reader's state is this function's locals. As module globals behind
          // one function, a photo took 15% longer warm and half as long again cold (the
          // sample's second photo 5.8 ms against 3.8 ms).
          while (count < REFILL_BELOW) {
            let byte: i32 = 0;
            if (pos < length && <i32>load<u8>(data + <usize>pos) != MARKER_PREFIX) {
              byte = <i32>load<u8>(data + <usize>pos);
              pos++;
            } else if (pos + 1 < length && <i32>load<u8>(data + <usize>pos + 1) == STUFFED) {
              byte = MARKER_PREFIX;
              pos += 2;
            } else padding += BYTE;
            acc = (acc << BYTE) | byte;
            count += BYTE;
          }
        }
        count -= size;
        if (count < padding) return NOT_WHOLE;
      }
      if (count < padding) return NOT_WHOLE;
    }
    sinceRestart++;
  }
  return markerFrom(data, length, pos);
}

/** The next marker at or after `pos`, past any bytes left after the last code (as decoders do), or NOT_WHOLE. */
function markerFrom(data: usize, length: i32, pos: i32): i32 {
  for (let i = pos; i + 1 < length; i++) {
    const next = <i32>load<u8>(data + <usize>i + 1);
    if (<i32>load<u8>(data + <usize>i) == MARKER_PREFIX && next != STUFFED && next != MARKER_PREFIX) return i;
  }
  return NOT_WHOLE;
}
