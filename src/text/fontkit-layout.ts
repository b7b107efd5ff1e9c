/**
 * fontkit's OpenType layout, with the code points of this use on every glyph.
 *
 * fontkit 2 keeps one `Glyph` object per glyph id and font, made with the code points of the
 * first call that asked for it (`TTFFont.getGlyph(id, codePoints)`: `this._glyphs[id] ??= new
 * Glyph(id, codePoints, this)`, node_modules/fontkit/dist/module.mjs). A layout returns those
 * shared objects, so a glyph's `codePoints` are whatever it was first made for: .notdef reads as
 * the first missing character of the build (📱 as 😀), a glyph two code points share as the
 * first of them. fontkit's own `hideDefaultIgnorables` reads them too, so whether U+200B is
 * hidden depended on what .notdef had been made for before.
 *
 * Within one layout fontkit does pass the right code points to `getGlyph` (the OpenType
 * engine's `GlyphInfo.codePoints`: a ligature's are all its components', a variation sequence's
 * base and selector). So for the length of the call `getGlyph` answers, where the shared glyph
 * has other code points, with an object made from it that has these: the shared cache is not
 * changed, and nothing else sees the difference. Re-check on any fontkit upgrade (the dependency
 * is ^2.0.4): the internals used are `getGlyph(id, codePoints)` being called through the font
 * object (`this.getGlyph`, `this.font.getGlyph`) and `Glyph.isMark`/`isLigature` being set from
 * the code points in its constructor.
 */
import type { Font, Glyph } from 'fontkit';

/** A glyph of a run, in logical order, with the code points it stands for. */
export interface LaidGlyph {
  readonly id: number;
  /** Advance in font units, kerning included. */
  readonly advance: number;
  readonly codePoints: readonly number[];
}

/** A run as fontkit laid it out, its glyphs in logical order. */
export interface LaidRun {
  readonly glyphs: readonly LaidGlyph[];
  readonly rightToLeft: boolean;
}

type GetGlyph = (this: Font, id: number, codePoints?: number[]) => Glyph | null;

/** General category M (Mn, Mc, Me): what fontkit's `isMark` tests for a glyph's code points. */
const MARK = /^\p{M}$/u;

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((cp, i) => cp === b[i]);
}

/** The shared glyph, or an object made from it with `codePoints` and what the constructor derives from them. */
function withCodePoints(glyph: Glyph, codePoints: number[]): Glyph {
  if (sameCodePoints(glyph.codePoints, codePoints)) return glyph;
  return Object.create(glyph, {
    codePoints: { value: codePoints, enumerable: true },
    isMark: { value: codePoints.length > 0 && codePoints.every((cp) => MARK.test(String.fromCodePoint(cp))), enumerable: true },
    isLigature: { value: codePoints.length > 1, enumerable: true },
  }) as Glyph;
}

/**
 * Lays `text` out with `features` and returns its glyphs in logical order (fontkit gives a
 * right-to-left run in visual order: it is turned back), each with its own code points.
 */
export function layoutRun(font: Font, text: string, features: readonly string[]): LaidRun {
  const target = font as unknown as { getGlyph: GetGlyph };
  const shared = target.getGlyph;
  const hadOwn = Object.prototype.hasOwnProperty.call(target, 'getGlyph');
  target.getGlyph = function (this: Font, id: number, codePoints: number[] = []): Glyph | null {
    const glyph = shared.call(this, id, codePoints);
    return glyph ? withCodePoints(glyph, codePoints) : glyph;
  };
  let run;
  try {
    run = font.layout(text, [...features]);
  } finally {
    if (hadOwn) target.getGlyph = shared;
    else delete (target as Partial<typeof target>).getGlyph;
  }
  const glyphs = run.glyphs.map((glyph, i) => ({ id: glyph.id, advance: run.positions[i].xAdvance, codePoints: glyph.codePoints ?? [] }));
  const rightToLeft = run.direction === 'rtl';
  return { glyphs: rightToLeft ? glyphs.reverse() : glyphs, rightToLeft };
}
