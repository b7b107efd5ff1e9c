/**
 * A column of a vertical headline (竖题) as glyph runs: each glyph stands in its em box down the
 * column, at its own y (PlacedGlyph `dy`). The boxes' positions along the column are the line's
 * own (`placeBoxes` of the line laid flat: its widths are lengths down the column); a glyph's
 * `dx` in its box is its offset down, its `across` its offset right of the column's left edge.
 */
import { EM_BOX_ASCENT, placedLine, type PlacedLine } from '../compose/index.js';
import type { Colour, DrawOp } from './draw-op.js';
import { GlyphsBuilder } from './placed-glyphs.js';
import { placeBoxes, type PlacedBox } from './line.js';

const BLACK: Colour = { space: 'gray', value: 0 };

/** Each box of a vertical line with its offset down the column from the column's top. */
export function placeVerticalBoxes(placed: PlacedLine): PlacedBox[] {
  return placeBoxes(placedLine({ ...placed, x: 0, align: 'left', vertical: undefined }));
}

/** One run per stretch of glyphs in one face and size, in reading order (top to bottom). */
export function renderVerticalLine(placed: PlacedLine, boxes: readonly PlacedBox[] = placeVerticalBoxes(placed), builder: GlyphsBuilder = new GlyphsBuilder()): DrawOp[] {
  const ops: DrawOp[] = [];
  let run: { face: string; size: number } | undefined;
  // The run's y is the baseline of the column's first em box; each glyph's dy is its own.
  const flush = (r: { face: string; size: number }): void => {
    if (builder.length > 0) ops.push({ op: 'glyphs', face: r.face, size: r.size, x: placed.x, y: placed.baseline + EM_BOX_ASCENT * r.size, glyphs: builder.glyphs(), colour: BLACK, tag: placed.tag });
  };
  for (const { item, x: down } of boxes) {
    if (!item.run || item.width === 0) continue;
    if (!run || run.face !== item.run.face || run.size !== item.run.size) {
      if (run) flush(run);
      builder.reset();
      run = { face: item.run.face, size: item.run.size };
    }
    for (const g of item.run.glyphs) builder.push(g.id, g.across ?? 0, g.text, undefined, down + g.dx);
  }
  if (run) flush(run);
  return ops;
}
