/**
 * The body of an article part in its module: photos fitted to the module, the text's slabs in
 * its columns. Measuring finds the fewest grid lines the part needs; setting fits it into the
 * lines it has — cropping photos shallower before any text is left over, growing them and
 * loosening paragraphs to close white — and says what did not fit.
 */
import type { ItemizedArticle } from '../text/index.js';
import { columnSlabs } from './column-blocks.js';
import { figureDepths, figuresFit, placeFigures, type FigureFrame, type PlacedFigure } from './figures.js';
import { growFigures, MAX_HEAD_SPACE } from './fill.js';
import { loosen, MAX_LOOSENED } from './loosen.js';
import { balanceColumns, balances, fillPrefix, type ColumnFrame, type FlowResult } from './flow.js';
import type { LineCache, Loosened } from './line-cache.js';
import type { Slab, TextPosition } from './slabs.js';

/** Grid lines the jump line (下转第N版) takes at the foot of the last column. */
export const JUMP_LINE = 1;

/** Measuring an article (the fewest lines it needs) or setting it in the lines it has. */
export type ComposeMode = 'measure' | 'set';

/** Which part of an article a module holds (see ArticlePart in article.ts). */
export type PartKind = 'whole' | 'first' | 'continuation' | 'last-continuation';

/** What the body is set in: its columns and where it may go, in grid lines from the module top. */
export interface BodyFrame {
  readonly columns: FigureFrame;
  /** Grid line where the columns start (under the headline block). */
  readonly bodyTop: number;
  /**
   * Grid line of the body's foot when setting. When measuring, the deepest foot the page could
   * give: an article that needs more is measured as needing one line more, no further (its
   * exact depth changes nothing, and a pasted file would cost minutes to measure).
   */
  readonly bottom: number;
  /** The part ends with a jump line (下转): its columns fill to the foot, the last keeps its last line. */
  readonly jumps: boolean;
  readonly part: PartKind;
  /** Where the part's text starts (a continuation takes up where the last part stopped). */
  readonly from: TextPosition;
  /** Space around the headline block may open to fill the module. */
  readonly mayOpenHead: boolean;
}

/** Where the body of a part goes: photos, slabs in their columns, and the lines it starts at. */
export interface BodyPlan {
  readonly figures: readonly PlacedFigure[];
  /** Figures with no room in the module even at their smallest (block indices). */
  readonly dropped: readonly number[];
  readonly slabs: readonly Slab[];
  readonly flow: FlowResult | null;
  /** Slabs placed in this module (the rest go on to a continuation, or are overset). */
  readonly placedSlabs: number;
  /** Grid line where the columns start, and lines of space opened around the headline. */
  readonly bodyTop: number;
  readonly headSpace: number;
  /** Grid line of the body's foot. */
  readonly bottom: number;
  readonly frames: readonly ColumnFrame[];
}

/**
 * Plan the body: place the photos, break the text into slabs, and flow them — filling the
 * columns to the foot when the part jumps, otherwise balancing them and then filling the module
 * (looser or tighter paragraphs, larger photos, space around the headline).
 */
