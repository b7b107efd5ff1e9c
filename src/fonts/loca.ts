/**
 * A TrueType face's `loca` table (OpenType spec, "loca": glyph offsets into `glyf`) decoded
 * from its bytes in one pass, and handed to fontkit as the table it would have decoded. fontkit
 * decodes it through its generic struct reader, one call per entry: for 31,000 glyphs, about
 * 5 ms a face in a cold process, on every build, before the first glyph is read.
 *
 * fontkit 2 internals (dist/module.mjs, `TTFFont._getTable`, the `loca` VersionedStruct): a
 * decoded table is kept in `font._tables[tag]`; `loca` decodes to `{ version, offsets }`, its
 * version being `head.indexToLocFormat`, its offsets all the table holds, those of the short
 * format doubled, after which the struct's `process` marks it `_processed`.
 */
import type { Font } from 'fontkit';

/** head.indexToLocFormat: 0 short offsets (Offset16, half the byte offset), 1 long (Offset32). */
const SHORT_OFFSETS = 0;
const SHORT_BYTES = 2;
const LONG_BYTES = 4;
/** Whether a Uint32Array holds its numbers little end first (every machine Node runs on but s390x). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface LocaInternals {
  readonly directory: { readonly tables: Record<string, { readonly offset: number; readonly length: number } | undefined> };
  readonly head: { readonly indexToLocFormat: number };
  readonly _tables: Record<string, unknown>;
}

/** Decode `loca` from `bytes` (the whole file's layout) into fontkit's table cache, unless it has it. */
export function primeLoca(font: Font, bytes: ArrayBufferLike): void {
  const tt = font as unknown as LocaInternals;
  const table = tt.directory.tables.loca;
  if (!table || !tt._tables || 'loca' in tt._tables) return;
  const version = tt.head.indexToLocFormat;
  const short = version === SHORT_OFFSETS;
  // Into a typed array (fontkit only reads the offsets by index). Long offsets are copied and
  // put in the machine's byte order natively: a loop over 31,000 entries runs in V8's
  // interpreter in a cold process (2 ms a face).
  const count = Math.floor(table.length / (short ? SHORT_BYTES : LONG_BYTES));
  const offsets = locaByteOffsets(new Uint8Array(bytes, table.offset, table.length), count, short);
  tt._tables.loca = short ? { version, offsets, _processed: true } : { version, offsets };
}

/**
 * The first `count` entries of a `loca` table's bytes as byte offsets into `glyf` (short
 * entries doubled), in the machine's byte order.
 */
export function locaByteOffsets(table: Uint8Array, count: number, short: boolean): Uint32Array {
  const offsets = new Uint32Array(count);
  if (short) {
    for (let i = 0, at = 0; i < count; i++, at += SHORT_BYTES) offsets[i] = ((table[at] << 8) | table[at + 1]) << 1;
  } else {
    const into = Buffer.from(offsets.buffer);
    into.set(table.subarray(0, count * LONG_BYTES));
    if (LITTLE_ENDIAN) into.swap32();
  }
  return offsets;
}

/** Entry `index` of a `loca` table's bytes as a byte offset into `glyf` (a short entry doubled). */
export function locaEntry(table: Uint8Array, index: number, short: boolean): number {
  if (short) {
    const at = index * SHORT_BYTES;
    return ((table[at] << 8) | table[at + 1]) << 1;
  }
  const at = index * LONG_BYTES;
  return ((table[at] << 24) | (table[at + 1] << 16) | (table[at + 2] << 8) | table[at + 3]) >>> 0;
}

/** Sets entries `from` up to `to` (not included) of a `loca` table to one byte offset into `glyf`. */
export type LocaFill = (offset: number, from: number, to: number) => void;

/**
 * Fills for the first `count` entries of a `loca` table's bytes, written in place: natively
 * (TypedArray fill with the entry's bytes swapped into the machine's order) where the table
 * starts on an entry's alignment in its memory, as a face's tables do; byte by byte where it
 * does not. Writing a whole table as a new array of 30,000 entries cost the EPUB's font thread
 * a megabyte of fresh memory a face (export/epub/sparse-face.ts).
 */
export function locaFill(table: Uint8Array, count: number, short: boolean): LocaFill {
  const width = short ? SHORT_BYTES : LONG_BYTES;
  if (table.byteOffset % width !== 0) {
    const view = new DataView(table.buffer, table.byteOffset, count * width);
    return (offset, from, to) => {
      for (let i = from; i < to; i++) {
        if (short) view.setUint16(i * SHORT_BYTES, offset / 2);
        else view.setUint32(i * LONG_BYTES, offset);
      }
    };
  }
  if (short) {
    const entries = new Uint16Array(table.buffer, table.byteOffset, count);
    return (offset, from, to) => {
      const entry = offset / 2;
      entries.fill(LITTLE_ENDIAN ? ((entry & 0xff) << 8) | (entry >>> 8) : entry, from, to);
    };
  }
  const entries = new Uint32Array(table.buffer, table.byteOffset, count);
  return (offset, from, to) => {
    entries.fill(LITTLE_ENDIAN ? (((offset & 0xff) << 24) | ((offset & 0xff00) << 8) | ((offset >>> 8) & 0xff00) | (offset >>> 24)) >>> 0 : offset, from, to);
  };
}
