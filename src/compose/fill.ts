/**
 * Filling a module: the moves a layout editor makes so an article ends level at the module's
 * foot instead of leaving white — set a paragraph a line looser or tighter, grow the photos,
 * open the space around the headline.
 */
import type { ItemizedArticle } from '../text/index.js';
import { columnSlabs } from './column-blocks.js';
import type { PlacedFigure } from './figures.js';
import { balanceColumns, type ColumnFrame, type FlowResult } from './flow.js';
import type { Line } from '../linebreak/index.js';
import { setLines, type Slab } from './slabs.js';

/** Line slots left white under the columns' last lines, down to the module's foot. */
export function blankUnder(flow: FlowResult, frames: readonly ColumnFrame[], bottom: number): number {
  return frames.reduce((sum, frame, c) => sum + Math.max(0, bottom - (frame.top + flow.linesPerColumn[c])), 0);
}

/** Lines of white the headline block may take on to fill its module (half above, half below). */
export const MAX_HEAD_SPACE = 4;

/** A photo may grow to this share above its natural depth to fill its module. */
const MAX_FIGURE_GROWTH = 0.5;

/**
 * Fill a module deeper than the article: grow the photos a line at a time (cropping them to
 * their rectangles), each step taking the photo whose growth brings the balanced columns'
 * foot nearest the module's foot, until the foot is reached or no photo may grow further.
 * This is the layout editor's move of 放大图片 to close a gap, rather than leave white.
 */
export function growFigures(
  figures: PlacedFigure[],
  flow: FlowResult,
  bottom: number,
  slabs: readonly Slab[],
  place: (extra: readonly number[]) => PlacedFigure[],
  framesFor: (figures: readonly PlacedFigure[]) => ColumnFrame[],
): { figures: PlacedFigure[]; flow: FlowResult } {
  const natural = figures.map((f) => f.gridLines);
  const extra = figures.map(() => 0);
  // White left in the module: below each column's last line (a column with no text is all white).
  const blank = (result: FlowResult, frames: readonly ColumnFrame[]): number =>
    frames.reduce((sum, frame, c) => sum + (bottom - (frame.top + result.linesPerColumn[c])), 0);
  let best = { figures, flow, blank: blank(flow, framesFor(figures)) };
  for (;;) {
    let step: { figures: PlacedFigure[]; flow: FlowResult; blank: number; index: number } | undefined;
    for (let i = 0; i < extra.length; i++) {
      if (!figures[i].croppable || extra[i] + 1 > natural[i] * MAX_FIGURE_GROWTH) continue;
      const grown = place(extra.map((e, k) => (k === i ? e + 1 : e)));
      const frames = framesFor(grown);
      const result = balanceColumns(slabs, frames);
      if (!result || result.level > bottom) continue;
      const white = blank(result, frames);
      if (white < best.blank && (!step || white < step.blank)) step = { figures: grown, flow: result, blank: white, index: i };
    }
    if (!step) break;
    extra[step.index]++;
    best = step;
  }
  return { figures: best.figures, flow: best.flow };
}

/** Paragraphs, counted from the end, that may be set a line looser or tighter to fill columns,
 *  and how many of them at once. */
const LOOSENESS_CANDIDATES = 6;
const MAX_LOOSENED = 3;
/**
 * The widest a line of a loosened paragraph may be spaced, as a stretch ratio (1 = the gaps'
 * full stretch, 0.15 em between Han characters). Beyond it the spacing shows as a loose
 * line, which a layout editor would not buy with a line of fill.
 */
const MAX_LOOSENED_RATIO = 1;

/**
 * How much a looseness choice disturbs the texture: over the paragraphs it changes, the sum of
 * the squared stretch ratios of their lines (last lines excepted) beyond those of their best
 * setting; Infinity if any line is spaced wider than MAX_LOOSENED_RATIO or set tighter than
 * its gaps may shrink.
 */
function textureCost(article: ItemizedArticle, measure: number, choice: ReadonlyMap<number, number>): number {
  const spread = (lines: readonly Line[]): number => lines.slice(0, -1).reduce((sum, line) => sum + line.ratio * line.ratio, 0);
  let cost = 0;
  for (const [index, looseness] of choice) {
    const block = article.blocks[index];
    if (block.kind !== 'text') continue;
    const lines = setLines(block.set, measure, looseness);
    if (lines.slice(0, -1).some((line) => line.ratio > MAX_LOOSENED_RATIO || line.ratio < -1)) return Infinity;
    cost += spread(lines) - spread(setLines(block.set, measure));
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
export function loosen(article: ItemizedArticle, measure: number, pitch: number, slabs: Slab[], flow: FlowResult | null, frames: readonly ColumnFrame[]): { slabs: Slab[]; flow: FlowResult | null } {
  const white = (result: FlowResult): number =>
    frames.reduce((sum, frame, c) => sum + (result.linesPerColumn[c] > 0 || c === 0 ? result.level - (frame.top + result.linesPerColumn[c]) : 0), 0);
  let best: { slabs: Slab[]; flow: FlowResult | null; score: number[] } = { slabs, flow, score: flow ? [flow.level, white(flow), 0] : [Infinity, Infinity, 0] };
  if (best.score[1] <= 1) return best;
  const paragraphs = article.blocks.flatMap((b, i) => (b.kind === 'text' && b.role === 'paragraph' ? [i] : [])).slice(-LOOSENESS_CANDIDATES);
  // Every way of setting up to three of them a line looser or tighter.
  const choices: Map<number, number>[] = [];
  const extend = (from: number, chosen: [number, number][]): void => {
    if (chosen.length > 0) choices.push(new Map(chosen));
    if (chosen.length === MAX_LOOSENED) return;
    for (let i = from; i < paragraphs.length; i++) for (const l of [1, -1]) extend(i + 1, [...chosen, [paragraphs[i], l]]);
  };
  extend(0, []);
  for (const choice of choices) {
    const cost = textureCost(article, measure, choice);
    if (cost === Infinity) continue;
    const trial = columnSlabs(article, measure, pitch, choice);
    const result = balanceColumns(trial, frames);
    if (!result) continue;
    const score = [result.level, white(result), cost];
    if (lexicallyLess(score, best.score)) best = { slabs: trial, flow: result, score };
  }
  return best;
}

function lexicallyLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