export function planBody(article: ItemizedArticle, frame: BodyFrame, mode: ComposeMode, cache: LineCache): BodyPlan {
  const { columns, bodyTop } = frame;
  const pitch = columns.pitch;
  const slabs = columnSlabs(article, columns.columnWidth, pitch, cache, new Map(), frame.from);
  const dropped = new Set<number>();
  const place = (adjust: readonly number[]): PlacedFigure[] => (frame.part === 'whole' || frame.part === 'first' ? placeFigures(article, columns, cache, adjust, dropped) : []);
  const framesFor = (figures: readonly PlacedFigure[], foot: number, headSpace = 0): ColumnFrame[] =>
    Array.from({ length: columns.columns }, (_, c) => {
      const depths = figureDepths(figures, c);
      const end = foot - depths.bottom;
      // The last column of a part that jumps keeps its last line for 下转第N版.
      return { top: bodyTop + headSpace + depths.top, bottom: frame.jumps && c === columns.columns - 1 ? end - JUMP_LINE : end };
    });
  const natural = place([]);
  const zero = natural.map(() => 0);
  // A whole article's paragraphs set looser or tighter to fill `frames`, from the slabs balanced
  // there: what the measuring step finds, the setting step finds again in the same columns.
  const loosened = (frames: readonly ColumnFrame[], flow: FlowResult | null): Loosened =>
    cache.loosened(article, `${columns.columnWidth}|${pitch}|${frame.from.block}:${frame.from.item}|${frames.map((f) => `${f.top}:${f.bottom}`).join(',')}`, () => loosen(article, columns.columnWidth, pitch, [...slabs], flow, frames, cache));
  if (mode === 'measure') {
    // The shallowest foot at which the photos fit at their natural depth and the text balances.
    const deepest = bodyTop + slabs.reduce((n, s) => n + s.lines, 0) + natural.reduce((n, f) => n + f.gridLines, 0) + 1;
    const fitsAt = (foot: number): boolean => figuresFit(natural, columns.columns, foot - bodyTop) && balances(slabs, framesFor(natural, foot));
    // Beyond what the page could give (with a few lines a tighter setting might save): no further.
    const limit = Math.max(bodyTop + 1, frame.bottom + MAX_LOOSENED);
    if (deepest > limit && !fitsAt(limit)) return { figures: natural, dropped: [], slabs, flow: null, placedSlabs: 0, bodyTop, headSpace: 0, bottom: limit + 1, frames: framesFor(natural, limit + 1) };
    const bottom = shallowest(bodyTop + 1, Math.min(deepest, limit), fitsAt);
    const frames = framesFor(natural, bottom);
    // Some paragraphs a line looser or tighter may end the columns level a line higher.
    let measured: { slabs: readonly Slab[]; flow: FlowResult | null } = { slabs, flow: balanceColumns(slabs, frames) };
    if (frame.part === 'whole') measured = loosened(frames, measured.flow);
    return { figures: natural, dropped: [], slabs: measured.slabs, flow: measured.flow, placedSlabs: measured.slabs.length, bodyTop, headSpace: 0, bottom, frames };
  }

  const bottom = frame.bottom;
  const depth = bottom - bodyTop;
  // The last line of the last column of a part that jumps is the jump line's.
  const keeps = frame.jumps ? JUMP_LINE : 0;
  const fits = (figures: readonly PlacedFigure[]): boolean => figuresFit(figures, columns.columns, depth, keeps);
  // Photos first fit the module: cropped shallower, a line at a time, the one with most to
  // spare first; one that cannot fit even at its smallest is left out (and reported).
  let adjust = [...zero];
  for (;;) {
    const figures = place(adjust);
    if (figures.length === 0 || fits(figures)) break;
    const k = shrinkable(figures);
    if (k >= 0) adjust[k]--;
    else dropped.add(deepestFigure(figures, columns.columns));
  }
  const plan = (figureAdjust: readonly number[], flowSlabs: readonly Slab[], flow: FlowResult | null, placedSlabs: number, headSpace = 0): BodyPlan => {
    const figures = place(figureAdjust);
    return { figures, dropped: [...dropped], slabs: flowSlabs, flow, placedSlabs, bodyTop: bodyTop + headSpace, headSpace, bottom, frames: framesFor(figures, bottom, headSpace) };
  };
  if (frame.jumps) {
    const prefix = fillPrefix(slabs, framesFor(place(adjust), bottom));
    return plan(adjust, slabs, prefix.flow, prefix.count);
  }
  // Far more text than the columns can hold, even with every photo at its smallest and every
  // paragraph a line tighter: set what fits at once (a pasted file must not cost minutes).
  const room = framesFor(place(adjust.map(() => -Infinity)), bottom).reduce((n, f) => n + Math.max(0, f.bottom - f.top), 0);
  if (slabs.reduce((n, s) => n + s.lines, 0) > room + MAX_LOOSENED * 2) {
    const prefix = fillPrefix(slabs, framesFor(place(adjust), bottom));
    return plan(adjust, slabs, prefix.flow, prefix.count);
  }
  let setSlabs: readonly Slab[] = slabs;
  let flow = balanceColumns(slabs, framesFor(place(adjust), bottom));
  if (frame.part === 'whole') ({ slabs: setSlabs, flow } = loosened(framesFor(place(adjust), bottom), flow));
  if (!flow) {
    // The text does not fit beside the photos: crop them shallower, a line at a time, until it does.
    const shrunk = leastShrink(adjust, place, fits, (figures) => balances(setSlabs, framesFor(figures, bottom)));
    adjust = shrunk.adjust;
    if (shrunk.ok) flow = balanceColumns(setSlabs, framesFor(place(adjust), bottom));
  }
  if (!flow) {
    // Overset: the columns cannot take the text even at their deepest, with the photos at their
    // smallest. Set what fits, column by column, so that a proof shows where the text breaks
    // off; the rest is reported.
    const prefix = fillPrefix(setSlabs, framesFor(place(adjust), bottom));
    return plan(adjust, setSlabs, prefix.flow, prefix.count);
  }
  if (place(adjust).length > 0) {
    adjust = growFigures(adjust, flow, bottom, setSlabs, place, fits, (figures) => framesFor(figures, bottom));
    flow = balanceColumns(setSlabs, framesFor(place(adjust), bottom)) ?? flow;
  }
  // A few lines still short: open the space around the headline block rather than leave
  // white under the columns (the body keeps its grid: whole lines only).
  const spare = bottom - flow.level;
  if (frame.mayOpenHead && spare > 0 && spare <= MAX_HEAD_SPACE && figuresFit(place(adjust), columns.columns, depth - spare, keeps)) {
    const opened = balanceColumns(setSlabs, framesFor(place(adjust), bottom, spare));
    if (opened) return plan(adjust, setSlabs, opened, setSlabs.length, spare);
  }
  return plan(adjust, setSlabs, flow, setSlabs.length);
}

