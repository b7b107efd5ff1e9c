/** One composed page as DrawOps: tints, rules, then text and images in reading order. */
import type { ComposedPage } from '../compose/index.js';
import type { DrawOp, RenderedPage } from './draw-op.js';
import { renderLine } from './line.js';

const BLACK = { space: 'gray', value: 0 } as const;

export function renderPage(page: ComposedPage): RenderedPage {
  const ops: DrawOp[] = [];
  for (const fill of page.fills) {
    ops.push({ op: 'fill', x: fill.x, y: fill.y, width: fill.width, height: fill.height, colour: fill.colour ?? { space: 'gray', value: fill.grey } });
  }
  for (const rule of page.rules) {
    ops.push({ op: 'rule', x1: rule.x1, y1: rule.y1, x2: rule.x2, y2: rule.y2, width: rule.width, colour: rule.colour ?? BLACK });
  }
  for (const element of page.elements) {
    if (element.kind === 'line') ops.push(...renderLine(element));
    else ops.push({ op: 'image', src: element.src, x: element.x, y: element.y, width: element.width, height: element.height, alt: element.alt, fit: element.crop ? 'cover' : 'fill', tag: element.tag });
  }
  return { width: page.width, height: page.height, number: page.number, label: page.label, ops, outline: page.outline };
}
