/**
 * Last-resort breaks and emergency stretch (src/linebreak): a token broken between any two of
 * its letters (penalty ≥ LAST_RESORT_PENALTY, CSS `overflow-wrap: anywhere`) only when it is
 * wider than the measure, and its pieces letter-spaced (emergency stretch, after TeX's
 * \emergencystretch) only on a line with nothing else to stretch. Hand-made items, in ems.
 */
import { describe, expect, it } from 'vitest';
import { firstFit } from '../../src/linebreak/first-fit.js';
import { breakLines, DEFAULT_BREAK_OPTIONS, LAST_RESORT_PENALTY, type BreakItem, type Line } from '../../src/linebreak/index.js';
import { totalFit } from '../../src/linebreak/knuth-plass.js';
import { isBreakpoint, runningTotals } from '../../src/linebreak/measure.js';
import { LAST_RESORT_PENALTY as TEXT_LAST_RESORT_PENALTY } from '../../src/text/items.js';
import { box, FINISH, glue, penalty } from './helpers.js';

/** Zero-width emergency stretch, as src/text/split-token.ts puts between a token's pieces. */
const letterSpace = (stretch = 0.1): BreakItem => ({ kind: 'glue', width: 0, stretch, shrink: 0, emergency: true });

/** A token of `n` half-em letters, breakable between any two as a last resort. */
function token(n: number): BreakItem[] {
  const items: BreakItem[] = [box(0.5)];
  for (let i = 1; i < n; i++) items.push(penalty(LAST_RESORT_PENALTY), letterSpace(), box(0.5));
  return items;
}

/** Han characters: 1-em boxes with inter-character glue (stretch 0.15). */
function han(n: number): BreakItem[] {
  const items: BreakItem[] = [box(1)];
  for (let i = 1; i < n; i++) items.push(glue(0, 0.15, 0), box(1));
  return items;
}

const HAN_GAP = glue(0.25, 0.25, 0.125);
const lastResortBreaks = (items: readonly BreakItem[], lines: readonly Line[]): number =>
  lines.slice(0, -1).filter((l) => {
    const item = items[l.end];
    return item.kind === 'penalty' && item.penalty >= LAST_RESORT_PENALTY;
  }).length;

describe('the text stage and the breaker agree on the threshold', () => {
  it('LAST_RESORT_PENALTY is the same number in src/text/items.ts and src/linebreak/types.ts, below the 10000 that forbids', () => {
    expect(TEXT_LAST_RESORT_PENALTY).toBe(LAST_RESORT_PENALTY);
    expect(LAST_RESORT_PENALTY).toBeLessThan(10_000);
  });
});

describe('isBreakpoint and running totals by fallback', () => {
  const items = [...token(2), ...FINISH];

  it('a last-resort penalty is a breakpoint only when the pass may break anywhere', () => {
    expect(isBreakpoint(items, 1, 'none')).toBe(false);
    expect(isBreakpoint(items, 1, 'letter-spacing')).toBe(false);
    expect(isBreakpoint(items, 1, 'anywhere')).toBe(true);
    // glue after a penalty is no breakpoint (TeX §831): the letter space never breaks
    expect(isBreakpoint(items, 2, 'anywhere')).toBe(false);
  });

  it('emergency stretch counts only when the pass may letter-space', () => {
    expect(runningTotals(items, 'none').stretch[3]).toBe(0);
    expect(runningTotals(items, 'letter-spacing').stretch[3]).toBeCloseTo(0.1, 12);
  });
});

