/**
 * The total-fit breaker as it was written in TypeScript before it became WebAssembly
 * (src/linebreak/assembly/total-fit.ts), kept as the oracle the module is tested against
 * (wasm-breaker.test.ts): the same nodes, candidates and tie-breaking, object by object. Its
 * breakpoints come from src's isBreakpoint, so the module's own marking is held to that rule.
 */
import { afterBreak, isBreakpoint, makeLine, runningTotals as sums, widthAt, type Totals } from '../../src/linebreak/measure.js';
import { INFINITY_PENALTY, LAST_RESORT_PENALTY, type BreakItem, type BreakOptions, type Fallback, type Line, type LineWidths } from '../../src/linebreak/types.js';

interface Marked extends Totals {
  readonly breakpoint: Uint8Array;
  readonly nonDecreasing: boolean;
}

/** src's running totals, with each item's breakpoint mark and whether no item takes width or stretch away. */
function runningTotals(items: readonly BreakItem[], fallback: Fallback): Marked {
  const totals = sums(items, fallback);
  const breakpoint = Uint8Array.from(items, (_, i) => (isBreakpoint(items, i, fallback) ? 1 : 0));
  let nonDecreasing = true;
  for (let i = 0; i < items.length; i++) {
    if (!(totals.width[i + 1] >= totals.width[i] && totals.stretch[i + 1] >= totals.stretch[i])) nonDecreasing = false;
  }
  return { ...totals, breakpoint, nonDecreasing };
}

/** Nodes the last call of referenceTotalFitLoose made (the start included). */
export let nodesMade = 0;

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
 * The best way found so far to each key at one breakpoint, in slots in the order the keys were
 * first offered (a key improved keeps its place, as in a Map). With `byFitness` the key is the
 * fitness class itself (0…3) and slots are found without a Map.
 */
class Candidates {
  count = 0;
  readonly demerits: number[] = [];
  readonly previous: Node[] = [];
  readonly fitness: number[] = [];
  private readonly slotOfFitness = [-1, -1, -1, -1];
  private readonly slotOfKey = new Map<number, number>();

  constructor(private readonly byFitness: boolean) {}

  clear(): void {
    this.count = 0;
    if (this.byFitness) {
      // Four stores: cheaper than a call to fill at every breakpoint of every paragraph.
      const slots = this.slotOfFitness;
      slots[0] = slots[1] = slots[2] = slots[3] = -1;
    } else this.slotOfKey.clear();
  }

  /** Reaching `key` with `total` demerits from `previous`: kept if it is the first or the best yet. */
  offer(key: number, total: number, previous: Node, fitness: number): void {
    let slot = this.byFitness ? this.slotOfFitness[key] : (this.slotOfKey.get(key) ?? -1);
    if (slot >= 0 && !(total < this.demerits[slot])) return;
    if (slot < 0) {
      slot = this.count++;
      if (this.byFitness) this.slotOfFitness[key] = slot;
      else this.slotOfKey.set(key, slot);
    }
    this.demerits[slot] = total;
    this.previous[slot] = previous;
    this.fitness[slot] = fitness;
  }
}

/**
 * totalFit for several loosenesses at once: one pass keeps the best way to each breakpoint per
 * line count (TeX §875), whatever the looseness asked, so a paragraph a line longer and a line
 * shorter come from the same pass as two separate passes would give them. `loosenesses` is
 * [0] alone (best per fitness class only), or loosenesses other than 0. Null when no set of
 * breaks keeps every line within the tolerance.
 */
