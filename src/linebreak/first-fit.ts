import { adjustmentRatio, afterBreak, isBreakpoint, makeLine, runningTotals, widthAt } from './measure.js';
import { INFINITY_PENALTY, type BreakItem, type Line, type LineWidths } from './types.js';

/**
 * First-fit: take each line as long as it can be, shrinking glue if needed before giving up
 * (clreq's push-in before push-out). Fast; used for headlines and as the fallback.
 */
export function firstFit(items: readonly BreakItem[], widths: LineWidths): Line[] {
  const totals = runningTotals(items);
  const lines: Line[] = [];
  let start = 0;
  let candidate = -1;
  for (let i = 0; i < items.length; i++) {
    if (!isBreakpoint(items, i)) continue;
    const width = widthAt(widths, lines.length);
    const { ratio } = adjustmentRatio(items, totals, start, i, width);
    const item = items[i];
    const forced = item.kind === 'penalty' && item.penalty <= -INFINITY_PENALTY;
    if (ratio < -1 && candidate >= 0) {
      // This break is too far: end the line at the last one that fitted, then look again here.
      lines.push(makeLine(items, totals, start, candidate, width));
      start = afterBreak(items, candidate);
      candidate = -1;
      i = start - 1;
      continue;
    }
    if (forced) {
      // A forced break right after an overfull line ends nothing: no empty line.
      if (start < i || lines.length === 0) lines.push(makeLine(items, totals, start, i, width));
      start = afterBreak(items, i);
      candidate = -1;
      continue;
    }
    if (ratio >= -1) candidate = i;
    else {
      // Nothing fits: an overfull line (reported by makeLine, never cut).
      lines.push(makeLine(items, totals, start, i, width));
      start = afterBreak(items, i);
      candidate = -1;
    }
  }
  return lines;
}
