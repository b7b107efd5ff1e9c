import type { Face, FontBook, FontRole } from '../fonts/index.js';
import { layoutRun } from './fontkit-layout.js';
import { baseOf, isDefaultIgnorable, isVariationSelector } from './ignorable.js';
import { KnownLayouts } from './known-layouts.js';
import { variantGlyph } from './variation-sequence.js';

/** A shaped glyph in font units, before it is scaled to points. */
export interface ShapedGlyph {
  readonly id: number;
  /** Advance in font units. */
  readonly advance: number;
  /** Characters the glyph stands for ('' for a glyph that adds to the one before: a ligature's tail). */
  readonly text: string;
}

/** A character (or run) no face of the role's chain could set. */
export interface MissingGlyph {
  readonly char: string;
  readonly codePoint: number;
  readonly role: FontRole;
}

/** Glyph id of .notdef (OpenType spec, "Recommendations for OpenType fonts": glyph 0). */
const NOTDEF = 0;
/** U+200C ZERO WIDTH NON-JOINER: no ligature or cursive join across it (Unicode §23.2). */
const ZWNJ = '\u200c';
const MARK = /^\p{M}$/u;

/** A run of characters the face has, set by one fontkit layout. */
interface Run {
  /** The code points given to fontkit. */
  readonly chars: string[];
  /** What each of them stands for in the text: itself, the letter and marks it composes, and the
   *  invisible characters after it. */
  readonly sources: string[];
}

/**
 * Shaping through fontkit. A single CJK character is looked up in the cmap (cached per face and
 * code point by the FontBook, about 20× cheaper than a full layout); Western words, ——, …… and
 * anything that needs OpenType features go through `font.layout`, cached per face and text.
 *
 * Every glyph carries the characters it stands for, so that the PDF's text gives back the
 * source: a character the face lacks is its own .notdef glyph with its own text; a letter and
 * combining marks the face has only as one precomposed character are drawn with that glyph
 * and keep their own code points (as HarfBuzz's normalizer does, hb-ot-shape-normalize.cc);
 * invisible characters (ignorable.ts) draw nothing and go with the glyph before them.
 */
export class Shaper {
  private readonly layoutCache = new Map<Face, Map<string, readonly ShapedGlyph[]>>();

  constructor(
    private readonly fonts: FontBook,
    /** Where missing characters are reported. */
    private readonly missing: MissingGlyph[],
    /** Layouts earlier builds made, answered without fontkit (known-layouts.ts). */
    private readonly layouts: KnownLayouts = KnownLayouts.none(),
  ) {}

  /** How many missing characters have been reported so far. */
  get missingCount(): number {
    return this.missing.length;
  }

  /** The missing characters reported since `count`. */
  missingSince(count: number): MissingGlyph[] {
    return this.missing.slice(count);
  }

  /** Report again characters found missing when a cached box was first made. */
  report(missing: readonly MissingGlyph[]): void {
    for (const m of missing) this.missing.push(m);
  }

  /**
   * The first face of the role's chain that has the text's first visible character; the first
   * face if none has it.
   */
  faceFor(role: FontRole, text: string): Face {
    const chain = this.fonts.chain(role);
    const ch = baseOf(text);
    if (ch === undefined) return chain[0];
    const cp = ch.codePointAt(0)!;
    for (const face of chain) {
      if (this.fonts.glyph(face, cp)) return face;
    }
    this.missing.push({ char: ch, codePoint: cp, role });
    return chain[0];
  }

  /**
   * One character by cmap lookup (.notdef if the face lacks it: reported by faceFor), with the
   * invisible characters that follow it: a variation selector picks the face's variant glyph
   * (cmap format 14: variation-sequence.ts) when it has one. (In a word set by `layout`, fontkit
   * looks the sequence up itself, and finds fewer: see there.)
   */
  char(face: Face, text: string): ShapedGlyph {
    const base = baseOf(text) ?? text;
    const g = this.fonts.glyph(face, base.codePointAt(0)!);
    if (!g) return this.notdef(face, text);
    const selector = Array.from(text.slice(text.indexOf(base) + base.length))[0];
    const variant = selector !== undefined && isVariationSelector(selector) ? variantGlyph(face.font, base.codePointAt(0)!, selector.codePointAt(0)!) : undefined;
    if (variant !== undefined && variant !== NOTDEF) return { id: variant, advance: face.font.getGlyph(variant).advanceWidth, text };
    return { id: g.id, advance: g.advance, text };
  }

