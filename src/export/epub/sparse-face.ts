/**
 * A TrueType face read into HarfBuzz's memory as far as a subset can reach: every table but
 * `glyf` where it stands in the file, and of `glyf` only the outlines of the glyphs the subset
 * can keep (subset-reach.ts, with their composites' components), packed at the table's start,
 * `loca` and the directory's length of `glyf` rewritten to match. hb-subset copies the outlines
 * it keeps and reads no other, so the subset is byte for byte the one of the whole file
 * (tests/export/epub/sparse-face.test.ts compares them on every face of the repository).
 *
 * Why: nine tenths of a CJK face is outlines (14.3 MB of the 14.8 MB song face), and a book
 * keeps a few thousand of its 30,000 glyphs. Reading the whole file wrote every page of 15 MB
 * of fresh memory, each page a fault that costs the kernel and the hypervisor some 10 µs on a
 * virtual machine: the font thread's first face took 86–131 ms, most of the book's wait.
 *
 * OpenType 1.9: the table directory, "head" (indexToLocFormat), "maxp" (numGlyphs), "loca",
 * "glyf" (composite glyph description).
 */
import { componentIndexOffsets } from '../../fonts/composite-glyph.js';
import { locaEntry, locaFill } from '../../fonts/loca.js';
import { reachableGlyphs, TableBytes } from './subset-reach.js';

/** Reads `length` bytes of the file at `position` into `target` at `offset`, all of them. */
export type ReadAt = (target: Uint8Array, offset: number, length: number, position: number) => void;

/** sfnt header: sfntVersion, numTables, searchRange, entrySelector, rangeShift; a record: tag, checksum, offset, length. */
const SFNT_HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;
const RECORD_OFFSET = 8;
const RECORD_LENGTH = 12;
/** TrueType outlines: sfntVersion 1.0, or Apple's 'true'. */
const TRUETYPE_VERSIONS = [0x00010000, 0x74727565];
/** Tables through which hb-subset keeps glyphs this does not follow (colour layers, math variants, CFF's seac). */
const UNFOLLOWED_TABLES = ['CFF ', 'CFF2', 'COLR', 'MATH'];
const HEAD_INDEX_TO_LOC_FORMAT = 50;
const MAXP_NUM_GLYPHS = 4;
const SHORT_OFFSETS = 0;

/**
 * loca for the kept glyphs at their packed places, written over the table: a glyph's entry is
 * where its outline starts, an unkept glyph's where the next kept one does.
 */
function packLoca(table: Uint8Array, count: number, short: boolean, kept: ArrayLike<number>, placed: readonly number[]): void {
  const fill = locaFill(table, count, short);
  let from = 0;
  for (let k = 0; k < kept.length; k++) {
    fill(placed[k], from, kept[k] + 1);
    from = kept[k] + 1;
  }
  fill(placed[kept.length], from, count);
}

interface Table {
  readonly record: number;
  readonly offset: number;
  readonly length: number;
}

/** The components a glyph's description names (none for a simple glyph): fonts/composite-glyph.ts. */
export function components(target: Uint8Array, at: number, length: number): number[] {
  const glyph = new DataView(target.buffer, target.byteOffset + at, length);
  return componentIndexOffsets(glyph).map((offset) => glyph.getUint16(offset));
}

/**
 * Read the face of `size` bytes into `target` (which holds `size` bytes) as far as a subset of
 * `codePoints` can reach. False where the face is not one whose reach is known here (not
 * TrueType, no `glyf`, a table this does not follow, a structure it does not read): then
 * nothing is promised of `target`, and the caller reads the whole file into it.
 */
export function readReachable(target: Uint8Array, size: number, readAt: ReadAt, codePoints: ReadonlySet<number>): boolean {
  try {
    return readPacked(target, size, readAt, codePoints);
  } catch (err) {
    // A table's structure runs past its end: HarfBuzz judges the whole file.
    if (err instanceof RangeError) return false;
    throw err;
  }
}

