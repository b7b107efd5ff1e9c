/** Line breaking stage: Items + line widths → Lines (total-fit, with first-fit as fallback and option). */
import { firstFit } from './first-fit.js';
import { totalFit } from './knuth-plass.js';
import { DEFAULT_BREAK_OPTIONS, type BreakItem, type BreakOptions, type Line, type LineWidths } from './types.js';

export type { BreakItem, BreakMode, BreakOptions, Fallback, Line, LineWidths } from './types.js';
export { DEFAULT_BREAK_OPTIONS, INFINITY_PENALTY, LAST_RESORT_PENALTY } from './types.js';

/**
 * Break a paragraph into lines. Total-fit first within the tolerance, then with any stretch
 * allowed (a loose line beats an overfull one), then with a token's pieces letter-spaced where
 * a line has nothing else to open, then with last-resort breaks too (a token broken between
 * letters beats an overfull line); first-fit if even that finds nothing. The item list must end
 * with a forced break (penalty −10000).
 */
export function breakLines(items: readonly BreakItem[], widths: LineWidths, options: BreakOptions = DEFAULT_BREAK_OPTIONS): Line[] {
  if (items.length === 0) return [];
  if (options.mode === 'first-fit') return firstFit(items, widths);
  return (
    totalFit(items, widths, options, options.tolerance, 'none') ??
    totalFit(items, widths, options, Number.POSITIVE_INFINITY, 'none') ??
    totalFit(items, widths, options, Number.POSITIVE_INFINITY, 'letter-spacing') ??
    totalFit(items, widths, options, Number.POSITIVE_INFINITY, 'anywhere') ??
    firstFit(items, widths)
  );
}
