import type { HouseStyle } from '../model/index.js';
import type { ItemizedArticle } from '../text/index.js';
import { columnSlabs } from './column-blocks.js';
import { placeFigures, type PlacedFigure } from './figures.js';
import { blankUnder, growFigures, loosen, MAX_HEAD_SPACE } from './fill.js';
import { balanceColumns, fillPrefix, type ColumnFrame, type FlowResult } from './flow.js';
import { baselineIn, type PageGeometry } from './geometry.js';
import { layoutHeadBlock, layoutHeadParts, type HeadBlock } from './head-block.js';
import { readingRank } from './reading-order.js';
import type { RelativeLine, Slab } from './slabs.js';
import type { ArticleLayout, PlacedElement, PlacedLine, PlacedRule } from './types.js';

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

/**
 * Which part of an article a module holds: all of it; the first part of one that jumps (it fills
 * its columns and ends with 下转); or a continuation, from slab `fromSlab` on, under the
 * headline in short and 上接 (the last continuation is balanced like a whole article).
 */
export type ArticlePart =
  | { readonly kind: 'whole' }
  | { readonly kind: 'first' }
  | { readonly kind: 'continuation'; readonly index: number; readonly fromSlab: number; readonly last: boolean };

/** An article set in its module, positions relative to the module's top grid line. */
export interface ArticleSetting {
  /** Grid lines the article uses. */
  readonly usedLines: number;
  /** Reading-order marks with `y` still relative to the module top (added by the caller). */
  readonly elements: readonly PlacedElement[];
  readonly rules: readonly PlacedRule[];
  readonly layout: Omit<ArticleLayout, 'x' | 'y' | 'width' | 'height' | 'moduleLines' | 'fill'>;
  /** Characters that did not fit (0 when everything fits). */
  readonly overflowChars: number;
  /** First slab left for the next part, when the part jumps. */
  readonly nextSlab?: number;
}

/** Module depth used to measure how many lines an article needs. */
export const MEASURING_LINES = 100_000;

/**
 * Text columns of a module: its basic columns, narrowed to whole characters inside a box; fewer
 * and wider when they would be narrower than the style's minimum, more when wider than its
 * maximum (a module one basic column wide on a narrow page, a 通栏 on a wide one).
 */
function textColumns(module: Module, geometry: PageGeometry, inset: number, style: HouseStyle): { count: number; chars: number; width: number; x0: number } {
  const inner = module.width - 2 * inset;
  const charsFor = (n: number): number => Math.floor(((inner + geometry.gutter) / n - geometry.gutter) / geometry.em);
  let count = module.basicColumns;
  while (count > 1 && charsFor(count) < style.textColumnChars.min) count--;
  while (charsFor(count + 1) >= style.textColumnChars.min && charsFor(count) > style.textColumnChars.max) count++;
  const chars = inset === 0 && count === module.basicColumns ? geometry.columnChars : charsFor(count);
  const width = chars * geometry.em;
  const total = count * width + (count - 1) * geometry.gutter;
  return { count, chars, width, x0: module.x + (module.width - total) / 2 };
}

/** The head of a part: the full headline block, or the headline in short over 上接. */
function headOf(article: ItemizedArticle, part: ArticlePart, width: number, pitch: number, style: HouseStyle): HeadBlock {
  if (part.kind !== 'continuation') return layoutHeadBlock(article, width, pitch, style);
  const parts = [];
  if (article.shortHead) parts.push({ set: article.shortHead, style: article.shortHead.style, origin: { kind: 'short-head' } as const, role: 'H1' as const });
  const jumpIn = article.jumpIn[part.index - 1];
  parts.push({ set: jumpIn, style: jumpIn.style, origin: { kind: 'jump-in' } as const, role: 'P' as const });
  return layoutHeadParts(article.id, parts, width, pitch, style);
}

/**
 * Set one article (or one part of it) in its module: headline block across the top, photos at
 * the top of their columns, the rest flowing down the columns — balanced to end level, or, when
 * the article jumps, filling them and ending with the jump line.
 */