/** The figure with the most lines above its least, or -1 when none may shrink. */
function shrinkable(figures: readonly PlacedFigure[]): number {
  let best = -1;
  let spare = 0;
  for (const f of figures) {
    if (f.gridLines - f.minLines > spare) {
      spare = f.gridLines - f.minLines;
      best = f.ordinal;
    }
  }
  return best;
}

/** The block of the figure reaching deepest into the columns: the one to leave out first. */
function deepestFigure(figures: readonly PlacedFigure[], columns: number): number {
  let deepest = figures[figures.length - 1];
  let reach = -1;
  for (const f of figures) {
    for (let c = f.column; c < f.column + f.span && c < columns; c++) {
      const { top, bottom } = figureDepths(figures, c);
      if (top + bottom > reach || (top + bottom === reach && f.block > deepest.block)) {
        reach = top + bottom;
        deepest = f;
      }
    }
  }
  return deepest.block;
}

/**
 * Take lines from the photos one at a time (the one with most to spare first) until `ok` holds:
 * the fewest lines taken, or, when nothing is enough, every photo at its smallest.
 */
function leastShrink(start: readonly number[], place: (adjust: readonly number[]) => PlacedFigure[], fits: (figures: readonly PlacedFigure[]) => boolean, ok: (figures: readonly PlacedFigure[]) => boolean): { adjust: number[]; ok: boolean } {
  const adjust = [...start];
  for (;;) {
    const figures = place(adjust);
    if (fits(figures) && ok(figures)) return { adjust, ok: true };
    const k = shrinkable(figures);
    if (k < 0) return { adjust, ok: false };
    adjust[k]--;
  }
}

/** The smallest value in [low, high] for which `ok` holds (more room never hurts): bisection. */
function shallowest(low: number, high: number, ok: (value: number) => boolean): number {
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (ok(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
