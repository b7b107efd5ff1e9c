/**
 * The EPUB's font files an earlier build embedded, kept between builds: each face's subset as
 * the book's zip holds it (deflated at level 9, zip.ts), with the size and CRC-32 of the subset
 * itself, which the zip's records carry. Making them is most of a book's work: HarfBuzz run over
 * each face (harfbuzz.ts; 70–95 ms for the first face of a process, most of it HarfBuzz's
 * functions compiled at their first call, 10–25 ms for each after) and each subset deflated at
 * level 9, all on the font thread, which the pages then share the second core with. An edition
 * is built again and again while it is edited, and most edits add no character to any face.
 *
 * A subset is known for a face file as it is (fonts/face-identity.ts: the file's device, inode,
 * size, write and change times, and the face's PostScript name) and for the characters it draws,
 * in code-point order; and only to the HarfBuzz that made it (its wasm file's identity, the
 * record's stamp). Each face keeps the subset of its last build. A face whose file was written
 * within RACY_MS of the build keeps nothing. The bytes the record answers are those HarfBuzz and
 * zlib made of the same face for the same characters, so a book comes out the same with the
 * record or without it.
 *
 * The command line keeps one record per edition folder and bundle of banmian (cache-files.ts).
 * Anything wrong with the file (missing, unreadable, not this format, another HarfBuzz, bytes
 * not where an entry says or whose CRC-32 is not as written) leaves that much unknown, and costs
 * only the subsets (kept-map.ts).
 */
import { statSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { fileIdentity } from '../../file-identity.js';
import { FaceIdentities, faceIdentitiesFor, type Face, type FaceRecordOptions } from '../../fonts/index.js';
import { isCount, KeptMap, type BytesNamed, type KeptMapFormat } from '../../kept-map.js';
import { harfBuzzFile } from './harfbuzz.js';
import type { PackedData } from './zip.js';

/**
 * Faces whose subsets are kept at most, the most recently used: more than an edition uses. Each
 * face keeps its last subset alone (the sample's: 5–240 KB deflated, 300 KB for its six faces),
 * so the record is about the size of the fonts in the edition's last book.
 */
export const MAX_BOOK_FONTS = 32;

/** How the record is used by a build (kept-map.ts). */
export type KnownBookFontsOptions = FaceRecordOptions;

/** A face's last subset: the characters it draws, and the subset as the zip holds it. */
interface KnownSubset {
  readonly text: string;
  readonly packed: PackedData;
}

/**
 * The record's file: `{ format: 1, harfbuzz: <wasm file identity>, faces: { <face identity>:
 * [<characters>, <subset size>, <subset CRC-32>, <where the deflated subset is after the line>,
 * <its CRC-32>] } }` and the deflated subsets after it (kept-map.ts). Their CRC-32 is checked
 * when they are read back: bytes damaged in the file never go into a book, the subset is made
 * afresh.
 */
function recordFormat(harfbuzz: string): KeptMapFormat<KnownSubset> {
  return {
    format: 1,
    field: 'faces',
    stamp: { harfbuzz },
    max: MAX_BOOK_FONTS,
    read: storedSubset,
    write: ({ text, packed }, put) => [text, packed.size, packed.crc, put(packed.deflated), crc32(packed.deflated)],
  };
}

/** The identity of the HarfBuzz build subsets come from (its wasm file), or null when it cannot be read. */
function harfBuzzIdentity(): string | null {
  try {
    return fileIdentity(statSync(harfBuzzFile(), { bigint: true }));
  } catch {
    return null;
  }
}

export class KnownBookFonts {
  private constructor(
    private readonly subsets: KeptMap<KnownSubset>,
    private readonly faces: FaceIdentities,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownBookFonts {
    return new KnownBookFonts(KeptMap.none(recordFormat('')), new FaceIdentities());
  }

  /** The subsets known from `file`, kept there by `save`; nothing known when it cannot be read. */
  static load(file: string, options: KnownBookFontsOptions = {}): KnownBookFonts {
    const harfbuzz = harfBuzzIdentity();
    if (harfbuzz === null) return KnownBookFonts.none();
    return new KnownBookFonts(KeptMap.load(file, recordFormat(harfbuzz), options.afterSave), faceIdentitiesFor(options));
  }

  /** Whether a subset of `face` made now is kept: the record is kept somewhere and the face file can be trusted. */
  keeps(face: Face): boolean {
    return this.subsets.kept && this.faces.of(face) !== null;
  }

  /** `face`'s subset for the characters `text` (in code-point order) as the zip holds it, when an earlier build made it. */
  subsetOf(face: Face, text: string): PackedData | undefined {
    if (!this.subsets.kept) return undefined;
    const identity = this.faces.of(face);
    if (identity === null) return undefined;
    const known = this.subsets.get(identity);
    return known?.text === text ? known.packed : undefined;
  }

  /** Keep `face`'s subset for `text`, made now: its bytes and those deflated for the zip. */
  keep(face: Face, text: string, packed: PackedData): void {
    if (!this.subsets.kept) return;
    const identity = this.faces.of(face);
    if (identity !== null) this.subsets.set(identity, { text, packed });
  }

  /** Write what is known, whole or not at all, when anything was added (kept-map.ts: never throws). */
  save(): void {
    this.subsets.save();
  }
}

function storedSubset(value: unknown, _key: string, bytes: BytesNamed): KnownSubset | undefined {
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  const [text, size, crc, at, checksum] = value as unknown[];
  if (typeof text !== 'string' || text === '' || !isCount(size) || size === 0 || !isCount(crc) || !isCount(checksum)) return undefined;
  const deflated = bytes(at);
  if (deflated === undefined || deflated.length === 0 || crc32(deflated) !== checksum) return undefined;
  return { text, packed: { deflated, crc, size } };
}
