/**
 * Total-fit (src/linebreak/knuth-plass.ts, Knuth & Plass 1981 / tex.web part 38): the breaks
 * that minimise the paragraph's demerits, Σ (linePenalty + 100·|r|³)² + penalty² (+ adjacent-
 * fitness demerits). Hand-made items, lengths in ems; demerits worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { firstFit } from '../../src/linebreak/first-fit.js';
import { breakLines, breakLinesLoose, DEFAULT_BREAK_OPTIONS } from '../../src/linebreak/index.js';
import { totalFit } from '../../src/linebreak/knuth-plass.js';
import { box, cjk, FINISH, glue, linesText, penalty, randomCjk, seeded, words } from './helpers.js';

const tf = (items: Parameters<typeof totalFit>[0], width: Parameters<typeof totalFit>[1], tolerance = DEFAULT_BREAK_OPTIONS.tolerance) =>
  totalFit(items, width, DEFAULT_BREAK_OPTIONS, tolerance);

describe('whole-character lines', () => {
  it('26 one-em boxes at 13 em: two full lines of 13 at ratio 0', () => {
    const p = cjk('一'.repeat(26));
    expect(tf(p.items, 13)).toEqual([
      { start: 0, end: 25, ratio: 0, naturalWidth: 13, width: 13, overfull: false },
      { start: 26, end: 53, ratio: 0, naturalWidth: 13, width: 13, overfull: false },
    ]);
  });
});

describe('evener lines than first-fit', () => {
  /**
   * Words 3 4 1 2 3 4, interword glue (1, +1, −0), W = 10.
   * First-fit: 3 4 1 (r 0) | 2 3 (r 4) | 4.
   * Total-fit: 3 4 (r 2) | 1 2 3 (r 1) | 4 — the only breaks with every ratio ≤ 2 (tolerance).
   */
  it('3 4 1 2 3 4 at W = 10', () => {
    const p = words([3, 4, 1, 2, 3, 4]);
    const greedy = firstFit(p.items, 10);
    const best = tf(p.items, 10)!;
    expect(linesText(p, greedy, ' ')).toEqual(['3 4 1', '2 3', '4']);
    expect(linesText(p, best, ' ')).toEqual(['3 4', '1 2 3', '4']);
    expect(greedy.map((l) => l.ratio).slice(0, 2)).toEqual([0, 4]);
    expect(best.map((l) => [l.start, l.end, l.naturalWidth, l.ratio]).slice(0, 2)).toEqual([
      [0, 3, 8, 2],
      [4, 9, 8, 1],
    ]);
    expect(best[2]).toMatchObject({ start: 10, end: 13, naturalWidth: 4, overfull: false });
    // the loosest line of total-fit is looser by less than first-fit's
    expect(Math.max(...best.slice(0, -1).map((l) => l.ratio))).toBeLessThan(Math.max(...greedy.slice(0, -1).map((l) => l.ratio)));
  });

  /**
   * 3 4 1 3 3 4: first-fit 3 4 1 | 3 3 (r 3) | 4; total-fit 3 4 (r 2) | 1 3 3 (r 0.5) | 4.
   */
  it('3 4 1 3 3 4 at W = 10', () => {
    const p = words([3, 4, 1, 3, 3, 4]);
    expect(linesText(p, firstFit(p.items, 10), ' ')).toEqual(['3 4 1', '3 3', '4']);
    const best = tf(p.items, 10)!;
    expect(linesText(p, best, ' ')).toEqual(['3 4', '1 3 3', '4']);
    expect(best.map((l) => l.ratio).slice(0, 2)).toEqual([2, 0.5]);
  });
});

