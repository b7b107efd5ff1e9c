/** One composed page as DrawOps: tints, rules, then text and images in reading order. */
import type { ComposedPage } from '../compose/index.js';
import type { DrawOp, RenderedPage } from './draw-op.js';
import { drawnLine, type DrawnLine } from './drawn-line.js';
import { placedBoxes, renderLine } from './line.js';
import { GlyphsBuilder } from './placed-glyphs.js';

const BLACK = { space: 'gray', value: 0 } as const;

/** A page's DrawOps, and what each of its lines draws (in the order of the page's lines), for the audit. */
export interface PageDrawing {
  readonly page: RenderedPage;
  readonly lines: readonly DrawnLine[];
}

export function renderPage(page: ComposedPage): PageDrawing {
  const ops: DrawOp[] = [];
  const lines: DrawnLine[] = [];
  for (const fill of page.fills) {
    ops.push({ op: 'fill', x: fill.x, y: fill.y, width: fill.width, height: fill.height, colour: fill.colour ?? { space: 'gray', value: fill.grey } });
  }
  for (const rule of page.rules) {
    ops.push({ op: 'rule', x1: rule.x1, y1: rule.y1, x2: rule.x2, y2: rule.y2, width: rule.width, colour: rule.colour ?? BLACK });
  }
  // An indexed loop, the line's runs pushed one by one (no iterator, no spread): every line of
  // an edition passes here, mostly before V8 optimises this.
  const elements = page.elements;
  // One builder gathers the glyphs of every run of the page's lines, in turn.
  const builder = new GlyphsBuilder();
  for (let e = 0; e < elements.length; e++) {
    const element = elements[e];
    if (element.kind === 'line') {
      // Placed once: the boxes the line is drawn from are the ones the audit measures.
      const boxes = placedBoxes(element);
      const drawn = renderLine(element, boxes, builder);
      for (let k = 0; k < drawn.length; k++) ops.push(drawn[k]);
      lines.push(drawnLine(element, boxes));
    } else ops.push({ op: 'image', src: element.src, x: element.x, y: element.y, width: element.width, height: element.height, alt: element.alt, fit: element.crop ? 'cover' : 'fill', tag: element.tag });
  }
  return { page: { width: page.width, height: page.height, number: page.number, label: page.label, ops, outline: page.outline }, lines };
}
