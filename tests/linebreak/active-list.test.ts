/**
 * The breaker's active list (knuth-plass.ts) is kept in one array: nodes retire from its front
 * or, with a measure per line, from its middle (a node whose next line is a narrow one goes too
 * long before an older one whose next line is wide), and the gap closes in place. Whatever
 * retires where, the breaks must be the best there are: for seeded random paragraphs at
 * alternating narrow and wide measures, the demerits of the lines the breaker returns are the
 * least any set of breaks has, found here by trying every line from every breakpoint to every
 * later one (a plain dynamic programme over breakpoint, line count and fitness class, with no
 * active list at all).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAK_OPTIONS, INFINITY_PENALTY, type BreakItem, type Line } from '../../src/linebreak/index.js';
import { totalFit } from '../../src/linebreak/knuth-plass.js';
import { adjustmentRatio, afterBreak, isBreakpoint, runningTotals } from '../../src/linebreak/measure.js';
import { randomCjk, seeded } from './helpers.js';

const { linePenalty, fitnessDemerits, tolerance } = DEFAULT_BREAK_OPTIONS;

/** TeX §817 fitness classes. */
const fitnessOf = (ratio: number): number => (ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3);

/** A line's demerits as knuth-plass.ts counts them (justified text; shrinking weighs 1/27). */
function lineDemerits(ratio: number, penalty: number): number {
  const badness = Math.min(10_000, 100 * (ratio < 0 ? 1 / 27 : 1) * Math.abs(ratio) ** 3);
  let d = (linePenalty + badness) ** 2;
  if (penalty > 0) d += penalty ** 2;
  else if (penalty > -INFINITY_PENALTY) d -= penalty ** 2;
  return d;
}

const penaltyAt = (items: readonly BreakItem[], i: number): number => {
  const item = items[i];
  return item.kind === 'penalty' ? item.penalty : 0;
};

/** Demerits of a paragraph broken into `lines`: each line's, and the fitness demerits between neighbours. */
function paragraphDemerits(items: readonly BreakItem[], lines: readonly Line[]): number {
  let total = 0;
  let fitness = 1;
  for (const line of lines) {
    const f = fitnessOf(line.ratio);
    total += lineDemerits(line.ratio, penaltyAt(items, line.end)) + (Math.abs(f - fitness) > 1 ? fitnessDemerits : 0);
    fitness = f;
  }
  return total;
}

/** The least demerits of any breaks of `items` whose lines are all within the tolerance, or Infinity. */
function leastDemerits(items: readonly BreakItem[], width: (line: number) => number): number {
  const totals = runningTotals(items, 'none');
  const breaks = items.map((_, i) => i).filter((i) => isBreakpoint(items, i, 'none'));
  // best.get(`${position}|${lines}|${fitness}`): the least demerits of a way to that break.
  const best = new Map<string, { position: number; lines: number; fitness: number; demerits: number }>();
  best.set('-1|0|1', { position: -1, lines: 0, fitness: 1, demerits: 0 });
  for (const j of breaks) {
    for (const from of [...best.values()]) {
      if (from.position >= j) continue;
      const start = from.position < 0 ? 0 : afterBreak(items, from.position);
      // No line runs across a forced break.
      if (items.slice(start, j).some((item) => item.kind === 'penalty' && item.penalty <= -INFINITY_PENALTY)) continue;
      const { ratio } = adjustmentRatio(items, totals, start, j, width(from.lines));
      if (!(ratio >= -1 && ratio <= tolerance)) continue;
      const fitness = fitnessOf(ratio);
      const demerits = from.demerits + lineDemerits(ratio, penaltyAt(items, j)) + (Math.abs(fitness - from.fitness) > 1 ? fitnessDemerits : 0);
      const key = `${j}|${from.lines + 1}|${fitness}`;
      const kept = best.get(key);
      if (!kept || demerits < kept.demerits) best.set(key, { position: j, lines: from.lines + 1, fitness, demerits });
    }
  }
  const end = items.length - 1;
  return Math.min(...[...best.values()].filter((n) => n.position === end).map((n) => n.demerits));
}

describe('the active list, nodes retiring from its middle', () => {
  it('gives the least demerits any breaks have, at measures that change from line to line', () => {
    const next = seeded(5);
    let broken = 0;
    for (let p = 0; p < 40; p++) {
      const { items } = randomCjk(next, 24, 40);
      const narrow = 4 + next(4);
      const wide = narrow + 3 + next(5);
      const width = (line: number): number => (line % 3 === 1 ? narrow : wide);
      const lines = totalFit(items, width, DEFAULT_BREAK_OPTIONS, tolerance, 'none');
      const least = leastDemerits(items, width);
      if (lines === null) {
        expect(least).toBe(Number.POSITIVE_INFINITY);
        continue;
      }
      expect(paragraphDemerits(items, lines)).toBeCloseTo(least, 6);
      broken++;
    }
    expect(broken).toBeGreaterThan(20);
  });
});
