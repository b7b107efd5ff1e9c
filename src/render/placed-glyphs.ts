/**
 * A glyph run's glyphs in parallel arrays, one entry a glyph, not an object a glyph. Every glyph
 * an edition draws is kept from the render stage until the PDF is written: some 128,000 for the
 * 20-page bench edition, each an object and its `dx` a boxed number of its own, 9 MB that the
 * young generation's collector copied twice over while the pages were set. As arrays they are a
 * quarter of that, and the collector copies each array of numbers as one block.
 */
import type { PlacedGlyph } from './draw-op.js';

export interface PlacedGlyphs {
  /** Glyph ids in the face. */
  readonly ids: readonly number[];
  /** Horizontal offset of each glyph origin from the run's x, in points. */
  readonly dx: readonly number[];
  /** The source characters each glyph stands for (ToUnicode; '' for a ligature tail). */
  readonly text: readonly string[];
  /**
   * The width each punctuation mark set narrower than its advance is set in (PlacedGlyph
   * `advance`), NaN for a glyph at its advance; absent when every glyph of the run is.
   */
  readonly advance?: readonly number[];
  /**
   * Vertical offset of each glyph origin below the run's y (a column of a vertical head, drawn
   * glyph by glyph down the page: PlacedGlyph `dy`); absent when every glyph is on the baseline.
   */
  readonly dy?: readonly number[];
}

/** The width glyph `i` is set in when narrower than its advance, else undefined. */
export function setAdvance(glyphs: PlacedGlyphs, i: number): number | undefined {
  const advance = glyphs.advance?.[i];
  return advance === undefined || Number.isNaN(advance) ? undefined : advance;
}

/** A run's glyphs, collected one by one (render/line.ts, render/vertical-line.ts). */
export class GlyphsBuilder {
  private readonly ids: number[] = [];
  private readonly dx: number[] = [];
  private readonly text: string[] = [];
  private advance: number[] | undefined;
  private dy: number[] | undefined;

  get length(): number {
    return this.ids.length;
  }

  push(id: number, dx: number, text: string, advance?: number, dy?: number): void {
    const at = this.ids.length;
    this.ids.push(id);
    this.dx.push(dx);
    this.text.push(text);
    if (advance !== undefined) (this.advance ??= new Array<number>(at).fill(Number.NaN)).push(advance);
    else this.advance?.push(Number.NaN);
    if (dy !== undefined) (this.dy ??= new Array<number>(at).fill(0)).push(dy);
    else this.dy?.push(0);
  }

  /**
   * The run's glyphs in lists of their own length. The builder's lists grow by half again as
   * they fill, and a run is kept until the PDF is written: copied to its length, a run keeps no
   * slack for the collector to copy from one space to the next (the builder's lists die young).
   */
  glyphs(): PlacedGlyphs {
    // Literals, not spreads of the optional fields: a run a line, mostly before V8 optimises this.
    const ids = this.ids.slice();
    const dx = this.dx.slice();
    const text = this.text.slice();
    const advance = this.advance?.slice();
    const dy = this.dy?.slice();
    if (advance === undefined) return dy === undefined ? { ids, dx, text } : { ids, dx, text, dy };
    return dy === undefined ? { ids, dx, text, advance } : { ids, dx, text, advance, dy };
  }
}

/** A run's glyphs from glyph objects (what tests and hand-made runs write). */
export function placedGlyphs(list: readonly PlacedGlyph[]): PlacedGlyphs {
  const builder = new GlyphsBuilder();
  for (const g of list) builder.push(g.id, g.dx, g.text, g.advance, g.dy);
  return builder.glyphs();
}

/** A run's glyphs as objects, one a glyph (what tests read). */
export function glyphList(glyphs: PlacedGlyphs): PlacedGlyph[] {
  return glyphs.ids.map((id, i) => {
    const advance = setAdvance(glyphs, i);
    const dy = glyphs.dy?.[i];
    return { id, dx: glyphs.dx[i], text: glyphs.text[i], ...(advance === undefined ? {} : { advance }), ...(dy === undefined ? {} : { dy }) };
  });
}