export function referenceTotalFitLoose(items: readonly BreakItem[], widths: LineWidths, options: BreakOptions, tolerance: number, fallback: Fallback, loosenesses: readonly number[]): Line[][] | null {
  const byLineCount = loosenesses.some((l) => l !== 0);
  if (byLineCount && loosenesses.includes(0)) throw new Error('looseness 0 is broken apart from other loosenesses (its pass keeps fewer nodes)');
  const totals = runningTotals(items, fallback);
  // The active list is active[head, tail): nodes retire from its front (the longest lines go
  // too long first), new ones join at its end, and most of it (lines too short yet) is left
  // where it is. A node that retires from the middle closes its gap by moving the ones after it
  // down, in place; nothing is copied to a second list. (The array keeps what retired before
  // `head` until the paragraph is broken.)
  const active: Node[] = [{ position: -1, start: 0, line: 0, fitness: 1, demerits: 0, previous: null }];
  let head = 0;
  let tail = 1;
  nodesMade = 1;
  // The best way to reach the breakpoint per fitness class (TeX §833), and per line count too
  // when a looseness asks for a paragraph longer or shorter than its best (TeX §875); in the
  // order first found, which is the order they join the active list (ties go to the earlier
  // node). Kept in slots, and made into nodes only once the breakpoint is done.
  const candidates = new Candidates(!byLineCount);
  const { width: totalWidth, stretch: totalStretch, shrink: totalShrink, breakpoint } = totals;
  // One measure for every line, or a measure per line (the loop reads the number, calls the function).
  const measure = typeof widths === 'number' ? widths : undefined;
  const { ragged, linePenalty, fitnessDemerits } = options;
  // Active nodes stand in the order of their breaks. With one measure for every line and no
  // item taking width or stretch away, a line from a later node is no longer and stretches no
  // further: once one is too short to reach the tolerance, so is every line after it, and
  // those nodes stay active unlooked-at (a line of 15 Han characters may end at any of 15
  // breakpoints: most of the active list is lines too short).
  const tooShortOnward = typeof widths === 'number' && totals.nonDecreasing;

  for (let i = 0; i < items.length; i++) {
    if (breakpoint[i] === 0) continue;
    const item = items[i];
    const penaltyValue = item.kind === 'penalty' ? item.penalty : 0;
    const penaltyWidth = item.kind === 'penalty' ? item.width : 0;
    const forced = penaltyValue <= -INFINITY_PENALTY;
    candidates.clear();
    // Where the next node that stays is written once one has retired from the middle (else -1).
    let write = -1;
    // Active nodes at one breakpoint (one per fitness class, or per line count too) sit side by
    // side and measure the same line: its ratio and demerits are worked out once for them.
    let lineStart = -1;
    let lineIndex = -1;
    let ratio = 0;
    let feasible = false;
    let fitness = 0;
    let lineDemerits = 0;
    // The running totals here, read once for all the nodes whose lines end here.
    const widthHere = totalWidth[i];
    const stretchHere = totalStretch[i];
    const shrinkHere = totalShrink[i];
    for (let a = head; a < tail; a++) {
      const node = active[a];
      if (node.start !== lineStart || node.line !== lineIndex) {
        lineStart = node.start;
        lineIndex = node.line;
        const start = node.start;
        const width = measure ?? widthAt(widths, node.line);
        // The adjustment ratio of items[start, i) set to `width` (measure.ts adjustmentRatio).
        ratio = 0;
        let natural = 0;
        if (start <= i) {
          natural = widthHere - totalWidth[start] + penaltyWidth;
          if (natural < width) {
            const stretch = stretchHere - totalStretch[start];
            ratio = stretch > 0 ? (width - natural) / stretch : Number.POSITIVE_INFINITY;
          } else if (natural > width) {
            const shrink = shrinkHere - totalShrink[start];
            ratio = shrink > 0 ? (width - natural) / shrink : Number.NEGATIVE_INFINITY;
          }
        }
        // A justified line with nothing to stretch that is short of its measure can never be set
        // flush, in any pass: the letter-spacing pass gives a token's pieces stretch instead.
        const unjustifiable = ratio === Number.POSITIVE_INFINITY && !ragged;
        feasible = ratio >= -1 && ratio <= tolerance && !unjustifiable;
        if (feasible) {
          // clreq #reduction_and_expansion_of_inter-character_spacing: reduce first, then expand.
          // Compressing punctuation costs a fraction of opening the same ratio of gaps.
          const weight = ratio < 0 ? SHRINK_BADNESS_WEIGHT : 1;
          // A ragged line (centred or flush) is not stretched: its badness is how short it is,
          // against half the measure, so lines come out full and even but a penalty (a phrase
          // break) outweighs any shortfall.
          const shortfall = ratio > 0 ? (width - natural) / (width / 2) : 0;
          // The cube multiplied out, not `** 3`: V8's pow is a library call and most of the
          // breaker's time warm; the two agree to the last place or differ in it.
          const r = ragged && ratio > 0 ? shortfall : Math.abs(ratio);
          const cube = r * r * r;
          const badness = Math.min(INFINITE_BADNESS, 100 * (ragged && ratio > 0 ? cube : weight * cube));
          // Squares multiplied out too: pow(x, 2) is x * x exactly (fdlibm), without the call.
          const demeritBase = linePenalty + badness;
          lineDemerits = demeritBase * demeritBase;
          if (penaltyValue > 0) lineDemerits += penaltyValue * penaltyValue;
          else if (penaltyValue > -INFINITY_PENALTY) lineDemerits -= penaltyValue * penaltyValue;
          if (penaltyValue >= LAST_RESORT_PENALTY) lineDemerits += LAST_RESORT_DEMERITS;
          fitness = fitnessClass(ratio);
        }
      }
      if (ratio < -1 || forced) {
        // Too long from here on (or a forced break ends every line): the node retires.
        if (a === head) head++;
        else if (write < 0) write = a;
      } else {
        if (write >= 0) active[write++] = node;
        if (tooShortOnward && ratio > tolerance) {
          // This line and every later one are too short: they all stay, in order, where they
          // are unless a gap before them is to close.
          if (write >= 0) {
            for (let b = a + 1; b < tail; b++) active[write++] = active[b];
            tail = write;
            write = -1;
          }
          break;
        }
      }
      if (feasible) {
        let demerits = lineDemerits;
        if (Math.abs(fitness - node.fitness) > 1) demerits += fitnessDemerits;
        const key = byLineCount ? (node.line + 1) * FITNESS_CLASSES + fitness : fitness;
        candidates.offer(key, node.demerits + demerits, node, fitness);
      }
    }
    // Every node looked at has been kept or has retired: the list ends where the last one kept went.
    if (write >= 0) tail = write;
    // The new ones join after the ones that stay.
    if (candidates.count > 0) {
      const after = afterBreak(items, i);
      for (let k = 0; k < candidates.count; k++) {
        const previous = candidates.previous[k];
        nodesMade++;
        active[tail++] = { position: i, start: after, line: previous.line + 1, fitness: candidates.fitness[k], demerits: candidates.demerits[k], previous };
      }
    }
    if (tail === head) return null;
  }

  const end = items.length - 1;
  const last = active.slice(head, tail);
  const best = bestEnd(last, end);
  if (!best) return null;
  return loosenesses.map((looseness) => linesTo(items, totals, widths, chosenEnd(last, best, looseness, end)));
}

/** The active node with the fewest demerits that ends the paragraph (the first of equals). */
function bestEnd(active: readonly Node[], end: number): Node | undefined {
  let best: Node | undefined;
  for (const node of active) {
    if (node.position === end && (!best || node.demerits < best.demerits)) best = node;
  }
  return best;
}

/** TeX §875: of the paragraphs whose line count is nearest best + looseness, the best. */
function chosenEnd(active: readonly Node[], best: Node, looseness: number, end: number): Node {
  if (looseness === 0) return best;
  const target = best.line + looseness;
  let chosen = best;
  for (const node of active) {
    if (node.position !== end) continue;
    const nearer = Math.abs(node.line - target) < Math.abs(chosen.line - target);
    if (nearer || (node.line === chosen.line && node.demerits < chosen.demerits)) chosen = node;
  }
  return chosen;
}

/** The lines of the breaks that lead to `last`. */
function linesTo(items: readonly BreakItem[], totals: Totals, widths: LineWidths, last: Node): Line[] {
  const breaks: Node[] = [];
  for (let n: Node | null = last; n && n.position >= 0; n = n.previous) breaks.unshift(n);
  return breaks.map((node) => makeLine(items, totals, node.previous!.start, node.position, widthAt(widths, node.line - 1)));
}
