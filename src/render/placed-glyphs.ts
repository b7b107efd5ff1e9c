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

/**
 * A run's glyphs, collected one by one (render/line.ts, render/vertical-line.ts). One builder
 * serves every run of a page: `glyphs()` copies the run out in lists of its own length and
 * `reset()` begins the next, the builder's lists kept (written by index up to `length`).
 */
export class GlyphsBuilder {
  private readonly ids: number[] = [];
  private readonly dx: number[] = [];
  private readonly text: string[] = [];
  private readonly advance: number[] = [];
  private readonly dy: number[] = [];
  /** Whether any glyph of the run is set narrower than its advance (the run gets `advance`). */
  private narrowed = false;
  /** Whether any glyph of the run has a dy (the run gets `dy`: a column of a vertical head). */
  private down = false;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(id: number, dx: number, text: string, advance?: number, dy?: number): void {
    const at = this.count++;
    this.ids[at] = id;
    this.dx[at] = dx;
    this.text[at] = text;
    this.advance[at] = advance ?? Number.NaN;
    this.dy[at] = dy ?? 0;
    if (advance !== undefined) this.narrowed = true;
    if (dy !== undefined) this.down = true;
  }

  /** Begin another run. */
  reset(): void {
    this.count = 0;
    this.narrowed = false;
    this.down = false;
  }

  /**
   * The run's glyphs in lists of their own length: a run is kept until the PDF is written, and
   * lists grown by half again as they fill would keep slack for the collector to copy.
   */
  glyphs(): PlacedGlyphs {
    const n = this.count;
    const ids = this.ids.slice(0, n);
    const dx = this.dx.slice(0, n);
    const text = this.text.slice(0, n);
    // Literals, not spreads of the optional fields: a run a line, mostly before V8 optimises this.
    if (!this.narrowed) return this.down ? { ids, dx, text, dy: this.dy.slice(0, n) } : { ids, dx, text };
    const advance = this.advance.slice(0, n);
    return this.down ? { ids, dx, text, advance, dy: this.dy.slice(0, n) } : { ids, dx, text, advance };
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
