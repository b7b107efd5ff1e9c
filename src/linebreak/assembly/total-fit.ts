/**
 * Total-fit line breaking (Knuth & Plass 1981; tex.web part 38) in AssemblyScript, compiled to
 * WebAssembly by `npm run compile` (scripts/wasm.mjs). knuth-plass.ts fills this module's memory
 * with a paragraph's items and reads back its lines: see there for the algorithm as TeX states
 * it, what each pass is and why the breaker is not JavaScript.
 *
 * Every quantity is an f64 made by the same operations in the same order as in the TypeScript
 * breaker this module replaced (kept as tests/linebreak/reference-total-fit.ts, which the tests
 * hold it to, line for line and bit for bit): IEEE arithmetic, so the same on every machine.
 *
 * Memory: `prepare` (layout.ts) lays out one paragraph's inputs, the breaker's scratch and the
 * output, growing the memory when a paragraph needs more; nothing is read that the same call did
 * not write, so no call depends on an earlier one.
 */
import {
  active, BOX, candidateDemerits, candidateFitness, candidateKey, candidatePrevious, f64At, FITNESS_CLASSES, GLUE, i32At, itemEmergency, itemKind,
  itemPenalty, itemShrink, itemStretch, itemWidth, keyCount, LINE_FIELDS, lineWidth, looseness, nodeCapacity, nodeDemerits, nodeFitness, nodeLine,
  nodePosition, nodePrevious, nodeStart, output, PENALTY, setF64, setI32, slotOfKey, totalShrink, totalStretch, totalWidth, breakpoint, u8At,
} from './layout';

export { prepare } from './layout';

// Fallbacks (types.ts Fallback), as knuth-plass.ts writes them.
const FALLBACK_NONE: i32 = 0;
const FALLBACK_ANYWHERE: i32 = 2;

/** Penalties at or above this forbid a break; at or below its negative force one (TeX §10). */
const INFINITY_PENALTY: f64 = 10000;
/** Penalties from here up to INFINITY_PENALTY are last-resort breaks (types.ts). */
const LAST_RESORT_PENALTY: f64 = 9000;
/** Shrinking a line to ratio −r costs what stretching it to r/3 would: push-in before push-out. */
const SHRINK_BADNESS_WEIGHT: f64 = 1.0 / 27.0;
/** TeX §108: badness is capped at 10000, "infinitely bad". */
const INFINITE_BADNESS: f64 = 10000;
/** Added for each last-resort break: more than any paragraph's demerits without one. */
const LAST_RESORT_DEMERITS: f64 = 1e12;

/** What `breakParagraph` returns besides 0 (lines written). */
const NO_FEASIBLE_BREAKS: i32 = -1;
const OUT_OF_NODES: i32 = -2;

