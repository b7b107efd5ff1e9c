import { afterBreak, isBreakpoint, makeLine, runningTotals, widthAt } from './measure.js';
import { INFINITY_PENALTY, LAST_RESORT_PENALTY, type BreakItem, type BreakOptions, type Fallback, type Line, type LineWidths } from './types.js';

/** A feasible breakpoint reached with the fewest demerits so far (TeX's active node, §819). */
interface Node {
  readonly position: number; // index of the break item; -1 for the paragraph start
  /** First item of the line after this break (afterBreak), kept so it is found once. */
  readonly start: number;
  readonly line: number; // lines before this break
  readonly fitness: number;
  readonly demerits: number;
  readonly previous: Node | null;
}

/** Shrinking a line to ratio −r costs what stretching it to r/3 would: push-in before push-out. */
const SHRINK_BADNESS_WEIGHT = 1 / 27;
/** TeX §108: badness is capped at 10000, "infinitely bad". */
const INFINITE_BADNESS = 10_000;
/**
 * Added for each last-resort break: more than the demerits of any paragraph without one
 * (10⁴ lines each (10 + 10000)² ≈ 10⁸), so the breaker takes as few as it can and never one to
 * spare a loose line.
 */
const LAST_RESORT_DEMERITS = 1e12;

/** Fitness classes of TeX §817: 0 tight, 1 decent, 2 loose, 3 very loose. */
const FITNESS_CLASSES = 4;

function fitnessClass(ratio: number): number {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

/**
 * Total-fit line breaking (Knuth & Plass 1981; tex.web part 38): for every feasible breakpoint,
 * the best way to reach it; the paragraph's breaks minimise the sum over lines of
 * (linePenalty + badness)² + penalty², badness = 100·|ratio|³.
 * Returns null if no set of breaks keeps every line within the tolerance.
 * `fallback` says whether emergency stretch counts and last-resort breaks are breakpoints.
 * A justified line that has nothing to stretch and is short of its measure is never feasible: it
 * could not be set flush (a line of a URL's pieces waits for the pass that may letter-space it,
 * where their emergency stretch counts).
 */
export function totalFit(items: readonly BreakItem[], widths: LineWidths, options: BreakOptions, tolerance: number, fallback: Fallback = 'anywhere'): Line[] | null {
  const looseness = options.looseness ?? 0;
  const totals = runningTotals(items, fallback);
  let active: Node[] = [{ position: -1, start: 0, line: 0, fitness: 1, demerits: 0, previous: null }];
  let next: Node[] = [];
  // The best node per fitness class (TeX §833), and per line count too when a looseness asks
  // for a paragraph longer or shorter than its best (TeX §875); in the order first found, which
  // is the order they join the active list (ties go to the earlier node).
  const best = new Map<number, Node>();
  const { width: totalWidth, stretch: totalStretch, shrink: totalShrink } = totals;

  for (let i = 0; i < items.length; i++) {
    if (!isBreakpoint(items, i, fallback)) continue;
    const item = items[i];
    const penaltyValue = item.kind === 'penalty' ? item.penalty : 0;
    const penaltyWidth = item.kind === 'penalty' ? item.width : 0;
    const forced = penaltyValue <= -INFINITY_PENALTY;
    best.clear();
    next.length = 0;
    for (const node of active) {
      const start = node.start;
      const width = widthAt(widths, node.line);
      // The adjustment ratio of items[start, i) set to `width` (measure.ts adjustmentRatio).
      let ratio = 0;
      let natural = 0;
      if (start <= i) {
        natural = totalWidth[i] - totalWidth[start] + penaltyWidth;
        if (natural < width) {
          const stretch = totalStretch[i] - totalStretch[start];
          ratio = stretch > 0 ? (width - natural) / stretch : Number.POSITIVE_INFINITY;
        } else if (natural > width) {
          const shrink = totalShrink[i] - totalShrink[start];
          ratio = shrink > 0 ? (width - natural) / shrink : Number.NEGATIVE_INFINITY;
        }
      }
      if (ratio < -1 || forced) {
        // Too long from here on (or a forced break ends every line): the node retires.
      } else {
        next.push(node);
      }
      // A justified line with nothing to stretch that is short of its measure can never be set
      // flush, in any pass: the letter-spacing pass gives a token's pieces stretch instead.
      const unjustifiable = ratio === Number.POSITIVE_INFINITY && !options.ragged;
      if (ratio >= -1 && ratio <= tolerance && !unjustifiable) {
        // clreq #reduction_and_expansion_of_inter-character_spacing: reduce first, then expand.
        // Compressing punctuation costs a fraction of opening the same ratio of gaps.
        const weight = ratio < 0 ? SHRINK_BADNESS_WEIGHT : 1;
        // A ragged line (centred or flush) is not stretched: its badness is how short it is,
        // against half the measure, so lines come out full and even but a penalty (a phrase
        // break) outweighs any shortfall.
        const shortfall = ratio > 0 ? (width - natural) / (width / 2) : 0;
        const badness = Math.min(INFINITE_BADNESS, 100 * (options.ragged && ratio > 0 ? shortfall ** 3 : weight * Math.abs(ratio) ** 3));
        let demerits = (options.linePenalty + badness) ** 2;
        if (penaltyValue > 0) demerits += penaltyValue ** 2;
        else if (penaltyValue > -INFINITY_PENALTY) demerits -= penaltyValue ** 2;
        if (penaltyValue >= LAST_RESORT_PENALTY) demerits += LAST_RESORT_DEMERITS;
        const fitness = fitnessClass(ratio);
        if (Math.abs(fitness - node.fitness) > 1) demerits += options.fitnessDemerits;
        const total = node.demerits + demerits;
        const key = looseness === 0 ? fitness : (node.line + 1) * FITNESS_CLASSES + fitness;
        const existing = best.get(key);
        if (!existing || total < existing.demerits) {
          best.set(key, { position: i, start: afterBreak(items, i), line: node.line + 1, fitness, demerits: total, previous: node });
        }
      }
    }
    // The retired nodes leave; the new ones join after the ones that stay.
    for (const node of best.values()) next.push(node);
    const retired = active;
    active = next;
    next = retired;
    if (active.length === 0) return null;
  }

  let last: Node | null = null;
  for (const node of active) {
    if (node.position === items.length - 1 && (!last || node.demerits < last.demerits)) last = node;
  }
  if (!last) return null;
  if (looseness !== 0) {
    // TeX §875: of the paragraphs whose line count is nearest best + looseness, the best.
    const target = last.line + looseness;
    let chosen = last;
    for (const node of active) {
      if (node.position !== items.length - 1) continue;
      const nearer = Math.abs(node.line - target) < Math.abs(chosen.line - target);
      if (nearer || (node.line === chosen.line && node.demerits < chosen.demerits)) chosen = node;
    }
    last = chosen;
  }
  const breaks: Node[] = [];
  for (let n: Node | null = last; n && n.position >= 0; n = n.previous) breaks.unshift(n);
  return breaks.map((node) => makeLine(items, totals, node.previous!.start, node.position, widthAt(widths, node.line - 1)));
}
