/**
 * A sequential scan (ITU T.81 F.2.2, baseline and extended Huffman) read in one loop: the
 * common case of jpeg-scan.ts's decodeScan, for files that are whole.
 *
 * Why WebAssembly (assembly/jpeg-scan.ts, compiled by `npm run compile`): a photo is read once,
 * in a process that has just started, where JavaScript runs in V8's interpreter until it is
 * optimised. Even as one loop with its bits in local variables, a 160 KB photo took 18–20 ms
 * cold (2.7 ms once optimised): TurboFan compiled the loop on the stack in some 16 ms,
 * and dropped it again at the first code path the loop had not yet taken. The module's loop is
 * compiled by V8's baseline WebAssembly compiler before its first call, in well under a
 * millisecond.
 *
 * It proves nothing wrong on its own: at anything a whole file does not hold (a code that is no
 * code, a coefficient past the block, data that runs out, a restart marker out of place) it
 * answers `undefined`, and the general decoder reads the scan again to say exactly what.
 */
import { compiledModule } from '../wasm-module.js';
import type { HuffmanTable } from './jpeg-huffman.js';

/** The tables one block of an MCU is coded with (T.81 A.2.3: an MCU's blocks in order). */
export interface SequentialBlock {
  readonly dc: HuffmanTable;
  readonly ac: HuffmanTable;
}

/** The module's export (assembly/jpeg-scan.ts says what each argument is). */
interface Exports {
  readonly memory: WebAssembly.Memory;
  reserve(bytes: number): void;
  decodeSequential(data: number, length: number, start: number, blocks: number, blockCount: number, mcus: number, restartInterval: number): number;
}

/** A table's parts, from its address, as assembly/jpeg-scan.ts reads them. */
const TABLE = { lookup: 0, maxcode: 1024, mincode: 1092, valptr: 1160, values: 1228 } as const;
/** Room for one table: its parts (values: up to 256 bytes), rounded up. */
const TABLE_BYTES = 1536;
/** A block's entry: its DC and AC tables' addresses, two i32. */
const BLOCK_ENTRY = 8;
/** The module's answer where the general decoder must look. */
const NOT_WHOLE = -1;

/** Where `npm run compile` puts the module: dist/wasm/, found the same way from src/, dist/ and the bundles. */
const MODULE_FILE = new URL('../../dist/wasm/jpeg-scan.wasm', import.meta.url);

/**
 * A module's memory kept for the next photo at most: a photo's file is copied into it, and a
 * long-lived process (`banmian preview`) would otherwise hold the largest photo's bytes (up to
 * the 160 MiB a file may have) after it. A sample's photo is some 170 KB.
 */
const KEEP_MEMORY_BYTES = 16 * 2 ** 20;

/**
 * The module instantiated. Its memory is scratch: every call writes what it reads (the scan's
 * tables and the file from the scan on), so one instance serves photo after photo, one call at
 * a time, growing to the largest (up to KEEP_MEMORY_BYTES; see `decodeSequentialScan`).
 */
class ScanDecoder {
  private readonly exports: Exports;

  constructor(module: WebAssembly.Module) {
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as Exports;
  }

  /** Bytes of memory the module holds. */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  decode(data: Uint8Array, start: number, blocks: readonly SequentialBlock[], mcus: number, restartInterval: number): number | undefined {
    const tables = [...new Set(blocks.flatMap((b) => [b.dc, b.ac]))];
    const blocksAt = tables.length * TABLE_BYTES;
    const dataAt = blocksAt + blocks.length * BLOCK_ENTRY;
    const length = data.length - start;
    this.exports.reserve(dataAt + length);
    const buffer = this.exports.memory.buffer;
    tables.forEach((table, t) => writeTable(buffer, t * TABLE_BYTES, table));
    const entries = new Int32Array(buffer, blocksAt, blocks.length * 2);
    blocks.forEach((b, i) => {
      entries[2 * i] = tables.indexOf(b.dc) * TABLE_BYTES;
      entries[2 * i + 1] = tables.indexOf(b.ac) * TABLE_BYTES;
    });
    new Uint8Array(buffer, dataAt, length).set(data.subarray(start));
    const end = this.exports.decodeSequential(dataAt, length, 0, blocksAt, blocks.length, mcus, restartInterval);
    return end === NOT_WHOLE ? undefined : start + end;
  }
}

function writeTable(buffer: ArrayBuffer, at: number, table: HuffmanTable): void {
  new Uint16Array(buffer, at + TABLE.lookup, table.lookup.length).set(table.lookup);
  new Int32Array(buffer, at + TABLE.maxcode, table.maxcode.length).set(table.maxcode);
  new Int32Array(buffer, at + TABLE.mincode, table.mincode.length).set(table.mincode);
  new Int32Array(buffer, at + TABLE.valptr, table.valptr.length).set(table.valptr);
  new Uint8Array(buffer, at + TABLE.values, table.values.length).set(table.values);
}

let scanModule: WebAssembly.Module | undefined;
let decoder: ScanDecoder | undefined;

/**
 * Read `mcus` MCUs of `blocks` from `start`; the offset of the marker after the scan's data,
 * or `undefined` when the general decoder must look (see above).
 */
export function decodeSequentialScan(data: Uint8Array, start: number, blocks: readonly SequentialBlock[], mcus: number, restartInterval: number): number | undefined {
  scanModule ??= compiledModule(MODULE_FILE, "the JPEG check's module", 'src/parse/assembly/');
  decoder ??= new ScanDecoder(scanModule);
  const end = decoder.decode(data, start, blocks, mcus, restartInterval);
  // Grown for a large photo: let go, and the next photo gets a module of its own size.
  if (decoder.memoryBytes > KEEP_MEMORY_BYTES) decoder = undefined;
  return end;
}