describe('tolerance', () => {
  it('returns null when no set of breaks keeps every ratio within the tolerance', () => {
    const p = words([3, 3, 10]); // 3 3 | 10 needs ratio 3 on line 1
    expect(tf(p.items, 10, 2)).toBeNull();
    const loose = tf(p.items, 10, Number.POSITIVE_INFINITY)!;
    expect(loose.map((l) => [l.start, l.end, l.ratio])).toEqual([
      [0, 3, 3],
      [4, 7, 0],
    ]);
  });

  it('returns null when a box is wider than the line', () => {
    expect(tf([box(20), ...FINISH], 10, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('forced breaks and penalties', () => {
  it('a forced break ends a line', () => {
    const items = [box(1), glue(0, 0.5, 0), box(1), ...FINISH, box(1), glue(0, 0.5, 0), box(1), ...FINISH];
    expect(tf(items, 10)!.map((l) => [l.start, l.end])).toEqual([
      [0, 5],
      [6, 11],
    ]);
  });

  /**
   * Six 1-em boxes at W = 4 (glue 0, +1): 4 | 2 costs 10² + 10² = 200, 3 | 3 costs
   * (10 + 12.5)² + 10² ≈ 606. A penalty of 1000 at the 4 | 2 break adds 1000² and flips the choice.
   */
  it('a penalty at a break adds penalty² demerits and can move the break', () => {
    const six = (p: number) => [box(1), glue(0, 1, 0), box(1), glue(0, 1, 0), box(1), glue(0, 1, 0), box(1), penalty(p), glue(0, 1, 0), box(1), glue(0, 1, 0), box(1), ...FINISH];
    expect(tf(six(0), 4)!.map((l) => [l.start, l.end, l.ratio])).toEqual([
      [0, 7, 0],
      [9, 14, 2 / 100_001],
    ]);
    expect(tf(six(1000), 4)!.map((l) => [l.start, l.end, l.ratio])).toEqual([
      [0, 5, 0.5],
      [6, 14, 1 / 100_002],
    ]);
  });
});

describe('push-in and push-out (§4 case 3, clreq #reduction_and_expansion_of_inter-character_spacing)', () => {
  /**
   * 一二三，四五六七八九，十 at W = 10. Push-in (line 1 ends on the second ，, ratio −1,
   * badness 100) costs (10+100)² + 10² = 12200; push-out (line 1 一二三，四五六七八, ratio ¼,
   * badness 1.5625) costs 11.5625² + 10² ≈ 234. Total-fit takes the acceptable push-out:
   * 九，十 on line 2, never ，at its start.
   */
  it('total-fit: 一二三，四五六七八 | 九，十 (the "acceptable" outcome)', () => {
    const p = cjk('一二三，四五六七八九，十');
    const lines = tf(p.items, 10)!;
    expect(linesText(p, lines)).toEqual(['一二三，四五六七八', '九，十']);
    expect(lines[0]).toEqual({ start: 0, end: 19, ratio: 0.25, naturalWidth: 9, width: 10, overfull: false });
    expect(lines[1]).toMatchObject({ start: 20, end: 29, naturalWidth: 3, overfull: false });
  });

  /**
   * §4 case 28 (clreq #reduction_and_expansion_of_inter-character_spacing: "try reduction
   * first, then expansion"): a line 0.3 em too long that holds two ，is fixed by compressing
   * their blanks, not by pushing characters down. Here, W = 12.2: 一二三，四五六，七八九十，
   * is 12.5 em with 1 em of blanks to give (ratio −0.3, badness 2.7, demerits 12.7² ≈ 161);
   * pushing 十，down leaves 一二三，四五六，七八九 at 11 em with 5 em of stretch (ratio 0.24,
   * badness 1.4, demerits 11.4² ≈ 130). Total-fit's badness is symmetric in stretch and
   * shrink, and Chinese lines have far more stretch (every gap) than shrink (only blanks), so
   * it pushes out whenever stretching is a little cheaper.
   */
  it('reduces before it expands: a line 0.3 em too long keeps its characters (§4 case 28)', () => {
    const p = cjk('一二三，四五六，七八九十，甲乙丙丁戊己庚辛');
    const lines = breakLines(p.items, 12.2);
    expect(linesText(p, lines)).toEqual(['一二三，四五六，七八九十，', '甲乙丙丁戊己庚辛']);
    expect(lines[0].ratio).toBeCloseTo(-0.3, 9);
  });

  it('first-fit does compress it', () => {
    const p = cjk('一二三，四五六，七八九十，甲乙丙丁戊己庚辛');
    const lines = firstFit(p.items, 12.2);
    expect(linesText(p, lines)).toEqual(['一二三，四五六，七八九十，', '甲乙丙丁戊己庚辛']);
    expect(lines[0].ratio).toBeCloseTo(-0.3, 9);
  });
});

describe('several loosenesses from one pass (breakLinesLoose)', () => {
  const paragraphs = [
    cjk('党建引领基层治理，社区服务更贴心。居民有事找网格员，小事不出社区，大事不出街道，矛盾纠纷就地化解。'),
    cjk('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十'),
  ];

  it('gives each looseness the lines breakLines gives it alone', () => {
    for (const p of paragraphs) {
      for (const width of [7, 9, 12]) {
        const [looser, tighter] = breakLinesLoose(p.items, width, DEFAULT_BREAK_OPTIONS, [1, -1]);
        expect(looser).toEqual(breakLines(p.items, width, { ...DEFAULT_BREAK_OPTIONS, looseness: 1 }));
        expect(tighter).toEqual(breakLines(p.items, width, { ...DEFAULT_BREAK_OPTIONS, looseness: -1 }));
        expect(breakLinesLoose(p.items, width, DEFAULT_BREAK_OPTIONS, [0])[0]).toEqual(breakLines(p.items, width));
      }
    }
  });

  it('a line looser is a line longer than the best, where the measure allows it', () => {
    const p = paragraphs[0];
    const [looser] = breakLinesLoose(p.items, 9, DEFAULT_BREAK_OPTIONS, [1]);
    expect(looser.length).toBe(breakLines(p.items, 9).length + 1);
  });

  it('refuses looseness 0 among others: its pass keeps fewer nodes', () => {
    expect(() => breakLinesLoose(paragraphs[0].items, 9, DEFAULT_BREAK_OPTIONS, [0, 1])).toThrow(/looseness 0/);
  });
});

/**
 * With one measure for every line the breaker stops looking along its active list at the first
 * line too short for the tolerance (knuth-plass.ts): every later line is shorter. The same
 * measure given as a function of the line turns that off; seeded random paragraphs, with
 * stops, penalties, shrinkable blanks and loosenesses, must break the same way both times.
 */
describe('the active list read only to the first line too short', () => {
  it('breaks random paragraphs as the whole list does', () => {
    const next = seeded(11);
    let compared = 0;
    for (let p = 0; p < 120; p++) {
      const { items } = randomCjk(next, 20, 160);
      const measure = 8 + next(14) + next(4) / 4;
      for (const loosenesses of [[0], [1, -1]]) {
        const options = { ...DEFAULT_BREAK_OPTIONS, tolerance: [1, 2, 4][next(3)] };
        const flat = breakLinesLoose(items, measure, options, loosenesses);
        const byLine = breakLinesLoose(items, () => measure, options, loosenesses);
        expect(flat).toEqual(byLine);
        compared += flat.flat().length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
