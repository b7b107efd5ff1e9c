/**
 * First-fit (src/linebreak/first-fit.ts): each line as long as it can be, shrinking glue before
 * giving up — clreq's push-in before push-out (#prohibition_rules_for_line_start_end,
 * #reduction_and_expansion_of_inter-character_spacing). Hand-made items, lengths in ems.
 */
import { describe, expect, it } from 'vitest';
import { firstFit } from '../../src/linebreak/first-fit.js';
import { box, cjk, FINISH, glue, linesText, penalty, words } from './helpers.js';

describe('whole-character lines (clreq #considerations_in_designing_type_area)', () => {
  it('26 one-em boxes at 13 em: two full lines of 13 at ratio 0', () => {
    const p = cjk('一'.repeat(26));
    expect(firstFit(p.items, 13)).toEqual([
      { start: 0, end: 25, ratio: 0, naturalWidth: 13, width: 13, overfull: false },
      { start: 26, end: 53, ratio: 0, naturalWidth: 13, width: 13, overfull: false },
    ]);
  });

  it('27 boxes: the 27th goes to a third, ragged line', () => {
    const p = cjk('一'.repeat(27));
    const lines = firstFit(p.items, 13);
    expect(lines.map((l) => [l.start, l.end])).toEqual([
      [0, 25],
      [26, 51],
      [52, 55],
    ]);
    expect(lines[2].naturalWidth).toBe(1);
    expect(lines[2].ratio).toBeCloseTo(12 / 100_000, 12);
  });
});

describe('push-in (§4 case 3: 一二三，四五六七八九，十 at W = 10 em)', () => {
  it('line 1 ends after the second ，with the first comma’s blank fully shrunk (ratio −1), line 2 is 十', () => {
    const p = cjk('一二三，四五六七八九，十');
    const lines = firstFit(p.items, 10);
    expect(linesText(p, lines)).toEqual(['一二三，四五六七八九，', '十']);
    // 9 characters + two ½-em commas + the first comma's ½-em blank = 10.5, shrunk by 0.5
    expect(lines[0]).toEqual({ start: 0, end: 24, ratio: -1, naturalWidth: 10.5, width: 10, overfull: false });
    // the break is at the second comma's blank: it is dropped, not set (GB/T 15834 5.1.10)
    expect(p.items[24]).toEqual(glue(0.5, 0, 0.5));
    expect(lines[1].start).toBe(26);
    expect(lines[1].naturalWidth).toBe(1);
  });

  it('a ，never starts line 2', () => {
    const p = cjk('一二三，四五六七八九，十');
    for (const line of firstFit(p.items, 10)) expect(p.labels[line.start]).not.toBe('，');
  });
});

describe('breaks', () => {
  it('takes as many words as fit: 3 4 1 | 2 3 | 4 at W = 10', () => {
    const p = words([3, 4, 1, 2, 3, 4]);
    const lines = firstFit(p.items, 10);
    expect(linesText(p, lines, ' ')).toEqual(['3 4 1', '2 3', '4']);
    expect(lines.map((l) => [l.start, l.end, l.naturalWidth])).toEqual([
      [0, 5, 10],
      [6, 9, 6],
      [10, 13, 4],
    ]);
    expect(lines[0].ratio).toBe(0);
    expect(lines[1].ratio).toBe(4);
  });

  it('a forced break (penalty −10000) ends a line even when more would fit', () => {
    const items = [box(1), glue(0, 0.5, 0), box(1), ...FINISH, box(1), glue(0, 0.5, 0), box(1), ...FINISH];
    const lines = firstFit(items, 10);
    expect(lines.map((l) => [l.start, l.end])).toEqual([
      [0, 5],
      [6, 11],
    ]);
    expect(lines.every((l) => !l.overfull)).toBe(true);
  });

  it('honours per-line widths', () => {
    const p = cjk('一'.repeat(20));
    const lines = firstFit(p.items, (line) => (line === 0 ? 8 : 12));
    expect(linesText(p, lines)).toEqual(['一'.repeat(8), '一'.repeat(12)]);
    expect(lines.map((l) => l.width)).toEqual([8, 12]);
    expect(lines.map((l) => l.ratio)).toEqual([0, 0]);
  });

  it('an unbreakable box wider than the measure is set alone on an overfull line, never dropped', () => {
    const items = [box(5), glue(0, 0.5, 0), box(20), glue(0, 0.5, 0), box(5), ...FINISH];
    expect(firstFit(items, 10)).toEqual([
      { start: 0, end: 1, ratio: 0, naturalWidth: 5, width: 10, overfull: false }, // nothing to stretch: set at natural width
      { start: 2, end: 3, ratio: -1, naturalWidth: 20, width: 10, overfull: true },
      { start: 4, end: 7, ratio: 5 / 100_000, naturalWidth: 5, width: 10, overfull: false },
    ]);
  });

  it('an overlong first box with nothing before it', () => {
    const items = [box(20), glue(0, 0.5, 0), box(1), ...FINISH];
    const lines = firstFit(items, 10);
    expect(lines.map((l) => [l.start, l.end, l.overfull])).toEqual([
      [0, 1, true],
      [2, 5, false],
    ]);
  });

  it('a penalty below 10000 is a legal break; 10000 is not', () => {
    // 一 P10000 g 二 : the glue after a penalty is no breakpoint, so 一二 cannot be split
    const items = [box(1), penalty(10_000), glue(0, 0.5, 0), box(1), penalty(0), glue(0, 0.5, 0), box(1), ...FINISH];
    expect(firstFit(items, 2).map((l) => [l.start, l.end])).toEqual([
      [0, 4],
      [6, 9],
    ]);
  });
});
