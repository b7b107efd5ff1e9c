import { widthAt } from './measure.js';
import type { BreakItem, BreakOptions, Fallback, Line, LineWidths } from './types.js';
import { wasmBreaker, type Layout, type WasmBreaker } from './wasm.js';

/**
 * Total-fit line breaking (Knuth & Plass 1981; tex.web part 38): for every feasible breakpoint,
 * the best way to reach it; the paragraph's breaks minimise the sum over lines of
 * (linePenalty + badness)² + penalty², badness = 100·|ratio|³ (a shrunk line's ratio weighs a
 * 27th: clreq's push-in before push-out). A ragged line's badness is how short it is against
 * half the measure. Each last-resort break adds 10¹² demerits, more than any paragraph without
 * one, so the breaker takes as few as it can. Two lines whose fitness classes (TeX §817) differ
 * by more than one add `fitnessDemerits`.
 *
 * The breaking itself is WebAssembly (assembly/total-fit.ts): a build breaks every paragraph
 * several times (measured, set, loosened), most of them before V8 has optimised any JavaScript,
 * and the breaker's loop over active nodes is where a cold build of many pages spent the most
 * time of any one function; as wasm it runs compiled from its first paragraph and its nodes
 * are columns in the module's memory, not objects for the collector. This file writes a
 * paragraph's items into the module's memory and reads its lines back.
 *
 * `fallback` says whether emergency stretch counts and last-resort breaks are breakpoints. A
 * justified line that has nothing to stretch and is short of its measure is never feasible: it
 * could not be set flush (a line of a URL's pieces waits for the pass that may letter-space it,
 * where their emergency stretch counts).
 */
export function totalFit(items: readonly BreakItem[], widths: LineWidths, options: BreakOptions, tolerance: number, fallback: Fallback = 'anywhere'): Line[] | null {
  return totalFitLoose(items, widths, options, tolerance, fallback, [options.looseness ?? 0])?.[0] ?? null;
}

// Item kinds and fallbacks as assembly/total-fit.ts reads them.
const KIND_BOX = 0;
const KIND_GLUE = 1;
const KIND_PENALTY = 2;
const FALLBACK_CODE: Readonly<Record<Fallback, number>> = { none: 0, 'letter-spacing': 1, anywhere: 2 };
/** What breakParagraph returns besides 0 (lines written). */
const NO_FEASIBLE_BREAKS = -1;
const OUT_OF_NODES = -2;
/** Numbers per line in the output: start, end, ratio, natural width, width, overfull. */
const LINE_FIELDS = 6;
/**
 * Nodes a paragraph is first given room for, per item; a paragraph that needs more is broken
 * again with twice the room. A pass for the best paragraph keeps at most a node per fitness
 * class at a breakpoint, a looser one a node per line count too: the 1,760 calls that set the
 * bench's 20 pages all fit in the first room (a ragged paragraph of many short words, looser,
 * may not: tests/linebreak/wasm-breaker.test.ts).
 */
const NODES_PER_ITEM = 4;
const MIN_NODES = 64;

/**
 * totalFit for several loosenesses at once: one pass keeps the best way to each breakpoint per
 * line count (TeX §875), whatever the looseness asked, so a paragraph a line longer and a line
 * shorter come from the same pass as two separate passes would give them. `loosenesses` is
 * [0] alone (best per fitness class only), or loosenesses other than 0. Null when no set of
 * breaks keeps every line within the tolerance.
 */
export function totalFitLoose(items: readonly BreakItem[], widths: LineWidths, options: BreakOptions, tolerance: number, fallback: Fallback, loosenesses: readonly number[]): Line[][] | null {
  const byLineCount = loosenesses.some((l) => l !== 0);
  if (byLineCount && loosenesses.includes(0)) throw new Error('looseness 0 is broken apart from other loosenesses (its pass keeps fewer nodes)');
  const n = items.length;
  const breaker = wasmBreaker();
  // One measure for every line, or one per line: a paragraph of n items has at most n lines.
  const uniform = typeof widths === 'number';
  const widthCount = uniform ? 1 : n + 1;
  for (let capacity = Math.max(MIN_NODES, NODES_PER_ITEM * n); ; capacity *= 2) {
    const layout = breaker.prepare(n, widthCount, loosenesses.length, capacity);
    writeParagraph(breaker, layout, items, widths, widthCount, loosenesses);
    const outcome = breaker.breakParagraph(n, uniform, tolerance, options.ragged === true, options.linePenalty, options.fitnessDemerits, byLineCount, FALLBACK_CODE[fallback], loosenesses.length);
    if (outcome === OUT_OF_NODES) continue;
    if (outcome === NO_FEASIBLE_BREAKS) return null;
    return readLines(breaker, layout, loosenesses.length);
  }
}

/** The items' widths, stretch, shrink, penalties and kinds, the line widths and the loosenesses, into the module's memory. */
function writeParagraph(breaker: WasmBreaker, layout: Layout, items: readonly BreakItem[], widths: LineWidths, widthCount: number, loosenesses: readonly number[]): void {
  const { f64, u8, i32 } = breaker;
  const width = layout.width >> 3;
  const stretch = layout.stretch >> 3;
  const shrink = layout.shrink >> 3;
  const penalty = layout.penalty >> 3;
  const { kind, emergency } = layout;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    f64[width + i] = item.width;
    // Branches, not a lookup by the kind's name: this loop runs over every item of every
    // paragraph broken, mostly before V8 optimises it.
    if (item.kind === 'glue') {
      u8[kind + i] = KIND_GLUE;
      f64[stretch + i] = item.stretch;
      f64[shrink + i] = item.shrink;
      u8[emergency + i] = item.emergency === true ? 1 : 0;
    } else if (item.kind === 'penalty') {
      u8[kind + i] = KIND_PENALTY;
      f64[penalty + i] = item.penalty;
    } else u8[kind + i] = KIND_BOX;
  }
  const lineWidths = layout.lineWidths >> 3;
  for (let line = 0; line < widthCount; line++) f64[lineWidths + line] = widthAt(widths, line);
  const looseness = layout.loosenesses >> 2;
  for (let k = 0; k < loosenesses.length; k++) i32[looseness + k] = loosenesses[k];
}

/** Each looseness's lines as the module wrote them: a count, then six numbers a line. */
function readLines(breaker: WasmBreaker, layout: Layout, loosenessCount: number): Line[][] {
  const { f64 } = breaker;
  const result: Line[][] = [];
  let at = layout.output >> 3;
  for (let k = 0; k < loosenessCount; k++) {
    const count = f64[at++];
    const lines: Line[] = [];
    for (let j = 0; j < count; j++, at += LINE_FIELDS) {
      // start and end are item indices: integers, kept as such (f64 → int32).
      lines.push({ start: f64[at] | 0, end: f64[at + 1] | 0, ratio: f64[at + 2], naturalWidth: f64[at + 3], width: f64[at + 4], overfull: f64[at + 5] === 1 });
    }
    result.push(lines);
  }
  return result;
}
