/**
 * Filling a module: the moves a layout editor makes so an article ends level at the module's
 * foot instead of leaving white — set a paragraph a line looser or tighter, grow the photos,
 * open the space around the headline.
 */
import type { ItemizedArticle } from '../text/index.js';
import { blockPart, flowingBlocks } from './column-blocks.js';
import type { PlacedFigure } from './figures.js';
import { balanceBound, balanceColumns, flowShape, slabLines, whiteUnder, type ColumnFrame, type FlowResult, type SlabLines } from './flow.js';
import type { Line } from '../linebreak/index.js';
import type { LineCache, Loosened } from './line-cache.js';
import { setLines, type Slab } from './slabs.js';

/** Lines of white the headline block may take on to fill its module (half above, half below). */
export const MAX_HEAD_SPACE = 4;

/**
 * Change the figures' depths a line at a time — `place(adjust)` places them `adjust[i]` lines
 * from their natural depth, `fits` says whether they stay inside the module — taking at each
 * step the change that `better` prefers, until no step improves. The page builder's moves of
 * 放大图片 (a photo grows, cropped, to close a gap under the columns) and 缩小图片 (a photo is
 * cropped shallower so the text fits).
 */
export function stepFigures<T>(
  start: readonly number[],
  direction: 1 | -1,
  place: (adjust: readonly number[]) => PlacedFigure[],
  fits: (figures: readonly PlacedFigure[]) => boolean,
  score: (figures: PlacedFigure[]) => T | undefined,
  better: (a: T, b: T | undefined) => boolean,
  initial: T | undefined,
): { adjust: number[]; result: T | undefined } {
  let adjust = [...start];
  let best = initial;
  for (;;) {
    let step: { adjust: number[]; result: T } | undefined;
    const current = place(adjust);
    for (let i = 0; i < adjust.length; i++) {
      const f = current.find((figure) => figure.ordinal === i);
      if (!f || (direction > 0 ? f.gridLines >= f.maxLines : f.gridLines <= f.minLines)) continue;
      const trial = adjust.map((a, k) => (k === i ? a + direction : a));
      const figures = place(trial);
      if (!fits(figures)) continue;
      const result = score(figures);
      if (result !== undefined && better(result, step ? step.result : best)) step = { adjust: trial, result };
    }
    if (!step) return { adjust, result: best };
    adjust = step.adjust;
    best = step.result;
  }
}

/**
 * Fill a module deeper than the article: grow the photos a line at a time (cropping them to
 * their rectangles), each step taking the photo whose growth brings the balanced columns'
 * foot nearest the module's foot, until the foot is reached or no photo may grow further —
 * never past the module (`fits`).
 */
export function growFigures(
  adjust: readonly number[],
  flow: FlowResult,
  bottom: number,
  slabs: readonly Slab[],
  place: (adjust: readonly number[]) => PlacedFigure[],
  fits: (figures: readonly PlacedFigure[]) => boolean,
  framesFor: (figures: readonly PlacedFigure[]) => ColumnFrame[],
): number[] {
  const white = (figures: PlacedFigure[]): { flow: FlowResult; white: number } | undefined => {
    const frames = framesFor(figures);
    const result = balanceColumns(slabs, frames);
    if (!result || result.level > bottom) return undefined;
    return { flow: result, white: whiteUnder(result, frames, bottom) };
  };
  const initial = { flow, white: whiteUnder(flow, framesFor(place(adjust)), bottom) };
  return stepFigures(adjust, 1, place, fits, white, (a, b) => b === undefined || a.white < b.white, initial).adjust;
}

/**
 * One trial of loosening: the paragraphs (block indexes, each once, in order) set a line
 * looser (1) or tighter (−1). Plain arrays: a page's loosening walks some 230 of them a call.
 */
type Choice = readonly { readonly index: number; readonly looseness: number }[];
/** A line longer, then a line shorter: the order trials are made in. */
const LOOSER_TIGHTER = [1, -1] as const;

/** Paragraphs, counted from the end, that may be set a line looser or tighter to fill columns,
 *  and how many of them at once. */
const LOOSENESS_CANDIDATES = 6;
export const MAX_LOOSENED = 3;
/**
 * The widest a line of a loosened paragraph may be spaced, as a stretch ratio (1 = the gaps'
 * full stretch, 0.15 em between Han characters). Beyond it the spacing shows as a loose
 * line, which a layout editor would not buy with a line of fill.
 */
const MAX_LOOSENED_RATIO = 1;

/**
 * How much setting one paragraph `looseness` lines longer disturbs the texture: the sum of the
 * squared stretch ratios of its lines (the last excepted) beyond those of its best setting;
 * Infinity if any line is spaced wider than MAX_LOOSENED_RATIO or set tighter than its gaps may
 * shrink. A choice's cost is the sum over the paragraphs it changes (textureCost).
 */
function paragraphTextureCost(article: ItemizedArticle, index: number, looseness: number, measure: number, cache: LineCache): number {
  const spread = (lines: readonly Line[]): number => lines.slice(0, -1).reduce((sum, line) => sum + line.ratio * line.ratio, 0);
  const block = article.blocks[index];
  if (block.kind !== 'text') return 0;
  const lines = setLines(block.set, measure, cache, looseness);
  if (lines.slice(0, -1).some((line) => line.ratio > MAX_LOOSENED_RATIO || line.ratio < -1)) return Infinity;
  return spread(lines) - spread(setLines(block.set, measure, cache));
}

