/** Line breaking stage: Items + line widths → Lines (total-fit, with first-fit as fallback and option). */
import { firstFit } from './first-fit.js';
import { totalFitLoose } from './knuth-plass.js';
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
  return breakLinesLoose(items, widths, options, [options.looseness ?? 0])[0];
}

/**
 * breakLines for several loosenesses at once (TeX's \looseness, each in place of
 * `options.looseness`): a paragraph a line longer and a line shorter than its best come from
 * one pass of total-fit, the same lines two calls of breakLines give. `loosenesses` is [0]
 * alone or loosenesses other than 0 (knuth-plass.ts totalFitLoose).
 */
export function breakLinesLoose(items: readonly BreakItem[], widths: LineWidths, options: BreakOptions, loosenesses: readonly number[]): Line[][] {
  if (items.length === 0) return loosenesses.map(() => []);
  if (options.mode === 'first-fit') return loosenesses.map(() => firstFit(items, widths));
  return (
    totalFitLoose(items, widths, options, options.tolerance, 'none', loosenesses) ??
    totalFitLoose(items, widths, options, Number.POSITIVE_INFINITY, 'none', loosenesses) ??
    totalFitLoose(items, widths, options, Number.POSITIVE_INFINITY, 'letter-spacing', loosenesses) ??
    totalFitLoose(items, widths, options, Number.POSITIVE_INFINITY, 'anywhere', loosenesses) ??
    loosenesses.map(() => firstFit(items, widths))
  );
}
