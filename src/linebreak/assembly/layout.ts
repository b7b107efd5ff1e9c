/**
 * The memory of the breaker's module (total-fit.ts): where `prepare` puts one paragraph's
 * inputs, the breaker's scratch and its output, after the module's static data, and the loads
 * and stores that read and write them. One paragraph at a time; the memory grows to the largest.
 */

/** Item kinds, as knuth-plass.ts writes them. */
export const BOX: u8 = 0;
export const GLUE: u8 = 1;
export const PENALTY: u8 = 2;

/** Fitness classes of TeX §817: 0 tight, 1 decent, 2 loose, 3 very loose. */
export const FITNESS_CLASSES: i32 = 4;

/** Output numbers per line: start, end, ratio, natural width, width, overfull. */
export const LINE_FIELDS: i32 = 6;
/** Offsets `prepare` hands back, in this order. */
const HEADER_FIELDS: i32 = 9;
const PAGE_BYTES: usize = 65536;

// The layout of the current paragraph (set by prepare).
export let itemWidth: usize = 0;
export let itemStretch: usize = 0;
export let itemShrink: usize = 0;
export let itemPenalty: usize = 0;
export let itemKind: usize = 0;
export let itemEmergency: usize = 0;
export let lineWidth: usize = 0;
export let looseness: usize = 0;
export let output: usize = 0;
export let totalWidth: usize = 0;
export let totalStretch: usize = 0;
export let totalShrink: usize = 0;
export let breakpoint: usize = 0;
export let nodePosition: usize = 0;
export let nodeStart: usize = 0;
export let nodeLine: usize = 0;
export let nodeFitness: usize = 0;
export let nodeDemerits: usize = 0;
export let nodePrevious: usize = 0;
export let active: usize = 0;
export let candidateDemerits: usize = 0;
export let candidatePrevious: usize = 0;
export let candidateFitness: usize = 0;
export let candidateKey: usize = 0;
export let slotOfKey: usize = 0;
export let nodeCapacity: i32 = 0;
export let keyCount: i32 = 0;

// @ts-ignore: decorator (AssemblyScript)
@inline export function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + ((<usize>i) << 3));
}
// @ts-ignore: decorator (AssemblyScript)
@inline export function setF64(base: usize, i: i32, value: f64): void {
  store<f64>(base + ((<usize>i) << 3), value);
}
// @ts-ignore: decorator (AssemblyScript)
@inline export function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + ((<usize>i) << 2));
}
// @ts-ignore: decorator (AssemblyScript)
@inline export function setI32(base: usize, i: i32, value: i32): void {
  store<i32>(base + ((<usize>i) << 2), value);
}
// @ts-ignore: decorator (AssemblyScript)
@inline export function u8At(base: usize, i: i32): u8 {
  return load<u8>(base + <usize>i);
}

/** Bytes for `count` values of `size` bytes, rounded up to 8 so every column is aligned. */
// @ts-ignore: decorator (AssemblyScript)
@inline function bytes(count: i32, size: i32): usize {
  return ((<usize>count * <usize>size) + 7) & ~(<usize>7);
}

/**
 * Lay out a paragraph of `n` items with `widthCount` line widths (1: one measure for every line),
 * `loosenessCount` loosenesses and room for `capacity` nodes; grow the memory if it must. Returns
 * where the header of offsets is: items' width, stretch, shrink, penalty (f64 each), kind and
 * emergency flag (u8 each), the line widths (f64), the loosenesses (i32) and the output (f64).
 */
export function prepare(n: i32, widthCount: i32, loosenessCount: i32, capacity: i32): usize {
  const header = (__heap_base + 7) & ~(<usize>7);
  let at = header + bytes(HEADER_FIELDS, 4);
  itemWidth = at; at += bytes(n, 8);
  itemStretch = at; at += bytes(n, 8);
  itemShrink = at; at += bytes(n, 8);
  itemPenalty = at; at += bytes(n, 8);
  itemKind = at; at += bytes(n, 1);
  itemEmergency = at; at += bytes(n, 1);
  lineWidth = at; at += bytes(widthCount, 8);
  looseness = at; at += bytes(loosenessCount, 4);
  output = at; at += bytes(loosenessCount * (1 + LINE_FIELDS * (n + 1)), 8);
  totalWidth = at; at += bytes(n + 1, 8);
  totalStretch = at; at += bytes(n + 1, 8);
  totalShrink = at; at += bytes(n + 1, 8);
  breakpoint = at; at += bytes(n, 1);
  nodePosition = at; at += bytes(capacity, 4);
  nodeStart = at; at += bytes(capacity, 4);
  nodeLine = at; at += bytes(capacity, 4);
  nodeFitness = at; at += bytes(capacity, 4);
  nodePrevious = at; at += bytes(capacity, 4);
  nodeDemerits = at; at += bytes(capacity, 8);
  active = at; at += bytes(capacity, 4);
  candidateDemerits = at; at += bytes(capacity, 8);
  candidatePrevious = at; at += bytes(capacity, 4);
  candidateFitness = at; at += bytes(capacity, 4);
  candidateKey = at; at += bytes(capacity, 4);
  // A key is (lines before the break + 1) · 4 + fitness; a paragraph has at most n lines.
  keyCount = (n + 2) * FITNESS_CLASSES;
  slotOfKey = at; at += bytes(keyCount, 4);
  nodeCapacity = capacity;
  const have = (<usize>memory.size()) * PAGE_BYTES;
  if (at > have) {
    if (memory.grow(<i32>((at - have + PAGE_BYTES - 1) / PAGE_BYTES)) < 0) unreachable();
  }
  store<i32>(header, <i32>itemWidth);
  store<i32>(header + 4, <i32>itemStretch);
  store<i32>(header + 8, <i32>itemShrink);
  store<i32>(header + 12, <i32>itemPenalty);
  store<i32>(header + 16, <i32>itemKind);
  store<i32>(header + 20, <i32>itemEmergency);
  store<i32>(header + 24, <i32>lineWidth);
  store<i32>(header + 28, <i32>looseness);
  store<i32>(header + 32, <i32>output);
  return header;
}
