/**
 * Band depths for the whole page at once. Fixed bands (`40%`, `120mm`) keep their depth; each
 * `auto` band is as deep as the articles that end in it need; an article that goes on to a
 * later page is elastic — it asks only for a start, and its band takes the lines the others
 * leave. When the page cannot give every band what it needs, every auto band gives up lines in
 * proportion to its depth, so each article too long shows its own overset (characters to cut)
 * instead of one band taking all the loss.
 */
import type { RowHeight } from '../model/index.js';
import { PT_PER_MM } from './geometry.js';

/** What an article's area asks of the bands it spans [firstRow, lastRow]. */
export interface AreaNeed {
  readonly id: string;
  readonly firstRow: number;
  readonly lastRow: number;
  /** Grid lines it needs (space above it included): all of it, or a start when it jumps. */
  readonly lines: number;
  /** The fewest it can be set in, paragraphs set tighter (紧排) where the page is short (≤ lines). */
  readonly least: number;
  /** It goes on to a later page: it takes what the others leave. */
  readonly elastic: boolean;
}

export interface BandSolution {
  /** Grid lines of each band, summing to the page's lines or fewer. */
  readonly heights: readonly number[];
  /** Grid lines the page lacked to give every band what its articles need (0 when it had them). */
  readonly short: number;
}

/** Grid lines a fixed band takes, or undefined for an auto band. */
export function fixedLines(row: RowHeight, available: number, pitch: number): number | undefined {
  switch (row.kind) {
    case 'percent':
      return Math.floor((available * row.value) / 100);
    case 'mm':
      return Math.floor((row.value * PT_PER_MM) / pitch);
    case 'lines':
      return row.value;
    case 'auto':
      return undefined;
    default: {
      const never: never = row;
      throw new Error(`unknown row ${JSON.stringify(never)}`);
    }
  }
}

export function solveBands(rows: readonly RowHeight[], available: number, pitch: number, needs: readonly AreaNeed[]): BandSolution {
  const fixed = rows.map((row) => fixedLines(row, available, pitch));
  const isAuto = (r: number): boolean => fixed[r] === undefined;
  const autos = rows.map((_, r) => r).filter(isAuto);
  const full = cover(fixed, needs.map((n) => n.lines), needs);
  const sum = (heights: readonly number[]): number => heights.reduce((a, b) => a + b, 0);
  // Lines left over go to the band where an article that jumps ends (it takes what the others
  // leave), else to the last auto band.
  const elastic = needs.filter((n) => n.elastic).map((n) => lastAutoOf(n, isAuto)).filter((r) => r >= 0);
  const spareTo = elastic.length > 0 ? Math.max(...elastic) : autos[autos.length - 1];
  if (sum(full) <= available) {
    if (spareTo !== undefined) full[spareTo] += available - sum(full);
    return { heights: full, short: 0 };
  }
  // Too little room at the natural setting: start from the tightest each article can be set
  // in, and give the bands back what they would rather have, top to bottom, while lines last.
  const heights = cover(fixed, needs.map((n) => n.least), needs);
  if (sum(heights) <= available) {
    let spare = available - sum(heights);
    for (const r of autos) {
      const more = Math.min(spare, Math.max(0, full[r] - heights[r]));
      heights[r] += more;
      spare -= more;
    }
    if (spareTo !== undefined) heights[spareTo] += spare;
    return { heights, short: 0 };
  }
  const short = sum(heights) - available;
  cutInProportion(heights, autos, short);
  // Fixed bands deeper than the page (`rows` of millimetres) give way from the foot up.
  let over = sum(heights) - available;
  for (let r = heights.length - 1; r >= 0 && over > 0; r--) {
    const cut = Math.min(over, Math.max(0, heights[r] - 1));
    heights[r] -= cut;
    over -= cut;
  }
  return { heights, short };
}

/** The last auto band an area spans, or -1 when it spans only fixed bands. */
function lastAutoOf(n: AreaNeed, isAuto: (r: number) => boolean): number {
  for (let r = n.lastRow; r >= n.firstRow; r--) if (isAuto(r)) return r;
  return -1;
}

/**
 * The shallowest bands meeting every need: each need is met in the last auto band it spans —
 * taking the lines there helps every other area that reaches it (the fewest lines in all, as in
 * covering intervals by their right ends).
 */
function cover(fixed: readonly (number | undefined)[], lines: readonly number[], needs: readonly AreaNeed[]): number[] {
  const heights = fixed.map((h) => h ?? 0);
  const isAuto = (r: number): boolean => fixed[r] === undefined;
  const order = needs.map((n, i) => ({ n, i, r: lastAutoOf(n, isAuto) })).filter((x) => x.r >= 0).sort((a, b) => a.r - b.r);
  for (const { n, i, r } of order) {
    const others = heights.slice(n.firstRow, n.lastRow + 1).reduce((a, b) => a + b, 0) - heights[r];
    heights[r] = Math.max(heights[r], lines[i] - others);
  }
  return heights;
}

/** Take `cut` lines from the bands `rows` in proportion to their depths (largest remainders), each keeping a line. */
function cutInProportion(heights: number[], rows: readonly number[], cut: number): void {
  const spare = rows.map((r) => Math.max(0, heights[r] - 1));
  const pool = spare.reduce((a, b) => a + b, 0);
  const take = Math.min(cut, pool);
  if (take === 0) return;
  const shares = spare.map((s) => (s * take) / pool);
  const taken = shares.map(Math.floor);
  let left = take - taken.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => ({ i, frac: s - Math.floor(s) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (taken[i] < spare[i]) {
      taken[i]++;
      left--;
    }
  }
  rows.forEach((r, i) => (heights[r] -= taken[i]));
}