function readPacked(target: Uint8Array, size: number, readAt: ReadAt, codePoints: ReadonlySet<number>): boolean {
  if (size < SFNT_HEADER_BYTES) return false;
  readAt(target, 0, SFNT_HEADER_BYTES, 0);
  const header = new TableBytes(target, 0, size);
  if (!TRUETYPE_VERSIONS.includes(header.u32(0))) return false;
  const count = header.u16(4);
  const directoryEnd = SFNT_HEADER_BYTES + count * TABLE_RECORD_BYTES;
  if (directoryEnd > size) return false;
  readAt(target, SFNT_HEADER_BYTES, count * TABLE_RECORD_BYTES, SFNT_HEADER_BYTES);
  const tables = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const record = SFNT_HEADER_BYTES + i * TABLE_RECORD_BYTES;
    const tag = String.fromCharCode(target[record], target[record + 1], target[record + 2], target[record + 3]);
    const offset = header.u32(record + RECORD_OFFSET);
    const length = header.u32(record + RECORD_LENGTH);
    // A table over the directory or past the end of the file is left to HarfBuzz to judge, whole.
    if (offset < directoryEnd || offset + length > size) return false;
    tables.set(tag, { record, offset, length });
  }
  const glyf = tables.get('glyf');
  const loca = tables.get('loca');
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const cmap = tables.get('cmap');
  if (!glyf || !loca || !head || !maxp || !cmap || UNFOLLOWED_TABLES.some((tag) => tables.has(tag))) return false;
  // The packed outlines are written over glyf's place: no other table may share it.
  const glyfEnd = glyf.offset + glyf.length;
  for (const [tag, t] of tables) if (tag !== 'glyf' && t.offset < glyfEnd && t.offset + t.length > glyf.offset) return false;
  for (const [tag, table] of tables) if (tag !== 'glyf') readAt(target, table.offset, table.length, table.offset);
  const bytes = (t: Table): TableBytes => new TableBytes(target, t.offset, t.length);
  const gsub = tables.get('GSUB');
  const glyphs = reachableGlyphs(bytes(cmap), gsub && bytes(gsub), codePoints);
  if (!glyphs) return false;
  const short = bytes(head).u16(HEAD_INDEX_TO_LOC_FORMAT) === SHORT_OFFSETS;
  const numGlyphs = bytes(maxp).u16(MAXP_NUM_GLYPHS);
  const entryBytes = short ? 2 : 4;
  if (loca.length < (numGlyphs + 1) * entryBytes) return false;
  // The entries of the glyphs wanted, read where they are (not the whole table: 30,000 entries).
  const locaBytes = target.subarray(loca.offset, loca.offset + loca.length);
  const start = (g: number): number => locaEntry(locaBytes, g, short);
  for (const g of glyphs) if (g < numGlyphs && !(start(g) <= start(g + 1) && start(g + 1) <= glyf.length)) return false;
  // The outlines the glyphs need, their components' components too, packed in glyph order.
  let kept = new Uint32Array(0);
  let placed: number[] = [];
  for (let grown = true; grown; ) {
    grown = false;
    // In order, natively (a comparator over a thousand glyphs would run in V8's interpreter).
    const sorted = Uint32Array.from(glyphs).sort();
    let known = sorted.length;
    while (known > 0 && sorted[known - 1] >= numGlyphs) known--;
    kept = sorted.subarray(0, known);
    placed = [];
    let end = 0;
    for (let i = 0; i < kept.length; ) {
      // One read a run of consecutive glyphs: they lie one after another in the file as here.
      let j = i + 1;
      while (j < kept.length && kept[j] === kept[j - 1] + 1) j++;
      const from = start(kept[i]);
      const length = start(kept[j - 1] + 1) - from;
      for (let k = i; k < j; k++) placed.push(end + start(kept[k]) - from);
      if (length > 0) readAt(target, glyf.offset + end, length, glyf.offset + from);
      end += length;
      i = j;
    }
    placed.push(end);
    for (let k = 0; k < kept.length; k++) {
      const length = placed[k + 1] - placed[k];
      for (const part of components(target, glyf.offset + placed[k], length)) {
        if (!glyphs.has(part)) {
          glyphs.add(part);
          grown = true;
        }
      }
    }
  }
  // loca for the packed outlines (the same format: the packed table is no longer), and the
  // directory's length of glyf.
  packLoca(locaBytes, numGlyphs + 1, short, kept, placed);
  new DataView(target.buffer, target.byteOffset, size).setUint32(glyf.record + RECORD_LENGTH, placed[placed.length - 1]);
  return true;
}
