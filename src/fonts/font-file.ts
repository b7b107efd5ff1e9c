/**
 * A font file in memory as far as a build reads it. A CJK TrueType face is 10–15 MB, of which
 * the glyph outlines (`glyf`) are nine tenths and a page uses a few thousand glyphs of 30,000.
 * So every table but `glyf` is read when the face is opened, and a glyph's outline when it is
 * first needed (TrueType `loca` says where it is). The bytes sit in memory the size of
 * the whole file, shared between threads; pages of it never written are never resident.
 *
 * The fontkit 2 internals this relies on (fontkit is pinned ^2.0.4): every glyph object is
 * made by `TTFFont._getBaseGlyph(id)` (through `getGlyph`, and for a COLR glyph's layers), and
 * a glyph object reads its outline only in `_decode` (TrueType `Subset` decodes each glyph it
 * copies too), at `directory.tables.glyf.offset + loca.offsets[id]`.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import type { Font } from 'fontkit';
import { readFully } from '../read-fully.cjs';

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
  readInto(fd, into, offset, length, offset);
}

/** `length` bytes of the file at `position` into `into` at `offset`, all of them. */
function readInto(fd: number, into: Buffer, offset: number, length: number, position: number): void {
  if (readFully(fd, into, offset, length, position) < length) throw new Error(`the file ends before byte ${position + length}`);
}

/** A font file's bytes in shared memory, and whether the glyph outlines are among them yet. */
export interface FontFileBytes {
  readonly memory: SharedArrayBuffer;
  /** `read`: the whole file is there; `on-demand`: every table but `glyf`, whose glyphs are read as made. */
  readonly outlines: 'read' | 'on-demand';
}

/**
 * The byte ranges to read of a file of `size` bytes whose first bytes are `head`: all of it, or
 * all but the outlines: what comes before `glyf` and what comes after it, two reads at most
 * (the tables lie end to end; a read a table costs the thread pool a wake-up each, some 19 a face).
 */
export function rangesToRead(head: Buffer, size: number): { ranges: (readonly [number, number])[]; outlines: FontFileBytes['outlines'] } {
  const whole = { ranges: [[0, size] as const], outlines: 'read' as const };
  const records = tableRecords(head);
  const glyf = records?.find((r) => r.tag === GLYF);
  if (!records || !glyf || records.some((r) => r.offset + r.length > size)) return whole;
  const after = glyf.offset + glyf.length;
  const ranges = [[0, glyf.offset] as const, [after, size - after] as const].filter(([, length]) => length > 0);
  return { ranges, outlines: 'on-demand' };
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

/** fontkit's glyph object, as far as this module reaches inside it: where it reads its outline. */
interface GlyphInternals {
  _decode(): unknown;
}

/** A glyph's outline bytes where a staging read put them, or undefined: then they are (or will be read) in the face's memory. */
export type StagedOutlines = (glyphId: number) => Uint8Array | undefined;

/** Reads glyph outlines into a face's memory before anything needs them. */
export interface GlyphOutlines {
  /** Read the outlines of `glyphIds` not read yet, in as few reads of the file as it takes. */
  read(glyphIds: Iterable<number>): void;
  /**
   * Read the outlines of `glyphIds` not in the face's memory into memory of their own, packed,
   * in as few reads as `read` makes, for one consumer that copies them (the PDF's font
   * program: export/pdf/glyf-copy.ts). The face's memory is left as it was: its outlines lie
   * where the file has them, a page of fresh memory or two for each read, where packed they
   * share their pages (600 outlines of 2 KB scattered over 15 MB: 17 ms and 1,120 page faults,
   * packed 9 ms and 530).
   */
  stage(glyphIds: Iterable<number>): StagedOutlines;
}

/** A face whose file was read whole has every outline already. */
export const ALL_OUTLINES_READ: GlyphOutlines = { read: () => {}, stage: () => () => undefined };

/**
 * Outlines closer than this in the file are read in one go, the bytes between them too: a
 * read costs more than copying a few kilobytes.
 */
const MAX_GAP_BYTES = 4096;

/**
 * Read glyph outlines from `file` into `bytes` (the memory the font was opened from) when they
 * are needed: the PDF's subset asks for all of its glyphs at once (`read`), in as few reads as
 * their places in the file allow; anything else fontkit decodes (an outline drawn as SVG, a
 * component of a composite glyph) is read as fontkit decodes it. Setting text needs no outline
 * (an advance is read from `hmtx`): a page's thousand glyphs were a thousand reads of the file
 * while the text was set. The file is opened for a burst of reads and closed once the burst's
 * synchronous work is over.
 */
export function readGlyphsOnDemand(font: Font, file: string, bytes: Buffer): GlyphOutlines {
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
  const known = (id: number): boolean => id >= 0 && id + 1 < offsets.length;
  /** The outlines of `glyphIds` not in the face's memory, in file order, and the ranges of the file that hold them (outlines closer than MAX_GAP_BYTES in one). */
  const ranges = (glyphIds: Iterable<number>): { wanted: number[]; spans: (readonly [number, number])[] } => {
    const wanted: number[] = [];
    const seen = new Set<number>();
    for (const id of glyphIds) {
      if (!known(id) || read[id] === 1 || seen.has(id)) continue;
      seen.add(id);
      if (offsets[id + 1] > offsets[id]) wanted.push(id);
    }
    wanted.sort((a, b) => offsets[a] - offsets[b]);
    const spans: (readonly [number, number])[] = [];
    for (let k = 0; k < wanted.length; ) {
      const start = offsets[wanted[k]];
      let end = offsets[wanted[k] + 1];
      for (k++; k < wanted.length && offsets[wanted[k]] - end <= MAX_GAP_BYTES; k++) end = Math.max(end, offsets[wanted[k] + 1]);
      spans.push([start, end]);
    }
    return { wanted, spans };
  };
  const outlines: GlyphOutlines = {
    read(glyphIds) {
      const ids = [...glyphIds];
      const { spans } = ranges(ids);
      for (const id of ids) if (known(id)) read[id] = 1;
      for (const [start, end] of spans) readAt(fd(), bytes, glyf.offset + start, end - start);
    },
    stage(glyphIds) {
      const { wanted, spans } = ranges(glyphIds);
      let total = 0;
      for (const [start, end] of spans) total += end - start;
      const staged = Buffer.allocUnsafeSlow(total);
      // Where each span's first byte went in `staged`.
      const placed: number[] = [];
      let at = 0;
      for (const [start, end] of spans) {
        placed.push(at);
        readInto(fd(), staged, at, end - start, glyf.offset + start);
        at += end - start;
      }
      const where = new Map<number, Uint8Array>();
      // Spans and outlines are both in file order: walk them together.
      let span = 0;
      for (const id of wanted) {
        while (offsets[id] >= spans[span][1]) span++;
        const from = placed[span] + offsets[id] - spans[span][0];
        where.set(id, staged.subarray(from, from + offsets[id + 1] - offsets[id]));
      }
      return (glyphId) => where.get(glyphId);
    },
  };
  tt._getBaseGlyph = (id: number, characters?: number[]): unknown => {
    const glyph = baseGlyph(id, characters) as GlyphInternals;
    if (known(id) && read[id] === 0 && !Object.hasOwn(glyph, '_decode')) {
      // Its outline is read when fontkit first decodes it, if nothing has read it before.
      const decode = glyph._decode;
      glyph._decode = function (this: GlyphInternals): unknown {
        outlines.read([id]);
        return decode.call(this);
      };
    }
    return glyph;
  };
  return outlines;
}