export function layoutArticle(article: ItemizedArticle, module: Module, geometry: PageGeometry, style: HouseStyle, part: ArticlePart = { kind: 'whole' }): ArticleSetting {
  const pitch = geometry.pitch;
  const inset = article.box ? style.boxPaddingChars * geometry.em : 0;
  const padLines = article.box ? 1 : 0;
  const head = headOf(article, part, module.width - 2 * inset, pitch, style);
  const columns = textColumns(module, geometry, inset, style);
  const jumps = part.kind === 'first' || (part.kind === 'continuation' && !part.last);
  const { figures, slabs, flow, placedSlabs, bodyTop, headSpace, bottom, framesFor } = planBody(article, part, module, geometry, columns, head, padLines, jumps);
  const headTop = padLines + Math.floor(headSpace / 2);

  const elements: { rank: number; order: number; element: PlacedElement }[] = [];
  const push = (element: PlacedElement): void => {
    elements.push({ rank: readingRank(element.origin), order: elements.length, element });
  };
  const top = (line: number): number => line * pitch;
  const columnX = (c: number): number => columns.x0 + c * (columns.width + geometry.gutter);
  for (const line of head.lines) push(placeLine(line, module.x + inset, top(headTop)));
  for (const figure of figures) {
    const x = columnX(figure.column);
    // A photo at the foot has its line of space above it, the caption at the very foot.
    const y = figure.place === 'top' ? top(bodyTop + figure.topLine) : top(bottom - figure.topLine + 1);
    const { image } = figure;
    push({
      kind: 'image',
      src: image.src,
      alt: image.alt,
      crop: image.crop,
      x,
      y,
      width: image.width,
      height: image.height,
      pixelWidth: image.pixelWidth,
      pixelHeight: image.pixelHeight,
      tag: { article: article.id, role: 'Figure' },
      origin: { kind: 'block', index: figure.block },
    });
    for (const line of figure.caption) push(placeLine(line, x, y));
  }
  let usedLines = bodyTop + Math.max(0, ...figures.map((f) => (f.place === 'top' ? f.topLine + f.gridLines - 1 : bottom - bodyTop)));
  if (flow) {
    flow.placements.forEach((placement, i) => {
      if (placement.column < 0) return;
      const slab: Slab = slabs[i];
      for (const line of slab.content) push(placeLine(line, columnX(placement.column), top(placement.line)));
    });
    usedLines = Math.max(usedLines, flow.level);
  }
  if (jumps) {
    const jumpOut = article.jumpOut[part.kind === 'first' ? 0 : part.index];
    const [line] = layoutHeadParts(article.id, [{ set: jumpOut, style: jumpOut.style, origin: { kind: 'jump-out' }, role: 'P' }], columns.width, pitch, style).lines;
    // On the last grid line of the last column, flush right.
    push({ ...placeLine(line, columnX(columns.count - 1), top(bottom - 1)), baseline: top(bottom - 1) + baselineIn(0, pitch, jumpOut.style.size), align: 'right', last: true, onGrid: true });
    usedLines = bottom;
  }
  usedLines += padLines;
  // What did not fit (overset): the slabs left after those placed.
  const overflowChars = jumps ? 0 : slabs.slice(placedSlabs).reduce((n, s) => n + s.chars, 0);

  elements.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return {
    usedLines,
    elements: elements.map((e) => e.element),
    rules: article.box ? boxRules(article.id, module, top(module.lines), style.rules.box) : [],
    layout: { id: article.id, columns: columns.count, columnChars: columns.chars, linesPerColumn: flow ? flow.linesPerColumn : [], usedLines, blankLines: flow && !jumps && overflowChars === 0 ? blankUnder(flow, framesFor(figures), bottom) : 0 },
    overflowChars,
    ...(jumps ? { nextSlab: (part.kind === 'continuation' ? part.fromSlab : 0) + placedSlabs } : {}),
  };
}

/** Where the body of a part goes: photos, slabs in their columns, and the lines it starts at. */
interface BodyPlan {
  readonly figures: PlacedFigure[];
  readonly slabs: Slab[];
  readonly flow: FlowResult | null;
  /** Slabs placed in this module (the rest go on to a continuation). */
  readonly placedSlabs: number;
  /** Grid line where the columns start, and lines of space opened around the headline. */
  readonly bodyTop: number;
  readonly headSpace: number;
  /** Grid line of the body's foot. */
  readonly bottom: number;
  readonly framesFor: (figures: readonly PlacedFigure[]) => ColumnFrame[];
}

/**
 * Plan the body: place the photos, break the text into slabs, and flow them — filling the
 * columns to the foot when the part jumps, otherwise balancing them and then filling the module
 * (looser or tighter paragraphs, larger photos, space around the headline).
 */
