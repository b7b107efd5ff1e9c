/** Render stage: composed pages → DrawOps (glyph runs, rules, fills, images), backend-neutral. */
import type { ComposedPage } from '../compose/index.js';
import type { DrawOp, RenderedPage } from './draw-op.js';
import { DEFAULT_PRINT, type PrintSettings } from '../model/index.js';
import { renderLine } from './line.js';
import { printSheet, translateOp } from './print-marks.js';

export { renderLine, placeBoxes } from './line.js';

export type * from './draw-op.js';

const BLACK = { space: 'gray', value: 0 } as const;

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

function renderPage(page: ComposedPage): RenderedPage {
  const ops: DrawOp[] = [];
  for (const fill of page.fills) {
    ops.push({ op: 'fill', x: fill.x, y: fill.y, width: fill.width, height: fill.height, colour: { space: 'gray', value: fill.grey } });
  }
  for (const rule of page.rules) {
    ops.push({ op: 'rule', x1: rule.x1, y1: rule.y1, x2: rule.x2, y2: rule.y2, width: rule.width, colour: BLACK });
  }
  for (const element of page.elements) {
    if (element.kind === 'line') ops.push(...renderLine(element));
    else ops.push({ op: 'image', src: element.src, x: element.x, y: element.y, width: element.width, height: element.height, alt: element.alt, fit: element.crop ? 'cover' : 'fill', tag: element.tag });
  }
  return { width: page.width, height: page.height, number: page.number, label: page.label, ops, outline: page.outline };
}