  /**
   * A run through OpenType layout: `kern` for Western words; `fwid` so that —— becomes the
   * font's single 2-em dash glyph rather than two proportional ones. The glyphs come in logical
   * order (a right-to-left word is placed by the caller: bidi.ts).
   */
  layout(face: Face, text: string, features: readonly string[]): readonly ShapedGlyph[] {
    let cache = this.layoutCache.get(face);
    if (!cache) this.layoutCache.set(face, (cache = new Map()));
    const key = `${features.join(',')}|${text}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = this.shape(face, text, features);
      cache.set(key, hit);
    }
    return hit;
  }

  private notdef(face: Face, text: string): { id: number; advance: number; text: string } {
    return { id: NOTDEF, advance: face.font.getGlyph(NOTDEF).advanceWidth, text };
  }

  private has(face: Face, ch: string): boolean {
    return this.fonts.glyph(face, ch.codePointAt(0)!) !== undefined;
  }

  /** The text cut into runs fontkit sets and .notdef glyphs, then set. */
  private shape(face: Face, text: string, features: readonly string[]): ShapedGlyph[] {
    const chars = Array.from(text);
    const out: { id: number; advance: number; text: string }[] = [];
    let run: Run = { chars: [], sources: [] };
    let lead = ''; // invisible characters before any glyph
    let baseOpen = false; // the run's last character is one a variation selector may follow
    const flush = (): void => {
      if (run.chars.length > 0) out.push(...this.setRun(face, run, features));
      run = { chars: [], sources: [] };
      baseOpen = false;
    };
    const attach = (s: string): void => {
      if (run.chars.length > 0) run.sources[run.sources.length - 1] += s;
      else if (out.length > 0) out[out.length - 1].text += s;
      else lead += s;
    };
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (isDefaultIgnorable(ch)) {
        if (baseOpen && isVariationSelector(ch)) {
          run.chars.push(ch);
          run.sources.push(ch);
        } else {
          attach(ch);
          if (ch === ZWNJ) flush();
        }
        baseOpen = false;
        continue;
      }
      const composed = this.composed(face, chars, i);
      if (composed) {
        run.chars.push(composed.char);
        run.sources.push(composed.source);
        i = composed.end - 1;
        baseOpen = false;
        continue;
      }
      if (this.has(face, ch)) {
        run.chars.push(ch);
        run.sources.push(ch);
        baseOpen = true;
        continue;
      }
      flush();
      out.push(this.notdef(face, ch));
    }
    flush();
    if (lead !== '' && out.length > 0) out[0].text = lead + out[0].text;
    return out;
  }

  /**
   * A letter and the combining marks after it that the face cannot set as they are (it lacks a
   * mark) but has as one precomposed character (Unicode §3.11 canonical composition, NFC):
   * a + U+0323 → ạ U+1EA1. The glyph then stands for the letter and marks as written.
   */
  private composed(face: Face, chars: readonly string[], i: number): { char: string; source: string; end: number } | undefined {
    let end = i + 1;
    while (end < chars.length && MARK.test(chars[end])) end++;
    if (end === i + 1 || MARK.test(chars[i])) return undefined;
    const cluster = chars.slice(i, end);
    if (cluster.every((c) => this.has(face, c))) return undefined;
    const nfc = Array.from(cluster.join('').normalize('NFC'));
    return nfc.length === 1 && this.has(face, nfc[0]) ? { char: nfc[0], source: cluster.join(''), end } : undefined;
  }

  /**
   * One fontkit layout, each glyph given the source of the code points it stands for. When
   * its code points do not spell the run in order (a font whose ligature skips marks), the
   * whole text goes to the first glyph, so the PDF's text layer still reads it as written.
   */
  private setRun(face: Face, run: Run, features: readonly string[]): { id: number; advance: number; text: string }[] {
    const text = run.chars.join('');
    const { glyphs } = this.layouts.run(face, text, features, () => layoutRun(face.font, text, features));
    const out: { id: number; advance: number; text: string }[] = [];
    let k = 0;
    for (const glyph of glyphs) {
      const n = glyph.codePoints.length;
      if (run.chars.slice(k, k + n).join('') !== String.fromCodePoint(...glyph.codePoints)) break;
      out.push({ id: glyph.id, advance: glyph.advance, text: run.sources.slice(k, k + n).join('') });
      k += n;
    }
    if (out.length === glyphs.length && k === run.chars.length) return out;
    return glyphs.map((g, i) => ({ id: g.id, advance: g.advance, text: i === 0 ? run.sources.join('') : '' }));
  }
}
