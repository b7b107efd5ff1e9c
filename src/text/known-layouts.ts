/**
 * OpenType layouts an earlier build made (fontkit-layout.ts), kept between builds: the Western
 * words, figures, dashes and ellipses of an edition, each set once per face, text and features.
 * fontkit's layout is the dearest thing the text stage does cold: its engine reads the face's
 * GSUB and GPOS tables at the first word, and each word runs code V8 has not yet compiled well
 * (the sample: 34 layouts, some 15–20 ms of a build). An edition is built again and again while
 * it is edited, and its words are mostly those of the build before.
 *
 * A layout is known for a face file as it is (file-identity.ts: device, inode, size, write and
 * change times) and for the face in it (its PostScript name): a font replaced or written to is
 * laid out afresh. A face whose file was written within RACY_MS of the build keeps nothing. What
 * the record answers is what fontkit gave for the same face, text and features, so a build
 * comes out the same with it or without it.
 *
 * The command line keeps one record per edition folder and bundle of banmian (cache-files.ts):
 * a banmian (or fontkit) that lays out differently starts afresh. Anything wrong with the file
 * (missing, unreadable, not this format) leaves nothing known, and costs only the layouts
 * (kept-map.ts).
 */
import { FaceIdentities, faceIdentitiesFor, type Face, type FaceRecordOptions } from '../fonts/index.js';
import { KeptMap, type KeptMapFormat } from '../kept-map.js';
import type { LaidGlyph, LaidRun } from './fontkit-layout.js';

/** Layouts kept at most, the most recently used: an edition's words several times over, read in well under a millisecond. */
export const MAX_LAYOUTS = 2048;
/** Between a layout key's parts: a character no face identity, feature tag or text of a run has. */
const SEPARATOR = '\u0000';

/** How the record is used by a build (kept-map.ts). */
export type KnownLayoutsOptions = FaceRecordOptions;

/** A glyph as the file keeps it: [id, advance, code points]. */
type StoredGlyph = [number, number, number[]];
/** A run as the file keeps it: its glyphs, and 1 when fontkit set it right to left. */
type StoredRun = [StoredGlyph[], 0 | 1];

/** The record's file: `{ format: 1, runs: { <face identity>\0<features>\0<text>: StoredRun } }`. */
const RECORD: KeptMapFormat<LaidRun> = {
  format: 1,
  field: 'runs',
  max: MAX_LAYOUTS,
  read: storedRun,
  write: (run): StoredRun => [run.glyphs.map((g) => [g.id, g.advance, [...g.codePoints]]), run.rightToLeft ? 1 : 0],
};

export class KnownLayouts {
  private constructor(
    private readonly runs: KeptMap<LaidRun>,
    private readonly faces: FaceIdentities,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownLayouts {
    return new KnownLayouts(KeptMap.none(RECORD), new FaceIdentities());
  }

  /** The layouts known from `file`, kept there by `save`; nothing known when it cannot be read. */
  static load(file: string, options: KnownLayoutsOptions = {}): KnownLayouts {
    return new KnownLayouts(KeptMap.load(file, RECORD, options.afterSave), faceIdentitiesFor(options));
  }

  /** The run `layout` gives for `text` with `features` in `face`, laid out by it the first time. */
  run(face: Face, text: string, features: readonly string[], layout: () => LaidRun): LaidRun {
    if (!this.runs.kept) return layout();
    const identity = this.faces.of(face);
    if (identity === null) return layout();
    const key = `${identity}${SEPARATOR}${features.join(',')}${SEPARATOR}${text}`;
    const known = this.runs.get(key);
    if (known) return known;
    const laid = layout();
    this.runs.set(key, laid);
    return laid;
  }

  /** Write what is known, whole or not at all, when anything was added (kept-map.ts: never throws). */
  save(): void {
    this.runs.save();
  }
}

function storedRun(value: unknown): LaidRun | undefined {
  if (!Array.isArray(value) || value.length !== 2 || !Array.isArray(value[0]) || (value[1] !== 0 && value[1] !== 1)) return undefined;
  const glyphs: LaidGlyph[] = [];
  for (const g of value[0] as unknown[]) {
    if (!Array.isArray(g) || g.length !== 3) return undefined;
    const [id, advance, codePoints] = g as unknown[];
    if (!Number.isInteger(id) || (id as number) < 0 || typeof advance !== 'number' || !Number.isFinite(advance)) return undefined;
    if (!Array.isArray(codePoints) || !codePoints.every((cp) => Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff)) return undefined;
    glyphs.push({ id: id as number, advance, codePoints: codePoints as number[] });
  }
  return { glyphs, rightToLeft: value[1] === 1 };
}
