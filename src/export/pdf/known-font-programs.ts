/**
 * Font programs an earlier build embedded, kept between builds: each face's subset as the PDF
 * holds it, deflated. Making one is the dearest part of embedding a face cold: its glyphs' outlines
 * read from the font file, copied into the subset's tables (glyf-copy.ts, sfnt-subset.ts) and
 * deflated (one page of the sample's lead article: some 20 ms of a 0.28 s build). An edition is
 * built again and again while it is edited, and most edits add no glyph to any face's subset.
 *
 * A program is known for a face file as it is (fonts/face-identity.ts: the file's device, inode,
 * size, write and change times, and the face's PostScript name) and for the subset: its glyphs
 * in CID order and the advances of its narrowed copies. Each face keeps the program of its last
 * build. A face whose file was written within RACY_MS of the build keeps nothing. The bytes the
 * record answers are those the same glyphs of the same face deflate to, so a PDF comes out the
 * same with it or without it.
 *
 * The command line keeps one record per edition folder and bundle of banmian (cache-files.ts).
 * Anything wrong with the file (missing, unreadable, not this format) leaves nothing known, and
 * costs only the programs (kept-map.ts).
 */
import { crc32, deflateSync, type ZlibOptions } from 'node:zlib';
import { FaceIdentities, faceIdentitiesFor, type Face, type FaceRecordOptions } from '../../fonts/index.js';
import { isCount, KeptMap, type BytesNamed, type KeptMapFormat } from '../../kept-map.js';

/**
 * Faces whose programs are kept at most, the most recently used: more than an edition uses. Each
 * face keeps the program of its last build alone (a program is some 20–200 KB), so the record is
 * about the size of the fonts in the edition's last PDF.
 */
export const MAX_PROGRAMS = 64;

/** One face's subset: its glyphs in CID order, and the advances (font units) of the CIDs that are narrowed copies. */
export interface SubsetDescription {
  readonly glyphs: readonly number[];
  readonly narrowed: ReadonlyMap<number, number>;
}

/** How the record is used by a build (kept-map.ts). */
export type KnownFontProgramsOptions = FaceRecordOptions;

/** A face's last program: its subset (`subsetKey`) and the program deflated. */
interface KnownProgram {
  readonly subset: string;
  readonly deflated: Buffer;
}

/**
 * The record's file: `{ format: 3, programs: { <face identity>: [<subset>, <where the deflated
 * program is after the line>, <its CRC-32>] } }` and the programs after it (kept-map.ts). The
 * CRC-32 of the bytes is checked when a program is read back (a tenth of a millisecond for the
 * sample's): bytes damaged in the file are never embedded, the program is made afresh.
 */
const RECORD: KeptMapFormat<KnownProgram> = {
  format: 3,
  field: 'programs',
  max: MAX_PROGRAMS,
  read: storedProgram,
  write: (program, put) => [program.subset, put(program.deflated), crc32(program.deflated)],
};

/**
 * How a font program is deflated: zlib's level 6 (pdfkit's, its PDFReference.finalize) with its
 * largest hash table (memLevel 9, pdfkit's 8). A program is mostly `glyf` outlines, whose
 * matches the larger table finds at less cost: the sample's six programs (418 KB) deflate to
 * 280,492 bytes against 280,821, in 14.8 ms against 22 ms in a fresh process (medians of 7), on
 * the main thread at the end of a new edition's PDF. (Format 3 of the record: the programs of
 * format 2 were deflated at pdfkit's settings, and a build gives the same bytes with a record or
 * without.)
 */
export const PROGRAM_DEFLATE: ZlibOptions = { memLevel: 9 };

/** The font program as the PDF's stream holds it. */
export function deflateProgram(program: Uint8Array): Buffer {
  return deflateSync(program, PROGRAM_DEFLATE);
}

export class KnownFontPrograms {
  private constructor(
    private readonly programs: KeptMap<KnownProgram>,
    private readonly faces: FaceIdentities,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownFontPrograms {
    return new KnownFontPrograms(KeptMap.none(RECORD), new FaceIdentities());
  }

  /** The programs known from `file`, kept there by `save`; nothing known when it cannot be read. */
  static load(file: string, options: KnownFontProgramsOptions = {}): KnownFontPrograms {
    return new KnownFontPrograms(KeptMap.load(file, RECORD, options.afterSave), faceIdentitiesFor(options));
  }

  /** The deflated program of `face`'s `subset`, made by `encode` (the program itself) and deflated the first time. */
  deflated(face: Face, subset: SubsetDescription, encode: () => Uint8Array): Buffer {
    if (!this.programs.kept) return deflateProgram(encode());
    const identity = this.faces.of(face);
    if (identity === null) return deflateProgram(encode());
    const key = subsetKey(subset);
    const known = this.programs.get(identity);
    if (known?.subset === key) return known.deflated;
    const made = deflateProgram(encode());
    this.programs.set(identity, { subset: key, deflated: made });
    return made;
  }

  /** Write what is known, whole or not at all, when anything was added (kept-map.ts: never throws). */
  save(): void {
    this.programs.save();
  }
}

function storedProgram(value: unknown, _key: string, bytes: BytesNamed): KnownProgram | undefined {
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [subset, at, checksum] = value as unknown[];
  if (typeof subset !== 'string' || subset === '' || !isCount(checksum)) return undefined;
  const deflated = bytes(at);
  return deflated !== undefined && deflated.length > 0 && crc32(deflated) === checksum ? { subset, deflated } : undefined;
}

/**
 * The subset as the record keys it: its glyphs in CID order, then its narrowed copies' CIDs and
 * advances (a few KB for a page's faces; no digest, whose module alone costs a cold build more
 * than comparing the text).
 */
function subsetKey(subset: SubsetDescription): string {
  const narrowed = [...subset.narrowed].sort((a, b) => a[0] - b[0]).map(([cid, advance]) => `${cid}=${advance}`);
  return `${subset.glyphs.join(',')};${narrowed.join(',')}`;
}
