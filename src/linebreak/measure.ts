import type { BreakItem, Line, LineWidths } from './types.js';
import { INFINITY_PENALTY, LAST_RESORT_PENALTY, type Fallback } from './types.js';

/** Running totals of width, stretch and shrink, so a line's sums are two subtractions. */
export interface Totals {
  readonly width: Float64Array;
  readonly stretch: Float64Array;
  readonly shrink: Float64Array;
}

/**
 * totals.x[i] = sum of x over items[0, i) counting glue only (boxes add width); emergency
 * stretch only when the pass falls back on letter spacing. (The total-fit breaker sums the same
 * in its module, assembly/total-fit.ts, and marks the breakpoints isBreakpoint names; the two
 * are held to each other by tests/linebreak/wasm-breaker.test.ts.)
 */
export function runningTotals(items: readonly BreakItem[], fallback: Fallback = 'anywhere'): Totals {
  const n = items.length;
  // The three columns in one buffer: one allocation, not three.
  const buffer = new ArrayBuffer(3 * (n + 1) * Float64Array.BYTES_PER_ELEMENT);
  const width = new Float64Array(buffer, 0, n + 1);
  const stretch = new Float64Array(buffer, (n + 1) * Float64Array.BYTES_PER_ELEMENT, n + 1);
  const shrink = new Float64Array(buffer, 2 * (n + 1) * Float64Array.BYTES_PER_ELEMENT, n + 1);
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (item.kind === 'penalty') {
      // A penalty's width counts only when a line ends at it (adjustmentRatio).
      width[i + 1] = width[i];
      stretch[i + 1] = stretch[i];
      shrink[i + 1] = shrink[i];
    } else if (item.kind === 'glue') {
      width[i + 1] = width[i] + item.width;
      stretch[i + 1] = stretch[i] + (fallback !== 'none' || !item.emergency ? item.stretch : 0);
      shrink[i + 1] = shrink[i] + item.shrink;
    } else {
      width[i + 1] = width[i] + item.width;
      stretch[i + 1] = stretch[i];
      shrink[i + 1] = shrink[i];
    }
  }
  return { width, stretch, shrink };
}

/** A penalty below this is a breakpoint: below infinity, or below the last-resort penalty unless the pass breaks anywhere. */
function breakablePenaltyLimit(fallback: Fallback): number {
  return fallback === 'anywhere' ? INFINITY_PENALTY : LAST_RESORT_PENALTY;
}

/**
 * Is items[i] a legal breakpoint? A penalty below infinity, or glue right after a box (TeX §831).
 * A last-resort penalty only in a pass that falls back on breaking anywhere. (The total-fit
 * module marks the same items: tests/linebreak/wasm-breaker.test.ts holds the two to each other.)
 */
export function isBreakpoint(items: readonly BreakItem[], i: number, fallback: Fallback = 'anywhere'): boolean {
  const item = items[i];
  if (item.kind === 'penalty') return item.penalty < breakablePenaltyLimit(fallback);
  if (item.kind === 'glue') return i > 0 && items[i - 1].kind === 'box';
  return false;
}

/** First item of the line after a break at `i`: glue and penalties after a break are discarded (TeX §879). */
export function afterBreak(items: readonly BreakItem[], i: number): number {
  let j = i + 1;
  while (j < items.length && items[j].kind !== 'box') {
    const item = items[j];
    if (item.kind === 'penalty' && item.penalty <= -INFINITY_PENALTY) break;
    j++;
  }
  return j;
}

export function widthAt(widths: LineWidths, line: number): number {
  return typeof widths === 'number' ? widths : widths(line);
}

/** The adjustment ratio of items[start, end) set to `width`. */
export function adjustmentRatio(items: readonly BreakItem[], totals: Totals, start: number, end: number, width: number): { ratio: number; natural: number } {
  const breakItem = items[end];
  const natural = totals.width[end] - totals.width[start] + (breakItem && breakItem.kind === 'penalty' ? breakItem.width : 0);
  if (natural < width) {
    const stretch = totals.stretch[end] - totals.stretch[start];
    return { ratio: stretch > 0 ? (width - natural) / stretch : Number.POSITIVE_INFINITY, natural };
  }
  if (natural > width) {
    const shrink = totals.shrink[end] - totals.shrink[start];
    return { ratio: shrink > 0 ? (width - natural) / shrink : Number.NEGATIVE_INFINITY, natural };
  }
  return { ratio: 0, natural };
}

/** Build the Line record for a break, clamping ratios the renderer cannot use. */
export function makeLine(items: readonly BreakItem[], totals: Totals, start: number, end: number, width: number): Line {
  const { ratio, natural } = adjustmentRatio(items, totals, start, end, width);
  const overfull = ratio < -1;
  const usable = overfull ? -1 : Number.isFinite(ratio) ? ratio : 0;
  return { start, end, ratio: usable, naturalWidth: natural, width, overfull };
}
