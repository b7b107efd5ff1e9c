/**
 * A font file in memory as far as a build reads it. A CJK TrueType face is 10–15 MB, of which
 * the glyph outlines (`glyf`) are nine tenths and a page uses a few thousand glyphs of 30,000.
 * So every table but `glyf` is read when the face is opened, and a glyph's outline when fontkit
 * first makes the glyph (TrueType `loca` says where it is). The bytes sit in memory the size of
 * the whole file, shared between threads; pages of it never written are never resident.
 *
 * The fontkit 2 internals this relies on (fontkit is pinned ^2.0.4): every glyph object is
 * made by `TTFFont._getBaseGlyph(id)` (through `getGlyph`, and for a COLR glyph's layers), and
 * glyph outlines are read only by glyph objects (TrueType `Subset` gets them from `getGlyph`
 * too), at `directory.tables.glyf.offset + loca.offsets[id]`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Font } from 'fontkit';

/** OpenType: the table directory after a 12-byte header, 16 bytes a table. */
const HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;
/** sfnt versions of a single TrueType or OpenType face (collections and web fonts are read whole). */
const SFNT_VERSIONS = new Set([0x00010000, 0x74727565 /* 'true' */, 0x4f54544f /* 'OTTO' */]);
const GLYF = 'glyf';

interface TableRecord {
  readonly tag: string;
  readonly offset: number;
  readonly length: number;
}

/** The table records of an sfnt's header, or undefined for what is not a single face. */
function tableRecords(head: Buffer): TableRecord[] | undefined {
  if (head.length < HEADER_BYTES || !SFNT_VERSIONS.has(head.readUInt32BE(0))) return undefined;
  const count = head.readUInt16BE(4);
  if (head.length < HEADER_BYTES + count * TABLE_RECORD_BYTES) return undefined;
  return Array.from({ length: count }, (_, i) => {
    const at = HEADER_BYTES + i * TABLE_RECORD_BYTES;
    return { tag: head.toString('latin1', at, at + 4), offset: head.readUInt32BE(at + 8), length: head.readUInt32BE(at + 12) };
  });
}

function readAt(fd: number, into: Buffer, offset: number, length: number): void {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, into, offset + done, length - done, offset + done);
    if (n === 0) throw new Error(`the file ends before byte ${offset + length}`);
    done += n;
  }
}

/** A font file's bytes in shared memory, and whether the glyph outlines are among them yet. */
export interface FontFileBytes {
  readonly memory: SharedArrayBuffer;
  /** `read`: the whole file is there; `on-demand`: every table but `glyf`, whose glyphs are read as made. */
  readonly outlines: 'read' | 'on-demand';
}

/** The byte ranges to read of a file of `size` bytes whose first bytes are `head`: all of it, or every table but the outlines. */
export function rangesToRead(head: Buffer, size: number): { ranges: (readonly [number, number])[]; outlines: FontFileBytes['outlines'] } {
  const whole = { ranges: [[0, size] as const], outlines: 'read' as const };
  const records = tableRecords(head);
  if (!records || !records.some((r) => r.tag === GLYF) || records.some((r) => r.offset + r.length > size)) return whole;
  const ranges = records.filter((r) => r.tag !== GLYF).map((r) => [r.offset, r.length] as const);
  return { ranges: [[0, head.length], ...ranges], outlines: 'on-demand' };
}

/** Bytes of the header and table directory to read first: enough for 256 tables. */
export const HEAD_BYTES = HEADER_BYTES + 256 * TABLE_RECORD_BYTES;

/** Read a font file: every table but the glyph outlines of a single TrueType face, else all of it. */
export function readFontFile(file: string): FontFileBytes {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const memory = new SharedArrayBuffer(size);
    const bytes = Buffer.from(memory);
    const headLength = Math.min(size, HEAD_BYTES);
    readAt(fd, bytes, 0, headLength);
    const plan = rangesToRead(bytes.subarray(0, headLength), size);
    for (const [offset, length] of plan.ranges) readAt(fd, bytes, offset, length);
    return { memory, outlines: plan.outlines };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of every face a book has opened, by file: for another thread to open them from (loadFontBook's `preloaded`). */
export function sharedFontFiles(faces: Iterable<{ readonly file: string; readonly bytes: FontFileBytes }>): Map<string, FontFileBytes> {
  return new Map([...faces].map((face) => [face.file, face.bytes]));
}

/** fontkit's TrueType font, as far as this module reaches inside it. */
interface TrueTypeInternals {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca?: { offsets: ArrayLike<number> };
  _getBaseGlyph(id: number, characters?: number[]): unknown;
}

/**
 * Read each glyph's outline from `file` into `bytes` (the memory the font was opened from) when
 * fontkit first makes the glyph. Glyphs are made in bursts (a paragraph, a page's subset): the
 * file is opened at the first read of a burst and closed once the burst's synchronous work is
 * over, not opened and closed for each glyph (three system calls a glyph, some 20 ms for a
 * page's thousand glyphs in a cold process).
 */
export function readGlyphsOnDemand(font: Font, file: string, bytes: Buffer): void {
  const tt = font as unknown as TrueTypeInternals;
  const glyf = tt.directory.tables[GLYF];
  const offsets = glyf ? tt.loca?.offsets : undefined;
  if (!glyf || !offsets) throw new Error(`${file}: no glyph table to read from`);
  const read = new Uint8Array(offsets.length);
  const baseGlyph = tt._getBaseGlyph.bind(tt);
  let open: number | undefined;
  const fd = (): number => {
    if (open === undefined) {
      open = openSync(file, 'r');
      // Closed when the event loop next turns; a process that ends first has it closed for it.
      setImmediate(() => {
        if (open !== undefined) closeSync(open);
        open = undefined;
      }).unref();
    }
    return open;
  };
  tt._getBaseGlyph = (id: number, characters?: number[]): unknown => {
    if (id >= 0 && id + 1 < offsets.length && read[id] === 0) {
      read[id] = 1;
      const start = offsets[id];
      const length = offsets[id + 1] - start;
      if (length > 0) readAt(fd(), bytes, glyf.offset + start, length);
    }
    return baseGlyph(id, characters);
  };
}
