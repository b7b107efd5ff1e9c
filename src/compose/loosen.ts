/**
 * Loosening (TeX's \looseness): the last paragraphs of an article set a line longer or shorter
 * so that its balanced columns end level instead of ragged — the page builder's commonest way
 * of filling a module (fill.ts has its others: larger photos, space around the headline).
 */
import type { ItemizedArticle } from '../text/index.js';
import { blockPart, flowingBlocks } from './column-blocks.js';
import { balanceBounder, balanceColumns, flowShape, slabLines, whiteUnder, type ColumnFrame, type FlowResult, type SlabLines } from './flow.js';
import type { Line } from '../linebreak/index.js';
import type { LineCache, Loosened } from './line-cache.js';
import { setLines, type Slab } from './slabs.js';

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
 * shrink. A trial's cost is the sum over the paragraphs it changes, in the order it lists them.
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
 * One paragraph set a line looser or tighter, as a trial reads it: worked out once per call
 * (a paragraph is in dozens of trials), at the first trial that has it.
 */
interface Move {
  readonly index: number;
  readonly looseness: number;
  /** paragraphTextureCost. */
  readonly cost: number;
  /** The paragraph's place among the flowing blocks; undefined when it does not flow (its cost still counts). */
  readonly position: number | undefined;
  readonly part: readonly Slab[];
  /** What the move adds to a trial's key: its place and the number of its slabs' shape, when that differs from the paragraph's own. */
  readonly key: string;
  /** What it changes in the slabs' lines (flow.ts SlabLines). */
  readonly lines: number;
  readonly need: number;
}

/**
 * When balanced columns end ragged, set up to three of the last paragraphs a line longer or
 * shorter (TeX's \looseness) if that makes them end level: the white goes, and no widow or
 * orphan rule is broken to get there. Among the trials, the lowest level wins, then the least
 * white, then the one that disturbs the spacing least (the summed texture cost); none may space
 * a line wider than MAX_LOOSENED_RATIO. Trials are made depth first — each paragraph looser,
 * then tighter, then with each later one added — and the first of equals wins.
 */
export function loosen(article: ItemizedArticle, measure: number, pitch: number, slabs: Slab[], flow: FlowResult | null, frames: readonly ColumnFrame[], cache: LineCache): Loosened {
  const white = (result: FlowResult): number => whiteUnder(result, frames, result.level);
  let best: { slabs: Slab[]; flow: FlowResult | null; score: number[] } = { slabs, flow, score: flow ? [flow.level, white(flow), 0] : [Infinity, Infinity, 0] };
  if (best.score[1] <= 1) return best;
  const paragraphs = article.blocks.flatMap((b, i) => (b.kind === 'text' && b.role === 'paragraph' ? [i] : [])).slice(-LOOSENESS_CANDIDATES);
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
  const bound = balanceBounder(frames);
  // Each paragraph's two moves, made when a trial first has them; a move too loose or too tight is made no further.
  const moves = new Map<number, Move | null>();
  const moveOf = (k: number, looseness: 1 | -1): Move | null => {
    const slot = k * LOOSER_TIGHTER.length + LOOSER_TIGHTER.indexOf(looseness);
    let move = moves.get(slot);
    if (move !== undefined) return move;
    const index = paragraphs[k];
    const cost = paragraphTextureCost(article, index, looseness, measure, cache);
    const position = at.get(index);
    if (cost === Infinity) move = null;
    else if (position === undefined) move = { index, looseness, cost, position, part: [], key: '', lines: 0, need: 0 };
    else {
      const part = blockPart(article, index, measure, pitch, cache, looseness);
      const n = shapeNumber(part);
      const was = partLines.get(base[position])!;
      const is = partLines.get(part)!;
      move = { index, looseness, cost, position, part, key: n !== baseShapes[position] ? `${position}:${n},` : '', lines: is.lines - was.lines, need: is.need - was.need };
    }
    moves.set(slot, move);
    return move;
  };
  // Most trials change no paragraph's line count, or change them as another trial does: the
  // columns are balanced once per shape of slabs.
  const balanced = new Map<string, FlowResult | null>();
  const chosen: Move[] = [];
  const tryTrial = (key: string, lines: number, need: number, cost: number): void => {
    let trial: Slab[] | undefined;
    const slabsOf = (): Slab[] => (trial ??= joinParts(base, chosen));
    let result = balanced.get(key);
    if (result === undefined) {
      // A trial whose columns could not end level with the best, or with less white, even at
      // their best is not balanced: it could not win (about half the trials of a page).
      const least = bound({ lines, need });
      if (least && !lexicallyLess([least.level, least.white, cost], best.score)) return;
      balanced.set(key, (result = balanceColumns(slabsOf(), frames)));
    }
    if (!result) return;
    const score = [result.level, white(result), cost];
    if (lexicallyLess(score, best.score)) best = { slabs: slabsOf(), flow: result, score };
  };
  // Every way of setting up to three of the paragraphs a line looser or tighter, depth first;
  // a trial's key, lines and cost are its parent's with its last move added.
  const extend = (from: number, key: string, lines: number, need: number, cost: number): void => {
    if (chosen.length === MAX_LOOSENED) return;
    for (let k = from; k < paragraphs.length; k++) {
      for (const looseness of LOOSER_TIGHTER) {
        const move = moveOf(k, looseness);
        // Too loose or too tight: so is every trial that has it.
        if (!move) continue;
        chosen.push(move);
        const trialKey = key + move.key;
        const trialLines = lines + move.lines;
        const trialNeed = need + move.need;
        const trialCost = cost + move.cost;
        tryTrial(trialKey, trialLines, trialNeed, trialCost);
        extend(k + 1, trialKey, trialLines, trialNeed, trialCost);
        chosen.pop();
      }
    }
  };
  extend(0, '', baseLines.lines, baseLines.need, 0);
  return best;
}

/** The slabs of `base`'s parts in order, a part replaced where one of `moves` changes it. */
function joinParts(base: readonly (readonly Slab[])[], moves: readonly Move[]): Slab[] {
  const changed = new Map<number, readonly Slab[]>();
  for (const move of moves) if (move.position !== undefined) changed.set(move.position, move.part);
  const slabs: Slab[] = [];
  base.forEach((part, position) => {
    // Indexed: every trial of a search joins its parts, mostly before V8 optimises this.
    const joined = changed.get(position) ?? part;
    for (let s = 0; s < joined.length; s++) slabs.push(joined[s]);
  });
  return slabs;
}

function lexicallyLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
