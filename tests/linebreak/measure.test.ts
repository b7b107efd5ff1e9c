/**
 * The breaker's arithmetic (src/linebreak/measure.ts), after TeX part 38: legal breakpoints
 * (§831), glue discarded after a break (§879), adjustment ratios and the Line record.
 */
import { describe, expect, it } from 'vitest';
import { adjustmentRatio, afterBreak, isBreakpoint, makeLine, runningTotals } from '../../src/linebreak/measure.js';
import { box, FINISH, glue, penalty } from './helpers.js';

describe('isBreakpoint (TeX §831)', () => {
  const items = [box(1), glue(0, 1, 0), glue(1, 0, 1), box(1), penalty(10_000), glue(0, 1, 0), box(1), penalty(50), penalty(-10_000)];

  it('glue is a breakpoint only right after a box', () => {
    expect(isBreakpoint(items, 1)).toBe(true);
    expect(isBreakpoint(items, 2)).toBe(false); // after glue
    expect(isBreakpoint(items, 5)).toBe(false); // after a penalty
  });

  it('a penalty is a breakpoint below 10000', () => {
    expect(isBreakpoint(items, 4)).toBe(false);
    expect(isBreakpoint(items, 7)).toBe(true);
    expect(isBreakpoint(items, 8)).toBe(true);
  });

  it('a box never is, nor glue at the very start', () => {
    expect(isBreakpoint(items, 0)).toBe(false);
    expect(isBreakpoint([glue(0, 1, 0), box(1)], 0)).toBe(false);
  });
});

describe('afterBreak (TeX §879: glue and penalties after a break are discarded)', () => {
  it('skips to the next box', () => {
    const items = [box(1), glue(0.5, 0, 0.5), glue(0, 1, 0), penalty(0), box(1)];
    expect(afterBreak(items, 1)).toBe(4);
  });

  it('stops at a forced break (so a hard break right after a break is not lost)', () => {
    const items = [box(1), glue(0, 1, 0), penalty(10_000), glue(0, 100_000, 0), penalty(-10_000), box(1)];
    expect(afterBreak(items, 1)).toBe(4);
  });

  it('returns the length at the end', () => {
    const items = [box(1), ...FINISH];
    expect(afterBreak(items, 3)).toBe(4);
  });
});

describe('adjustmentRatio', () => {
  // 一 g 二 ，blank g 三 : widths 1 + 0 + 1 + 0.5 + 0.5 + 0 + 1
  const items = [box(1), glue(0, 0.5, 0), box(1), box(0.5), glue(0.5, 0, 0.5), glue(0, 0.5, 0), box(1), ...FINISH];
  const totals = runningTotals(items);

  it('running totals count glue and box widths, stretch and shrink of glue', () => {
    expect(Array.from(totals.width)).toEqual([0, 1, 1, 2, 2.5, 3, 3, 4, 4, 4, 4]);
    expect(Array.from(totals.stretch)).toEqual([0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 100_001, 100_001]);
    expect(Array.from(totals.shrink)).toEqual([0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('exact fit: ratio 0', () => {
    expect(adjustmentRatio(items, totals, 0, 7, 4)).toEqual({ ratio: 0, natural: 4 });
  });

  it('short line: ratio = slack / stretch', () => {
    expect(adjustmentRatio(items, totals, 0, 7, 5)).toEqual({ ratio: 1, natural: 4 });
    expect(adjustmentRatio(items, totals, 0, 7, 4.25)).toEqual({ ratio: 0.25, natural: 4 });
  });

  it('long line: ratio = −excess / shrink, −1 at full shrink', () => {
    expect(adjustmentRatio(items, totals, 0, 7, 3.5)).toEqual({ ratio: -1, natural: 4 });
    expect(adjustmentRatio(items, totals, 0, 7, 3.75)).toEqual({ ratio: -0.5, natural: 4 });
  });

  it('no stretch: +∞; no shrink: −∞', () => {
    const solid = [box(3), penalty(0)];
    const t = runningTotals(solid);
    expect(adjustmentRatio(solid, t, 0, 1, 4).ratio).toBe(Number.POSITIVE_INFINITY);
    expect(adjustmentRatio(solid, t, 0, 1, 2).ratio).toBe(Number.NEGATIVE_INFINITY);
  });

  it('a penalty break adds its width (a hyphen) to the line', () => {
    const hy = [box(3), penalty(50, 1)];
    expect(adjustmentRatio(hy, runningTotals(hy), 0, 1, 4)).toEqual({ ratio: 0, natural: 4 });
  });
});

describe('makeLine', () => {
  it('an overfull line is flagged and its ratio clamped to −1', () => {
    const items = [box(20), ...FINISH];
    expect(makeLine(items, runningTotals(items), 0, 3, 10)).toEqual({ start: 0, end: 3, ratio: -1, naturalWidth: 20, width: 10, overfull: true });
  });

  it('an infinitely loose line (no stretch) is set at ratio 0, not flagged', () => {
    const items = [box(3), penalty(-10_000)];
    expect(makeLine(items, runningTotals(items), 0, 1, 10)).toEqual({ start: 0, end: 1, ratio: 0, naturalWidth: 3, width: 10, overfull: false });
  });
});