/** TeX §817's fitness class of a line's adjustment ratio. */
// @ts-ignore: decorator (AssemblyScript)
@inline function fitnessClass(ratio: f64): i32 {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

/**
 * Running totals of width, stretch and shrink over items[0, i), and which items are breakpoints
 * in the pass (measure.ts runningTotals, whose rules these are). Returns whether no item takes
 * width or stretch away.
 */
function runningTotals(n: i32, fallback: i32): bool {
  const penaltyLimit = fallback == FALLBACK_ANYWHERE ? INFINITY_PENALTY : LAST_RESORT_PENALTY;
  let afterBox = false;
  let nonDecreasing = true;
  setF64(totalWidth, 0, 0);
  setF64(totalStretch, 0, 0);
  setF64(totalShrink, 0, 0);
  for (let i = 0; i < n; i++) {
    const kind = u8At(itemKind, i);
    const width = f64At(totalWidth, i);
    const stretch = f64At(totalStretch, i);
    const shrink = f64At(totalShrink, i);
    let mark: u8 = 0;
    if (kind == PENALTY) {
      setF64(totalWidth, i + 1, width);
      setF64(totalStretch, i + 1, stretch);
      setF64(totalShrink, i + 1, shrink);
      if (f64At(itemPenalty, i) < penaltyLimit) mark = 1;
      afterBox = false;
    } else if (kind == GLUE) {
      const nextWidth = width + f64At(itemWidth, i);
      const nextStretch = stretch + (fallback != FALLBACK_NONE || u8At(itemEmergency, i) == 0 ? f64At(itemStretch, i) : 0);
      setF64(totalWidth, i + 1, nextWidth);
      setF64(totalStretch, i + 1, nextStretch);
      setF64(totalShrink, i + 1, shrink + f64At(itemShrink, i));
      if (afterBox) mark = 1;
      afterBox = false;
      if (!(nextWidth >= width && nextStretch >= stretch)) nonDecreasing = false;
    } else {
      const nextWidth = width + f64At(itemWidth, i);
      setF64(totalWidth, i + 1, nextWidth);
      setF64(totalStretch, i + 1, stretch);
      setF64(totalShrink, i + 1, shrink);
      afterBox = true;
      if (!(nextWidth >= width)) nonDecreasing = false;
    }
    store<u8>(breakpoint + <usize>i, mark);
  }
  return nonDecreasing;
}

/** First item of the line after a break at `i`: glue and penalties after a break are discarded (TeX §879). */
function afterBreak(n: i32, i: i32): i32 {
  let j = i + 1;
  while (j < n && u8At(itemKind, j) != BOX) {
    if (u8At(itemKind, j) == PENALTY && f64At(itemPenalty, j) <= -INFINITY_PENALTY) break;
    j++;
  }
  return j;
}

// @ts-ignore: decorator (AssemblyScript)
@inline function widthOfLine(uniform: bool, line: i32): f64 {
  return uniform ? f64At(lineWidth, 0) : f64At(lineWidth, line);
}

/**
 * Break the prepared paragraph (knuth-plass.ts totalFitLoose states what each argument means):
 * 0 when every looseness's lines are in the output, NO_FEASIBLE_BREAKS when no set of breaks
 * keeps every line within the tolerance, OUT_OF_NODES when the paragraph needs room for more
 * nodes than it was prepared with.
 */
export function breakParagraph(n: i32, uniform: bool, tolerance: f64, ragged: bool, linePenalty: f64, fitnessDemerits: f64, byLineCount: bool, fallback: i32, loosenessCount: i32): i32 {
  // Active nodes stand in the order of their breaks. With one measure for every line and no
  // item taking width or stretch away, a line from a later node is no longer and stretches no
  // further: once one is too short to reach the tolerance, so is every line after it, and
  // those nodes stay active unlooked-at (a line of 15 Han characters may end at any of 15
  // breakpoints: most of the active list is lines too short).
  const tooShortOnward = runningTotals(n, fallback) && uniform;
  // The best way to reach a breakpoint per fitness class (TeX §833), and per line count too
  // when a looseness asks for a paragraph longer or shorter than its best (TeX §875), kept in
  // candidate slots in the order first found, which is the order they join the active list (ties
  // go to the earlier node); slotOfKey finds a key's slot (−1: none yet) and is cleared key by
  // key as the slots become nodes.
  memory.fill(slotOfKey, 0xff, <usize>keyCount << 2);
  // The active list is active[head, tail): nodes retire from its front (the longest lines go
  // too long first), new ones join at its end, and most of it (lines too short yet) is left
  // where it is. A node that retires from the middle closes its gap by moving the ones after it
  // down, in place. Node 0 is the paragraph's start.
  setI32(nodePosition, 0, -1);
  setI32(nodeStart, 0, 0);
  setI32(nodeLine, 0, 0);
  setI32(nodeFitness, 0, 1);
  setF64(nodeDemerits, 0, 0);
  setI32(nodePrevious, 0, -1);
  let nodes = 1;
  setI32(active, 0, 0);
  let head = 0;
  let tail = 1;
  const measure = f64At(lineWidth, 0);

  for (let i = 0; i < n; i++) {
    if (u8At(breakpoint, i) == 0) continue;
    const isPenalty = u8At(itemKind, i) == PENALTY;
    const penaltyValue = isPenalty ? f64At(itemPenalty, i) : 0;
    const penaltyWidth = isPenalty ? f64At(itemWidth, i) : 0;
    const forced = penaltyValue <= -INFINITY_PENALTY;
    let candidates = 0;
    // Where the next node that stays is written once one has retired from the middle (else -1).
    let write = -1;
    // Active nodes at one breakpoint (one per fitness class, or per line count too) sit side by
    // side and measure the same line: its ratio and demerits are worked out once for them.
    let lineStart = -1;
    let lineIndex = -1;
    let ratio: f64 = 0;
    let feasible = false;
    let fitness = 0;
    let lineDemerits: f64 = 0;
    // The running totals here, read once for all the nodes whose lines end here.
    const widthHere = f64At(totalWidth, i);
    const stretchHere = f64At(totalStretch, i);
    const shrinkHere = f64At(totalShrink, i);
    for (let a = head; a < tail; a++) {
      const node = i32At(active, a);
      const start = i32At(nodeStart, node);
      const line = i32At(nodeLine, node);
      if (start != lineStart || line != lineIndex) {
        lineStart = start;
        lineIndex = line;
        const width = uniform ? measure : f64At(lineWidth, line);
        ratio = 0;
        let natural: f64 = 0;
        if (start <= i) {
          natural = widthHere - f64At(totalWidth, start) + penaltyWidth;
          if (natural < width) {
            const stretch = stretchHere - f64At(totalStretch, start);
            ratio = stretch > 0 ? (width - natural) / stretch : Infinity;
          } else if (natural > width) {
            const shrink = shrinkHere - f64At(totalShrink, start);
            ratio = shrink > 0 ? (width - natural) / shrink : -Infinity;
          }
        }
        // A justified line with nothing to stretch that is short of its measure can never be set
        // flush, in any pass: the letter-spacing pass gives a token's pieces stretch instead.
        const unjustifiable = ratio == Infinity && !ragged;
        feasible = ratio >= -1 && ratio <= tolerance && !unjustifiable;
        if (feasible) {
          // clreq #reduction_and_expansion_of_inter-character_spacing: reduce first, then expand.
          // Compressing punctuation costs a fraction of opening the same ratio of gaps.
          const weight: f64 = ratio < 0 ? SHRINK_BADNESS_WEIGHT : 1;
          // A ragged line (centred or flush) is not stretched: its badness is how short it is,
          // against half the measure, so lines come out full and even but a penalty (a phrase
          // break) outweighs any shortfall.
          const shortfall: f64 = ratio > 0 ? (width - natural) / (width / 2) : 0;
          const r: f64 = ragged && ratio > 0 ? shortfall : Math.abs(ratio);
          const cube = r * r * r;
          const badness = Math.min(INFINITE_BADNESS, 100 * (ragged && ratio > 0 ? cube : weight * cube));
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
        if (a == head) head++;
        else if (write < 0) write = a;
      } else {
        if (write >= 0) setI32(active, write++, node);
        if (tooShortOnward && ratio > tolerance) {
          // This line and every later one are too short: they all stay, in order, where they
          // are unless a gap before them is to close.
          if (write >= 0) {
            for (let b = a + 1; b < tail; b++) setI32(active, write++, i32At(active, b));
            tail = write;
            write = -1;
          }
          break;
        }
      }
      if (feasible) {
        let demerits = lineDemerits;
        if (abs<i32>(fitness - i32At(nodeFitness, node)) > 1) demerits += fitnessDemerits;
        const key = byLineCount ? (line + 1) * FITNESS_CLASSES + fitness : fitness;
        const total = f64At(nodeDemerits, node) + demerits;
        let slot = i32At(slotOfKey, key);
        if (slot < 0 || total < f64At(candidateDemerits, slot)) {
          if (slot < 0) {
            slot = candidates++;
            setI32(slotOfKey, key, slot);
            setI32(candidateKey, slot, key);
          }
          setF64(candidateDemerits, slot, total);
          setI32(candidatePrevious, slot, node);
          setI32(candidateFitness, slot, fitness);
        }
      }
    }
    // Every node looked at has been kept or has retired: the list ends where the last one kept went.
    if (write >= 0) tail = write;
    // The new ones join after the ones that stay.
    if (candidates > 0) {
      if (nodes + candidates > nodeCapacity || tail + candidates > nodeCapacity) return OUT_OF_NODES;
      const after = afterBreak(n, i);
      for (let k = 0; k < candidates; k++) {
        const previous = i32At(candidatePrevious, k);
        setI32(nodePosition, nodes, i);
        setI32(nodeStart, nodes, after);
        setI32(nodeLine, nodes, i32At(nodeLine, previous) + 1);
        setI32(nodeFitness, nodes, i32At(candidateFitness, k));
        setF64(nodeDemerits, nodes, f64At(candidateDemerits, k));
        setI32(nodePrevious, nodes, previous);
        setI32(active, tail++, nodes);
        nodes++;
        setI32(slotOfKey, i32At(candidateKey, k), -1);
      }
    }
    if (tail == head) return NO_FEASIBLE_BREAKS;
  }

  const end = n - 1;
  // The node with the fewest demerits that ends the paragraph (the first of equals).
  let best = -1;
  for (let a = head; a < tail; a++) {
    const node = i32At(active, a);
    if (i32At(nodePosition, node) == end && (best < 0 || f64At(nodeDemerits, node) < f64At(nodeDemerits, best))) best = node;
  }
  if (best < 0) return NO_FEASIBLE_BREAKS;
  let at = output;
  for (let k = 0; k < loosenessCount; k++) {
    const chosen = chosenEnd(head, tail, best, i32At(looseness, k), end);
    at = writeLines(at, chosen, uniform);
  }
  return 0;
}

/** TeX §875: of the paragraphs whose line count is nearest best + looseness, the best. */
function chosenEnd(head: i32, tail: i32, best: i32, wanted: i32, end: i32): i32 {
  if (wanted == 0) return best;
  const target = i32At(nodeLine, best) + wanted;
  let chosen = best;
  for (let a = head; a < tail; a++) {
    const node = i32At(active, a);
    if (i32At(nodePosition, node) != end) continue;
    const line = i32At(nodeLine, node);
    const chosenLine = i32At(nodeLine, chosen);
    const nearer = abs<i32>(line - target) < abs<i32>(chosenLine - target);
    if (nearer || (line == chosenLine && f64At(nodeDemerits, node) < f64At(nodeDemerits, chosen))) chosen = node;
  }
  return chosen;
}

/**
 * The lines of the breaks that lead to `last`, at `at`: their count, then each line's start,
 * end, ratio, natural width, width and overfull flag (measure.ts makeLine, whose rules these are).
 * Returns where the next looseness's lines go.
 */
function writeLines(at: usize, last: i32, uniform: bool): usize {
  let count = 0;
  for (let node = last; i32At(nodePosition, node) >= 0; node = i32At(nodePrevious, node)) count++;
  store<f64>(at, <f64>count);
  let index = count - 1;
  for (let node = last; i32At(nodePosition, node) >= 0; node = i32At(nodePrevious, node)) {
    const start = i32At(nodeStart, i32At(nodePrevious, node));
    const end = i32At(nodePosition, node);
    const width = widthOfLine(uniform, i32At(nodeLine, node) - 1);
    const natural = f64At(totalWidth, end) - f64At(totalWidth, start) + (u8At(itemKind, end) == PENALTY ? f64At(itemWidth, end) : 0);
    let ratio: f64 = 0;
    if (natural < width) {
      const stretch = f64At(totalStretch, end) - f64At(totalStretch, start);
      ratio = stretch > 0 ? (width - natural) / stretch : Infinity;
    } else if (natural > width) {
      const shrink = f64At(totalShrink, end) - f64At(totalShrink, start);
      ratio = shrink > 0 ? (width - natural) / shrink : -Infinity;
    }
    const overfull = ratio < -1;
    const usable: f64 = overfull ? -1 : isFinite(ratio) ? ratio : 0;
    const line = at + 8 + ((<usize>index * <usize>LINE_FIELDS) << 3);
    store<f64>(line, <f64>start);
    store<f64>(line + 8, <f64>end);
    store<f64>(line + 16, usable);
    store<f64>(line + 24, natural);
    store<f64>(line + 32, width);
    store<f64>(line + 40, overfull ? 1 : 0);
    index--;
  }
  return at + 8 + ((<usize>count * <usize>LINE_FIELDS) << 3);
}