describe('a token that fits the line is never broken', () => {
  it('total-fit sets a loose line rather than break a 3-em token (6 letters) at 5 em', () => {
    // 中中 | 3-em token | 中中: the token fits a line of its own; a line of 中中 is very loose but
    // has a gap to open, so it can be set flush.
    const items = [...han(2), HAN_GAP, ...token(6), HAN_GAP, ...han(2), ...FINISH];
    const lines = breakLines(items, 5);
    expect(lastResortBreaks(items, lines)).toBe(0);
    expect(lines.every((l) => !l.overfull)).toBe(true);
  });

  it('but never leaves a line that could not be set flush: 中 alone at 4 em has nothing to open, so the token breaks', () => {
    // 中 | 3-em token | 中中: keeping the token whole would leave 中 alone on a justified line.
    const items = [...han(1), HAN_GAP, ...token(6), HAN_GAP, ...han(2), ...FINISH];
    const lines = breakLines(items, 4);
    const totals = runningTotals(items, 'anywhere');
    for (const line of lines.slice(0, -1)) {
      const stretch = totals.stretch[line.end] - totals.stretch[line.start];
      expect(line.naturalWidth >= 4 - 1e-9 || stretch > 0, `line ${line.start}–${line.end}`).toBe(true);
    }
    expect(lines.every((l) => !l.overfull)).toBe(true);
  });

  it('first-fit ends the line before the token, not inside it', () => {
    const items = [...han(2), HAN_GAP, ...token(6), ...FINISH];
    const lines = firstFit(items, 4);
    expect(lastResortBreaks(items, lines)).toBe(0);
    expect(lines[0].end).toBe(3); // the Han–Western gap
  });
});

describe('a token wider than the line breaks between letters, never past the measure', () => {
  it('total-fit: a 6-em token (12 letters) at 4 em takes one last-resort break, every line within 4 em', () => {
    const items = [...token(12), ...FINISH];
    const lines = breakLines(items, 4);
    expect(lines.every((l) => !l.overfull && l.naturalWidth <= 4 + 1e-9)).toBe(true);
    expect(lastResortBreaks(items, lines)).toBe(1);
    expect(lines.map((l) => l.naturalWidth)).toEqual([4, 2]);
  });

  it('as few last-resort breaks as possible, whatever it costs in loose lines', () => {
    // 中中 | 5-em token: one break inside the token is needed, however the Han line is set.
    const items = [...han(2), HAN_GAP, ...token(10), ...FINISH];
    const lines = breakLines(items, 4);
    expect(lastResortBreaks(items, lines)).toBe(1);
    expect(lines.every((l) => !l.overfull)).toBe(true);
  });

  it('first-fit falls back on a last-resort break only when nothing else fits the line', () => {
    const items = [...token(12), ...FINISH];
    const lines = firstFit(items, 4);
    expect(lines.every((l) => !l.overfull)).toBe(true);
    expect(lines.map((l) => l.naturalWidth)).toEqual([4, 2]);
  });

  it('without last-resort penalties the same token is overfull (the breaker cannot cut a box)', () => {
    const items = [box(6), ...FINISH];
    expect(breakLines(items, 4)[0].overfull).toBe(true);
  });
});

describe('emergency stretch: a line of a token’s pieces', () => {
  // A token with ordinary breaks (a URL's marks, penalty 700) every 1.5 em and letter spaces.
  function url(pieces: number): BreakItem[] {
    const items: BreakItem[] = [];
    for (let p = 0; p < pieces; p++) {
      if (p > 0) items.push(penalty(700), letterSpace());
      items.push(box(0.5), penalty(LAST_RESORT_PENALTY), letterSpace(), box(0.5), penalty(LAST_RESORT_PENALTY), letterSpace(), box(0.5));
    }
    return items;
  }

  it('is not feasible without emergency stretch: a justified line with nothing to stretch could not be flush', () => {
    const items = [...url(4), ...FINISH];
    expect(totalFit(items, 4, DEFAULT_BREAK_OPTIONS, Number.POSITIVE_INFINITY, 'none')).toBeNull();
    const lines = totalFit(items, 4, DEFAULT_BREAK_OPTIONS, Number.POSITIVE_INFINITY, 'letter-spacing')!;
    expect(lines).not.toBeNull();
    // breaks at the URL's marks only, lines as full as they can be: 3 + 3, never 1.5 + 4.5
    expect(lines.map((l) => l.naturalWidth)).toEqual([3, 3]);
    expect(lastResortBreaks(items, lines)).toBe(0);
  });

  it('a ragged line needs no stretch: a head breaks at the marks in the first pass', () => {
    const items = [...url(4), ...FINISH];
    const ragged = { ...DEFAULT_BREAK_OPTIONS, tolerance: Number.POSITIVE_INFINITY, ragged: true, fitnessDemerits: 0 };
    expect(totalFit(items, 4, ragged, Number.POSITIVE_INFINITY, 'none')).not.toBeNull();
  });
});
