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
export function renderVerticalLine(placed: PlacedLine, boxes: readonly PlacedBox[] = placeVerticalBoxes(placed)): DrawOp[] {
  const ops: DrawOp[] = [];
  let run: { face: string; size: number; glyphs: GlyphsBuilder } | null = null;
  const flush = (): void => {
    if (run && run.glyphs.length > 0) {
      // The run's y is the baseline of the column's first em box; each glyph's dy is its own.
      ops.push({ op: 'glyphs', face: run.face, size: run.size, x: placed.x, y: placed.baseline + EM_BOX_ASCENT * run.size, glyphs: run.glyphs.glyphs(), colour: BLACK, tag: placed.tag });
    }
    run = null;
  };
  for (const { item, x: down } of boxes) {
    if (!item.run || item.width === 0) continue;
    if (!run || run.face !== item.run.face || run.size !== item.run.size) {
      flush();
      run = { face: item.run.face, size: item.run.size, glyphs: new GlyphsBuilder() };
    }
    for (const g of item.run.glyphs) run.glyphs.push(g.id, g.across ?? 0, g.text, undefined, down + g.dx);
  }
  flush();
  return ops;
}