/**
 * How much a looseness choice disturbs the texture (paragraphTextureCost summed), from each
 * paragraph's cost worked out once per looseness: the same paragraph is in dozens of choices.
 */
function textureCost(choice: Choice, paragraphCost: (index: number, looseness: number) => number): number {
  let cost = 0;
  for (let k = 0; k < choice.length; k++) {
    const c = paragraphCost(choice[k].index, choice[k].looseness);
    if (c === Infinity) return Infinity;
    cost += c;
  }
  return cost;
}

/**
 * When balanced columns end ragged, set up to three of the last paragraphs a line longer or
 * shorter (TeX's \looseness) if that makes them end level: the white goes, and no widow or
 * orphan rule is broken to get there. Among the trials, the lowest level wins, then the least
 * white, then the one that disturbs the spacing least (textureCost); none may space a line
 * wider than MAX_LOOSENED_RATIO.
 */
export function loosen(article: ItemizedArticle, measure: number, pitch: number, slabs: Slab[], flow: FlowResult | null, frames: readonly ColumnFrame[], cache: LineCache): Loosened {
  const white = (result: FlowResult): number => whiteUnder(result, frames, result.level);
  let best: { slabs: Slab[]; flow: FlowResult | null; score: number[] } = { slabs, flow, score: flow ? [flow.level, white(flow), 0] : [Infinity, Infinity, 0] };
  if (best.score[1] <= 1) return best;
  const paragraphs = article.blocks.flatMap((b, i) => (b.kind === 'text' && b.role === 'paragraph' ? [i] : [])).slice(-LOOSENESS_CANDIDATES);
  // Every way of setting up to three of them a line looser or tighter.
  const choices: Choice[] = [];
  const extend = (from: number, chosen: Choice): void => {
    if (chosen.length > 0) choices.push(chosen);
    if (chosen.length === MAX_LOOSENED) return;
    for (let i = from; i < paragraphs.length; i++) for (const looseness of LOOSER_TIGHTER) extend(i + 1, [...chosen, { index: paragraphs[i], looseness }]);
  };
  extend(0, []);
  // Most choices change no paragraph's line count, or change them as another choice does: the
  // columns are balanced once per shape of slabs.
  const balanced = new Map<string, FlowResult | null>();
  const costs = new Map<number, number>();
  const paragraphCost = (index: number, looseness: number): number => {
    // Loosenesses are −1 and 1: three to a block.
    const key = index * 3 + looseness + 1;
    let cost = costs.get(key);
    if (cost === undefined) costs.set(key, (cost = paragraphTextureCost(article, index, looseness, measure, cache)));
    return cost;
  };
  // A trial differs from the article as set by the paragraphs it loosens: its key is what those
  // change, each changed block's slabs as the number of their shape (flowShape), so trials that
  // fill the columns alike are balanced once, and no trial's slabs are made to find its key.
  const flowing = flowingBlocks(article);
  const at = new Map(flowing.map((index, position) => [index, position]));
  const shapeNumbers = new Map<string, number>();
  const partNumbers = new Map<readonly Slab[], number>();
  const partLines = new Map<readonly Slab[], SlabLines>();
  const shapeNumber = (part: readonly Slab[]): number => {
    let n = partNumbers.get(part);
    if (n === undefined) {
      const shape = flowShape(part);
      n = shapeNumbers.get(shape);
      if (n === undefined) shapeNumbers.set(shape, (n = shapeNumbers.size));
      partNumbers.set(part, n);
      partLines.set(part, slabLines(part));
    }
    return n;
  };
  const base = flowing.map((index) => blockPart(article, index, measure, pitch, cache, 0));
  const baseShapes = base.map(shapeNumber);
  const baseLines = slabLines(base.flat());
  for (const choice of choices) {
    const cost = textureCost(choice, paragraphCost);
    if (cost === Infinity) continue;
    const changed = new Map<number, readonly Slab[]>();
    let key = '';
    let lines = baseLines.lines;
    let need = baseLines.need;
    for (let k = 0; k < choice.length; k++) {
      const { index, looseness } = choice[k];
      const position = at.get(index);
      if (position === undefined) continue;
      const part = blockPart(article, index, measure, pitch, cache, looseness);
      changed.set(position, part);
      const n = shapeNumber(part);
      if (n !== baseShapes[position]) key += `${position}:${n},`;
      const was = partLines.get(base[position])!;
      const is = partLines.get(part)!;
      lines += is.lines - was.lines;
      need += is.need - was.need;
    }
    let trial: Slab[] | undefined;
    const slabsOf = (): Slab[] => (trial ??= joinParts(base, changed));
    let result = balanced.get(key);
    if (result === undefined) {
      // A trial whose columns could not end level with the best, or with less white, even at
      // their best is not balanced: it could not win (about half the trials of a page).
      const bound = balanceBound(frames, { lines, need });
      if (bound && !lexicallyLess([bound.level, bound.white, cost], best.score)) continue;
      balanced.set(key, (result = balanceColumns(slabsOf(), frames)));
    }
    if (!result) continue;
    const score = [result.level, white(result), cost];
    if (lexicallyLess(score, best.score)) best = { slabs: slabsOf(), flow: result, score };
  }
  return best;
}

/** The slabs of `base`'s parts in order, a part replaced where `changed` has one for its place. */
function joinParts(base: readonly (readonly Slab[])[], changed: ReadonlyMap<number, readonly Slab[]>): Slab[] {
  const slabs: Slab[] = [];
  base.forEach((part, position) => {
    for (const slab of changed.get(position) ?? part) slabs.push(slab);
  });
  return slabs;
}

function lexicallyLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
