import type { Font } from 'fontkit';

/** The `hmtx` table as fontkit 2 decodes it (lazy arrays; not in its typings). */
interface HorizontalMetrics {
  readonly metrics: { readonly length: number; get(i: number): { readonly advance: number } | undefined };
}

/**
 * A glyph's advance width in font units, from `hmtx` (OpenType hmtx: glyphs past
 * `numberOfHMetrics` share the last advance): the number fontkit's `glyph.advanceWidth` gives.
 * Read here because fontkit computes a glyph's vertical metrics alongside, and in a face with
 * no `vmtx` (the Noto CJK TrueType faces) that means decoding the glyph's outline for its
 * bounding box: most of the cost of measuring a CJK text from a cold start.
 */
export function horizontalAdvance(font: Font, glyphId: number): number {
  const { metrics } = (font as unknown as { hmtx: HorizontalMetrics }).hmtx;
  return metrics.get(Math.min(glyphId, metrics.length - 1))?.advance ?? 0;
}
