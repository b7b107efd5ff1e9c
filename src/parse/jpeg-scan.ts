/**
 * Decode the entropy-coded data of one JPEG scan, every block of every MCU, as a decoder does
 * before its inverse DCT (ITU T.81 F.2.2 sequential, G.1.2 progressive), and keep nothing but
 * which coefficients are non-zero, which a progressive refinement scan needs (G.1.2.3).
 * Dequantization, the inverse DCT and the colour transform cannot fail, so they are left out:
 * the data is proved whole and well-formed at a few bytes a block.
 */
import { corrupt } from './image-fault.js';
import { EntropyBits } from './jpeg-bits.js';
import type { HuffmanTable } from './jpeg-huffman.js';
import { decodeSequentialScan, type SequentialBlock } from './jpeg-sequential.js';
import type { FrameComponent, JpegFrame } from './jpeg-segments.js';

const BLOCK = 8;
const LAST_COEFFICIENT = 63;
/** 8-bit samples: DC differences have magnitude categories 0…11 (F.1.2.1.1, Table F.1). */
const MAX_DC_CATEGORY = 11;
/** Run-length symbol 0xF0 (ZRL): sixteen zero coefficients (F.1.2.2.1). */
const ZRL_RUN = 15;
const ZRL_ZEROS = 16;
/** Coefficients 0…31 and 32…63 of a block's non-zero map are two 32-bit words. */
const WORD_BITS = 32;
const WORDS_PER_BLOCK = 2;

/** A component's blocks in its own grid (T.81 A.2.2: the order of a non-interleaved scan). */
export interface ComponentGrid {
  readonly component: FrameComponent;
  readonly blocksPerLine: number;
  readonly blocksPerColumn: number;
  /** Progressive only: bit k of block b says coefficient k (zig-zag order) is non-zero. */
  nonZero?: Uint32Array;
}

export interface ScanComponent {
  readonly grid: ComponentGrid;
  readonly dc?: HuffmanTable;
  readonly ac?: HuffmanTable;
}

/** T.81 B.2.3 scan header parameters. */
export interface Scan {
  readonly components: readonly ScanComponent[];
  readonly ss: number;
  readonly se: number;
  readonly ah: number;
  readonly al: number;
}

/** The grid of a frame component: T.81 A.1.1 sizes rounded up to whole blocks. */
export function componentGrid(frame: JpegFrame, component: FrameComponent): ComponentGrid {
  const width = Math.ceil((frame.width * component.h) / frame.hMax);
  const height = Math.ceil((frame.height * component.v) / frame.vMax);
  return { component, blocksPerLine: Math.ceil(width / BLOCK), blocksPerColumn: Math.ceil(height / BLOCK) };
}

/** An empty non-zero map for a progressive JPEG's component: two 32-bit words a block. */
export function nonZeroMap(grid: ComponentGrid): Uint32Array {
  return new Uint32Array(grid.blocksPerLine * grid.blocksPerColumn * WORDS_PER_BLOCK);
}

/** Decode one scan starting at `start`; returns the offset of the marker after its data. */
export function decodeScan(data: Uint8Array, start: number, frame: JpegFrame, scan: Scan, restartInterval: number): number {
  if (frame.process !== 'progressive') {
    // A whole file's sequential scan is read by the one-loop decoder; anything else here.
    const end = decodeSequentialScan(data, start, sequentialBlocks(scan), mcuGrid(frame, scan).total, restartInterval);
    if (end !== undefined) return end;
  }
  return readScan(data, start, frame, scan, restartInterval);
}

/** The tables of each block of a sequential scan's MCU, in order (A.2.3; one block alone for a single component). */
export function sequentialBlocks(scan: Scan): SequentialBlock[] {
  const single = scan.components.length === 1;
  return scan.components.flatMap((c) => Array.from({ length: single ? 1 : c.grid.component.h * c.grid.component.v }, () => ({ dc: c.dc!, ac: c.ac! })));
}

/** A.2: a scan's MCUs, a line of them and in all: a block each with one component, else the frame's MCU grid. */
export function mcuGrid(frame: JpegFrame, scan: Scan): { readonly perLine: number; readonly total: number } {
  if (scan.components.length === 1) {
    const { grid } = scan.components[0];
    return { perLine: grid.blocksPerLine, total: grid.blocksPerLine * grid.blocksPerColumn };
  }
  const perLine = Math.ceil(frame.width / (BLOCK * frame.hMax));
  return { perLine, total: perLine * Math.ceil(frame.height / (BLOCK * frame.vMax)) };
}

/** decodeScan by the general decoder alone, which says what is wrong where. */
export function readScan(data: Uint8Array, start: number, frame: JpegFrame, scan: Scan, restartInterval: number): number {
  const single = scan.components.length === 1;
  const { perLine: mcusPerLine, total } = mcuGrid(frame, scan);
  const bits = new EntropyBits(data, start);
  const block = blockDecoder(frame, scan, bits);
  let sinceRestart = 0;
  for (let mcu = 0; mcu < total; mcu++) {
    if (restartInterval > 0 && sinceRestart === restartInterval) {
      bits.restart(); // F.2.1.3.1: predictions and end-of-band runs start afresh
      block.restart();
      sinceRestart = 0;
    }
    const row = Math.floor(mcu / mcusPerLine);
    const col = mcu - row * mcusPerLine;
    if (single) {
      block.decode(scan.components[0], row * scan.components[0].grid.blocksPerLine + col);
    } else {
      // A.2.3: an interleaved MCU holds Hi × Vi blocks of each component. Progressive scans
      // interleave only DC coefficients, which need no non-zero map, so no block index.
      for (const c of scan.components) {
        for (let n = c.grid.component.h * c.grid.component.v; n > 0; n--) block.decode(c, -1);
      }
    }
    sinceRestart++;
  }
  return bits.nextMarker();
}

