import type { Face, FontBook, FontRole } from '../fonts/index.js';

/** A shaped glyph in font units, before it is scaled to points. */
export interface ShapedGlyph {
  readonly id: number;
  /** Advance in font units. */
  readonly advance: number;
  /** Characters the glyph stands for. */
  readonly text: string;
}

/** A character (or run) no face of the role's chain could set. */
export interface MissingGlyph {
  readonly char: string;
  readonly codePoint: number;
  readonly role: FontRole;
}

/**
 * Shaping through fontkit. A single CJK character is looked up in the cmap (cached per face and
 * code point by the FontBook, about 20× cheaper than a full layout); Western words, ——, …… and
 * anything that needs OpenType features go through `font.layout`, cached per face and text.
 */
export class Shaper {
  private readonly layoutCache = new Map<Face, Map<string, readonly ShapedGlyph[]>>();

  constructor(
    private readonly fonts: FontBook,
    /** Where missing characters are reported. */
    private readonly missing: MissingGlyph[],
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

  /** The first face of the role's chain that has the character; the first face if none has it. */
  faceFor(role: FontRole, ch: string): Face {
    const chain = this.fonts.chain(role);
    const cp = ch.codePointAt(0)!;
    for (const face of chain) {
      if (this.fonts.glyph(face, cp)) return face;
    }
    this.missing.push({ char: ch, codePoint: cp, role });
    return chain[0];
  }

  /** One character by cmap lookup (.notdef if the face lacks it: reported by faceFor). */
  char(face: Face, ch: string): ShapedGlyph {
    const g = this.fonts.glyph(face, ch.codePointAt(0)!);
    return g ? { id: g.id, advance: g.advance, text: ch } : { id: 0, advance: face.font.getGlyph(0).advanceWidth, text: ch };
  }

  /**
   * A run through OpenType layout: `kern` for Western words; `fwid` so that —— becomes the
   * font's single 2-em dash glyph rather than two proportional ones.
   */
  layout(face: Face, text: string, features: readonly string[]): readonly ShapedGlyph[] {
    let cache = this.layoutCache.get(face);
    if (!cache) this.layoutCache.set(face, (cache = new Map()));
    const key = `${features.join(',')}|${text}`;
    let hit = cache.get(key);
    if (!hit) {
      const run = face.font.layout(text, [...features]);
      const glyphs: ShapedGlyph[] = run.glyphs.map((glyph, i) => ({ id: glyph.id, advance: run.positions[i].xAdvance, text: String.fromCodePoint(...(glyph.codePoints ?? [])) }));
      // The glyphs' code points must spell the text, in order. They do not when the font lost
      // some (ligatures without code points), when the run was reordered (right-to-left
      // scripts), or when fontkit reused a glyph it had made for another character (it keeps
      // one Glyph object per id, with the code points of its first use: .notdef for 😀 then 📱).
      // Then the whole text goes to the first glyph, so the PDF's text layer reads it as written.
      if (glyphs.map((g) => g.text).join('') !== text && glyphs.length > 0) {
        hit = glyphs.map((g, i) => ({ ...g, text: i === 0 ? text : '' }));
      } else {
        hit = glyphs;
      }
      cache.set(key, hit);
    }
    return hit;
  }
}