function planBody(article: ItemizedArticle, part: ArticlePart, module: Module, geometry: PageGeometry, columns: { count: number; width: number }, head: HeadBlock, padLines: number, jumps: boolean): BodyPlan {
  const pitch = geometry.pitch;
  const measuring = module.lines >= MEASURING_LINES;
  let headSpace = 0;
  let bodyTop = padLines + head.gridLines;
  let slabs = columnSlabs(article, columns.width, pitch).slice(part.kind === 'continuation' ? part.fromSlab : 0);
  let bottom = module.lines - padLines;
  const place = (extra: readonly number[]): PlacedFigure[] =>
    part.kind === 'continuation' ? [] : placeFigures(article, columns.count, columns.width, geometry.gutter, pitch, geometry.em, extra);
  const framesFor = (figures: readonly PlacedFigure[], foot = bottom): ColumnFrame[] =>
    Array.from({ length: columns.count }, (_, c) => {
      const here = figures.filter((f) => c >= f.column && c < f.column + f.span);
      const below = here.filter((f) => f.place === 'top').map((f) => f.topLine + f.gridLines);
      const above = here.filter((f) => f.place === 'bottom').map((f) => f.topLine);
      // The last column of a part that jumps keeps its last line for 下转第N版.
      const end = foot - Math.max(0, ...above);
      return { top: bodyTop + Math.max(0, ...below), bottom: jumps && c === columns.count - 1 ? end - 1 : end };
    });
  let figures = place([]);
  if (measuring && figures.some((f) => f.place === 'bottom')) {
    // Measuring an article with photos at its foot: the shallowest module its text fits above them.
    bottom = shallowestFoot(bodyTop, (foot) => balanceColumns(slabs, framesFor(figures, foot)) !== null);
  }
  if (jumps) {
    const prefix = fillPrefix(slabs, framesFor(figures));
    return { figures, slabs, flow: prefix.flow, placedSlabs: prefix.count, bodyTop, headSpace, bottom, framesFor };
  }
  let flow = balanceColumns(slabs, framesFor(figures));
  if (part.kind === 'whole') ({ slabs, flow } = loosen(article, columns.width, pitch, slabs, flow, framesFor(figures)));
  if (!flow) {
    // Overset: the columns cannot take the text even at their deepest, paragraphs set tighter.
    // Set what fits, column by column, so that a proof shows where the text breaks off; the
    // rest is reported.
    const prefix = fillPrefix(slabs, framesFor(figures));
    return { figures, slabs, flow: prefix.flow, placedSlabs: prefix.count, bodyTop, headSpace, bottom, framesFor };
  }
  if (flow && !measuring && figures.length > 0) ({ figures, flow } = growFigures(figures, flow, bottom, slabs, place, framesFor));
  // A few lines still short: open the space around the headline block rather than leave
  // white under the columns (the body keeps its grid: whole lines only).
  const spare = flow && !measuring ? bottom - flow.level : 0;
  if (flow && spare > 0 && spare <= MAX_HEAD_SPACE && head.lines.length > 0) {
    headSpace = spare;
    bodyTop += spare;
    flow = balanceColumns(slabs, framesFor(figures)) ?? flow;
  }
  return { figures, slabs, flow, placedSlabs: slabs.length, bodyTop, headSpace, bottom, framesFor };
}

/** The smallest foot line (≥ the body top) for which `fits` holds; bisection, as more room never hurts. */
function shallowestFoot(bodyTop: number, fits: (foot: number) => boolean): number {
  let low = bodyTop + 1;
  let high = MEASURING_LINES;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The four sides of a ruled box around the module. */
function boxRules(article: string, module: Module, height: number, width: number): PlacedRule[] {
  const x1 = module.x;
  const x2 = module.x + module.width;
  return [
    { kind: 'rule', article, x1, y1: 0, x2, y2: 0, width },
    { kind: 'rule', article, x1, y1: height, x2, y2: height, width },
    { kind: 'rule', article, x1, y1: 0, x2: x1, y2: height, width },
    { kind: 'rule', article, x1: x2, y1: 0, x2, y2: height, width },
  ];
}


/** A line of a block placed at its module position: `x` its left edge, `top` the top its `dy` is measured from. */
function placeLine(line: RelativeLine, x: number, top: number): PlacedLine {
  return {
    kind: 'line',
    x: x + line.dx,
    baseline: top + line.dy,
    measure: line.measure,
    align: line.set.style.align,
    items: line.set.items,
    line: line.line,
    last: line.last,
    tag: line.tag,
    origin: line.origin,
    onGrid: line.onGrid,
  };
}