interface BlockDecoder {
  decode(component: ScanComponent, index: number): void;
  restart(): void;
}

/** The per-block procedure the scan's kind calls for. */
function blockDecoder(frame: JpegFrame, scan: Scan, bits: EntropyBits): BlockDecoder {
  if (frame.process !== 'progressive') return { decode: (c) => sequential(bits, c), restart: () => {} };
  if (scan.ss === 0) {
    // G.1.2.1: a first DC scan codes differences, a refinement one bit a block.
    if (scan.ah === 0) return { decode: (c) => dcDifference(bits, c.dc!), restart: () => {} };
    return { decode: () => bits.bits(1), restart: () => {} };
  }
  const run = { eob: 0 };
  const restart = (): void => {
    run.eob = 0;
  };
  if (scan.ah === 0) return { decode: (c, i) => acFirst(bits, c, i, scan, run), restart };
  return { decode: (c, i) => acRefine(bits, c, i, scan, run), restart };
}

/** F.2.2.1: a DC difference, its category then that many bits. */
function dcDifference(bits: EntropyBits, table: HuffmanTable): void {
  const category = table.decode(bits);
  if (category > MAX_DC_CATEGORY) throw corrupt('its image data holds an impossible DC difference');
  bits.bits(category);
}

/** F.2.2.1 and F.2.2.2: one block of a sequential scan, DC then 63 AC coefficients. */
function sequential(bits: EntropyBits, c: ScanComponent): void {
  dcDifference(bits, c.dc!);
  const ac = c.ac!;
  for (let k = 1; k <= LAST_COEFFICIENT; ) {
    const rs = ac.decode(bits);
    const run = rs >> 4;
    const size = rs & 0x0f;
    if (size === 0) {
      if (run !== ZRL_RUN) return; // EOB
      k += ZRL_ZEROS;
      continue;
    }
    k += run;
    if (k > LAST_COEFFICIENT) throw corrupt('its image data puts a coefficient past the end of a block');
    bits.bits(size);
    k++;
  }
}

function mark(map: Uint32Array, index: number, k: number): void {
  map[index * WORDS_PER_BLOCK + (k >>> 5)] |= 1 << (k & (WORD_BITS - 1));
}

function isNonZero(map: Uint32Array, index: number, k: number): boolean {
  return (map[index * WORDS_PER_BLOCK + (k >>> 5)] & (1 << (k & (WORD_BITS - 1)))) !== 0;
}

/** G.1.2.2: the first scan of a band of AC coefficients, with end-of-band runs. */
function acFirst(bits: EntropyBits, c: ScanComponent, index: number, scan: Scan, run: { eob: number }): void {
  if (run.eob > 0) {
    run.eob--;
    return;
  }
  const map = c.grid.nonZero!;
  const ac = c.ac!;
  for (let k = scan.ss; k <= scan.se; ) {
    const rs = ac.decode(bits);
    const r = rs >> 4;
    const size = rs & 0x0f;
    if (size === 0) {
      if (r !== ZRL_RUN) {
        // EOBr: this block and 2^r + (r bits) − 1 more end here (G.1.2.2, Table G.1).
        run.eob = (1 << r) + bits.bits(r) - 1;
        return;
      }
      k += ZRL_ZEROS;
      continue;
    }
    k += r;
    if (k > scan.se) throw corrupt('its image data puts a coefficient past the end of its band');
    bits.bits(size);
    mark(map, index, k);
    k++;
  }
}

/**
 * G.1.2.3: a refinement scan of an AC band. Coefficients already non-zero get one correction
 * bit each as they are passed; a new one (always ±1, one sign bit) lands on the r+1-th zero.
 */
function acRefine(bits: EntropyBits, c: ScanComponent, index: number, scan: Scan, run: { eob: number }): void {
  const map = c.grid.nonZero!;
  let k = scan.ss;
  if (run.eob === 0) {
    const ac = c.ac!;
    for (; k <= scan.se; k++) {
      const rs = ac.decode(bits);
      let r = rs >> 4;
      const size = rs & 0x0f;
      if (size === 0 && r !== ZRL_RUN) {
        run.eob = (1 << r) + bits.bits(r);
        break;
      }
      if (size !== 0) {
        if (size !== 1) throw corrupt('its image data holds an impossible refinement code');
        bits.bits(1); // the new coefficient's sign
      }
      for (; k <= scan.se; k++) {
        if (isNonZero(map, index, k)) bits.bits(1);
        else if (--r < 0) break;
      }
      if (size !== 0) {
        if (k > scan.se) throw corrupt('its image data puts a coefficient past the end of its band');
        mark(map, index, k);
      }
    }
  }
  if (run.eob > 0) {
    for (; k <= scan.se; k++) if (isNonZero(map, index, k)) bits.bits(1);
    run.eob--;
  }
}
