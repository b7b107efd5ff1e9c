/** Render stage: composed pages → DrawOps (glyph runs, rules, fills, images), backend-neutral. */
import type { ComposedPage } from '../compose/index.js';
import type { RenderedPage } from './draw-op.js';
import type { DrawnLine } from './drawn-line.js';
import { DEFAULT_PRINT, type PrintSettings } from '../model/index.js';
import { renderPage } from './page.js';
import { printSheet, translateOp } from './print-marks.js';

export { renderLine, placeBoxes, placedBoxes, type PlacedBox } from './line.js';
export { placeVerticalBoxes } from './vertical-line.js';
export { drawnLine, type DrawnLine } from './drawn-line.js';
export { renderProofPages, type NoteSetter } from './proof.js';
export { screenRgb } from './screen-colour.js';

export type * from './draw-op.js';
export { GlyphsBuilder, glyphList, placedGlyphs, setAdvance, type PlacedGlyphs } from './placed-glyphs.js';

/** The pages as drawn, and what each page's lines draw (for the audit: the page's coordinates, not the sheet's). */
export interface Rendering {
  readonly pages: RenderedPage[];
  readonly lines: readonly (readonly DrawnLine[])[];
}

/** Render composed pages; with bleed or crop marks, on sheets larger than the trimmed page. */
export function renderPages(pages: readonly ComposedPage[], print: PrintSettings = DEFAULT_PRINT): Rendering {
  const drawings = pages.map(renderPage);
  return {
    pages: drawings.map(({ page: rendered }) => {
      if (print.bleedMm === 0 && !print.cropMarks) return rendered;
      const sheet = printSheet(rendered.width, rendered.height, print);
      return {
        ...rendered,
        width: sheet.width,
        height: sheet.height,
        boxes: sheet.boxes,
        ops: [...sheet.marks, ...rendered.ops.map((op) => translateOp(op, sheet.offset, sheet.offset))],
      };
    }),
    lines: drawings.map((d) => d.lines),
  };
}
