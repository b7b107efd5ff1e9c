import type { Face, FontBook, FontRole } from '../../fonts/types.js';
import { ContentError } from '../../model/errors.js';
import { Subsetter, subsetJob, type SubsetJob } from './harfbuzz.js';
import { KnownBookFonts } from './known-book-fonts.js';
import { asciiName } from './plan.js';
import type { GlyphSink } from './roles.js';
import { deflateEntry, packedData, type PackedData } from './zip.js';

/**
 * Font embedding: which characters each face draws, and a subset of each face holding just
 * those. fontkit's subsets are PDF-only (no cmap), so EPUB fonts come from HarfBuzz's
 * hb-subset (harfbuzz.ts, compiled to wasm), which needs a single-face SFNT file, as ours are.
 *
 * Output is TrueType (`font/ttf`), not WOFF2: WOFF2 would be about 25% smaller after the zip's
 * own compression, but older reading systems (Adobe RMSDK based readers) do not read it,
 * and brotli compression costs seconds per CJK face.
 */

/** A subset face ready to go into the EPUB. */
export interface EmbeddedFont {
  readonly face: Face;
  /** Path inside the content folder, e.g. `fonts/song.ttf`. */
  readonly file: string;
  readonly mediaType: string;
  /** The subset's bytes, or those packed for the zip already (an earlier build's: known-book-fonts.ts). */
  readonly data: Uint8Array | PackedData;
  /** `data` deflated for the zip already (zip.ts deflateEntry), when the font thread did it. */
  readonly deflated?: Uint8Array;
  /** CSS `font-weight` of the face (OS/2 usWeightClass). */
  readonly weight: number;
  /** Generic family to fall back on: `sans-serif` for 黑体-like faces, else `serif`. */
  readonly generic: 'serif' | 'sans-serif';
}


/**
 * Records which characters each face must draw. A character used in a role goes to the first
 * face of the role's fallback chain that has it, which is the face CSS font fallback will pick
 * given `font-family: <chain…>` (css.ts).
 */
/** Control characters (C0, DEL and C1) draw nothing and take no glyph. */
const FIRST_PRINTABLE = 0x20;
const DELETE = 0x7f;
const FIRST_LATIN1_PRINTABLE = 0xa0;
/** The last code point UTF-16 writes in one unit. */
const MAX_BMP = 0xffff;

export class GlyphCollector {
  private readonly used = new Map<Face, Set<number>>();
  /** The characters each role has reported: a book repeats most of its characters many times. */
  private readonly seen = new Map<FontRole, Set<number>>();

  constructor(private readonly fonts: FontBook) {}

  /** The sink chapter and nav rendering report into. */
  readonly sink: GlyphSink = (role, text) => {
    let seen = this.seen.get(role);
    if (!seen) this.seen.set(role, (seen = new Set()));
    let chain: readonly Face[] | undefined;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > MAX_BMP) i++;
      if (cp < FIRST_PRINTABLE || (cp >= DELETE && cp < FIRST_LATIN1_PRINTABLE) || seen.has(cp)) continue;
      seen.add(cp);
      chain ??= this.fonts.chain(role);
      const face = chain.find((f) => this.fonts.glyph(f, cp) !== undefined) ?? chain[0];
      let set = this.used.get(face);
      if (!set) this.used.set(face, (set = new Set()));
      set.add(cp);
    }
  };

  /** Faces that draw anything, by key, each with its characters in code-point order. */
  faceTexts(): Array<{ face: Face; text: string }> {
    return [...this.used]
      .sort(([a], [b]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(([face, set]) => ({ face, text: String.fromCodePoint(...[...set].sort((a, b) => a - b)) }));
  }
}

/** A face's subset: its TrueType bytes, and those deflated for the zip when already done. */
export interface SubsetFace {
  readonly data: Uint8Array;
  readonly deflated?: Uint8Array;
}

/**
 * What subsets faces: each job's subset, or the Error it failed with, in job order. Given all
 * the jobs at once, and called before the book waits on anything, so that one on another
 * thread (subset-thread.ts) works while this one sets pages.
 */
export type FontSubsetter = (jobs: readonly SubsetJob[]) => Promise<(SubsetFace | Error)[]>;

/**
 * The jobs done here, with HarfBuzz compiled from `harfbuzz` (or now), one face at a time:
 * HarfBuzz reads each whole file (the build holds only the outlines it used).
 */
export function subsetHere(harfbuzz?: Promise<WebAssembly.Module>): FontSubsetter {
  return async (jobs) => {
    if (jobs.length === 0) return [];
    const subsetter = await Subsetter.create(harfbuzz);
    return jobs.map((job) => {
      const data = subsetJob(subsetter, job);
      return data instanceof Error ? data : { data };
    });
  };
}

/**
 * Subset each face to its characters, as TrueType, with ASCII file names from the face keys.
 * A face an earlier build subset for the same characters is taken from `known`; the subsetter is
 * handed every other face before anything is waited on (FontSubsetter), and what it makes is
 * kept in `known` for the next build.
 */
export async function subsetFaces(
  faceTexts: ReadonlyArray<{ face: Face; text: string }>,
  subset: FontSubsetter = subsetHere(),
  known: KnownBookFonts = KnownBookFonts.none(),
): Promise<EmbeddedFont[]> {
  const answered = faceTexts.map(({ face, text }) => known.subsetOf(face, text));
  const asked = faceTexts.filter((_, i) => answered[i] === undefined);
  const made = asked.length === 0 ? [] : subset(asked.map(({ face, text }) => ({ file: face.file, codePoints: Array.from(text, (c) => c.codePointAt(0)!) })));
  const madeFaces = await made;
  let next = 0;
  const subsets = answered.map((packed): SubsetFace | PackedData | Error => packed ?? madeFaces[next++]);
  const taken = new Set<string>();
  const out: EmbeddedFont[] = [];
  for (const [i, subset] of subsets.entries()) {
    const { face, text } = faceTexts[i];
    let stem = asciiName(face.key, `face${i + 1}`);
    while (taken.has(stem)) stem += '-x';
    taken.add(stem);
    if (subset instanceof Error) {
      throw new ContentError(`EPUB: cannot subset font "${face.key}" (${face.file}): ${subset.message}`, undefined,
        'EPUB fonts must be single-face TrueType/OpenType files (not .ttc); or build with fonts not embedded');
    }
    let data: Uint8Array | PackedData;
    let deflated: Uint8Array | undefined;
    if ('data' in subset) {
      // Made now: kept for the next build, deflated here when the subsetter did not.
      deflated = subset.deflated ?? (known.keeps(face) ? deflateEntry(subset.data) : undefined);
      if (deflated) known.keep(face, text, packedData(subset.data, deflated));
      data = subset.data;
    } else data = subset;
    out.push({
      face,
      file: `fonts/${stem}.ttf`,
      mediaType: 'font/ttf',
      data,
      ...(deflated ? { deflated } : {}),
      weight: face.font['OS/2']?.usWeightClass || 400,
      generic: genericFamily(face),
    });
  }
  return out;
}

/** `sans-serif` for faces whose family name says sans/黑体/gothic, else `serif`. */
export function genericFamily(face: Face): 'serif' | 'sans-serif' {
  return /sans|hei|gothic|黑/i.test(`${face.font.familyName} ${face.key}`) ? 'sans-serif' : 'serif';
}
