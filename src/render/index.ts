/** Render stage: composed pages → DrawOps (glyph runs, rules, fills, images), backend-neutral. */
import type { ComposedPage } from '../compose/index.js';
import type { RenderedPage } from './draw-op.js';
import { DEFAULT_PRINT, type PrintSettings } from '../model/index.js';
import { renderPage } from './page.js';
import { printSheet, translateOp } from './print-marks.js';

export { renderLine, placeBoxes } from './line.js';
export { placeVerticalBoxes } from './vertical-line.js';
export { renderProofPages, type NoteSetter } from './proof.js';
export { screenRgb } from './screen-colour.js';

export type * from './draw-op.js';

/** Render composed pages; with bleed or crop marks, on sheets larger than the trimmed page. */
export function renderPages(pages: readonly ComposedPage[], print: PrintSettings = DEFAULT_PRINT): RenderedPage[] {
  return pages.map((page) => {
    const rendered = renderPage(page);
    if (print.bleedMm === 0 && !print.cropMarks) return rendered;
    const sheet = printSheet(rendered.width, rendered.height, print);
    return {
      ...rendered,
      width: sheet.width,
      height: sheet.height,
      boxes: sheet.boxes,
      ops: [...sheet.marks, ...rendered.ops.map((op) => translateOp(op, sheet.offset, sheet.offset))],
    };
  });
}

