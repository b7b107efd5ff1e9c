import type { HouseStyle } from '../model/index.js';
import type { ItemizedArticle } from '../text/index.js';
import { columnSlabs } from './column-blocks.js';
import { placeFigures } from './figures.js';
import { balanceColumns, type ColumnFrame } from './flow.js';
import type { PageGeometry } from './geometry.js';
import { layoutHeadBlock } from './head-block.js';
import type { ArticleLayout, PlacedElement, PlacedRule } from './types.js';

/** A module: the rectangle an article gets on the grid. */
export interface Module {
  /** Left edge and width in points. */
  readonly x: number;
  readonly width: number;
  /** Basic columns it spans. */
  readonly basicColumns: number;
  /** Grid lines it has (MEASURING_LINES when measuring what the article needs). */
  readonly lines: number;
}

/** An article set in its module, positions relative to the module's top grid line. */
export interface ArticleSetting {
  /** Grid lines the article uses. */
  readonly usedLines: number;
  /** Reading-order marks with `y` still relative to the module top (added by the caller). */
  readonly elements: readonly PlacedElement[];
  readonly rules: readonly PlacedRule[];
  readonly layout: Omit<ArticleLayout, 'x' | 'y' | 'width' | 'height' | 'moduleLines'>;
  /** Characters that did not fit (0 when everything fits). */
  readonly overflowChars: number;
}

/** Text columns of a module: its basic columns, narrowed to whole characters inside a box. */
function textColumns(module: Module, geometry: PageGeometry, inset: number): { count: number; chars: number; width: number; x0: number } {
  const inner = module.width - 2 * inset;
  const count = module.basicColumns;
  const chars = inset === 0 ? geometry.columnChars : Math.floor(((inner + geometry.gutter) / count - geometry.gutter) / geometry.em);
  const width = chars * geometry.em;
  const total = count * width + (count - 1) * geometry.gutter;
  return { count, chars, width, x0: module.x + (module.width - total) / 2 };
}

/**
 * Set one article in its module: headline block across the top, photos at the top of their
 * columns, the rest flowing down the columns and balanced to end level.
 */
export function layoutArticle(article: ItemizedArticle, module: Module, geometry: PageGeometry, style: HouseStyle): ArticleSetting {
  const pitch = geometry.pitch;
  const inset = article.box ? style.boxPaddingChars * geometry.em : 0;
  const padLines = article.box ? 1 : 0;
  const head = layoutHeadBlock(article, module.width - 2 * inset, pitch, style);
  const columns = textColumns(module, geometry, inset);
  const bodyTop = padLines + head.gridLines;
  const figures = placeFigures(article, columns.count, columns.width, geometry.gutter, pitch, geometry.em);
  const slabs = columnSlabs(article, columns.width, pitch);
  const bottom = module.lines - padLines;
  const frames: ColumnFrame[] = Array.from({ length: columns.count }, (_, c) => {
    const below = figures.filter((f) => c >= f.column && c < f.column + f.span).map((f) => f.topLine + f.gridLines);
    return { top: bodyTop + Math.max(0, ...below), bottom };
  });
  const flow = balanceColumns(slabs, frames);
  const elements: { block: number; order: number; element: PlacedElement }[] = [];
  let order = 0;
  const push = (block: number, element: PlacedElement): void => {
    elements.push({ block, order: order++, element });
  };

  const top = (line: number): number => line * pitch;
  const headX = module.x + inset;
  for (const line of head.lines) {
    push(line.block, { kind: 'line', x: headX + line.dx, baseline: top(padLines) + line.dy, measure: line.measure, align: line.set.style.align, items: line.set.items, line: line.line, last: line.last, tag: line.tag });
  }
  for (const figure of figures) {
    const x = columns.x0 + figure.column * (columns.width + geometry.gutter);
    const y = top(bodyTop + figure.topLine);
    push(figure.block, { kind: 'image', src: figure.image.src, alt: figure.image.alt, x, y, width: figure.image.width, height: figure.image.height, tag: { article: article.id, role: 'Figure' } });
    for (const line of figure.caption) {
      push(figure.block, { kind: 'line', x: x + line.dx, baseline: y + line.dy, measure: line.measure, align: line.set.style.align, items: line.set.items, line: line.line, last: line.last, tag: line.tag });
    }
  }
  let overflowChars = 0;
  let usedLines = bodyTop + Math.max(0, ...figures.map((f) => f.topLine + f.gridLines - 1));
  if (flow) {
    flow.placements.forEach((placement, i) => {
      if (placement.column < 0) return;
      const slab = slabs[i];
      const x = columns.x0 + placement.column * (columns.width + geometry.gutter);
      for (const line of slab.content) {
        push(slab.block, { kind: 'line', x: x + line.dx, baseline: top(placement.line) + line.dy, measure: line.measure, align: line.set.style.align, items: line.set.items, line: line.line, last: line.last, tag: line.tag });
      }
    });
    usedLines = Math.max(usedLines, flow.level);
  } else {
    overflowChars = slabs.reduce((n, s) => n + s.chars, 0);
  }
  usedLines += padLines;

  const rules: PlacedRule[] = [];
  if (article.box) {
    const w = style.rules.box;
    const y1 = 0;
    const y2 = top(module.lines);
    const x1 = module.x;
    const x2 = module.x + module.width;
    rules.push(
      { kind: 'rule', x1, y1, x2, y2: y1, width: w },
      { kind: 'rule', x1, y1: y2, x2, y2, width: w },
      { kind: 'rule', x1, y1, x2: x1, y2, width: w },
      { kind: 'rule', x1: x2, y1, x2, y2, width: w },
    );
  }
  elements.sort((a, b) => a.block - b.block || a.order - b.order);
  return {
    usedLines,
    elements: elements.map((e) => e.element),
    rules,
    layout: { id: article.id, columns: columns.count, columnChars: columns.chars, linesPerColumn: flow ? flow.linesPerColumn : [], usedLines },
    overflowChars,
  };
}

/** Module depth used to measure how many lines an article needs. */
export const MEASURING_LINES = 100_000;
