import { adjustmentRatio, afterBreak, isBreakpoint, makeLine, runningTotals, widthAt } from './measure.js';
import { INFINITY_PENALTY, LAST_RESORT_PENALTY, type BreakItem, type Line, type LineWidths } from './types.js';

/**
 * First-fit: take each line as long as it can be, shrinking glue if needed before giving up
 * (clreq's push-in before push-out). Fast; used for headlines and as the fallback. A line ends
 * at a last-resort break only when it has no other that fits (CSS `overflow-wrap: anywhere`).
 */
export function firstFit(items: readonly BreakItem[], widths: LineWidths): Line[] {
  const totals = runningTotals(items);
  const lines: Line[] = [];
  let start = 0;
  let candidate = -1;
  let lastResort = -1;
  const endLine = (end: number, width: number): void => {
    lines.push(makeLine(items, totals, start, end, width));
    start = afterBreak(items, end);
    candidate = -1;
    lastResort = -1;
  };
  for (let i = 0; i < items.length; i++) {
    if (!isBreakpoint(items, i)) continue;
    const width = widthAt(widths, lines.length);
    const { ratio } = adjustmentRatio(items, totals, start, i, width);
    const item = items[i];
    const forced = item.kind === 'penalty' && item.penalty <= -INFINITY_PENALTY;
    const fitted = candidate >= 0 ? candidate : lastResort;
    if (ratio < -1 && fitted >= 0) {
      // This break is too far: end the line at the last one that fitted, then look again here.
      endLine(fitted, width);
      i = start - 1;
      continue;
    }
    if (forced) {
      // A forced break right after an overfull line ends nothing: no empty line.
      if (start < i || lines.length === 0) lines.push(makeLine(items, totals, start, i, width));
      start = afterBreak(items, i);
      candidate = -1;
      lastResort = -1;
      continue;
    }
    if (ratio >= -1) {
      if (item.kind === 'penalty' && item.penalty >= LAST_RESORT_PENALTY) lastResort = i;
      else candidate = i;
    } else {
      // Nothing fits: an overfull line (reported by makeLine, never cut).
      endLine(i, width);
    }
  }
  return lines;
}
