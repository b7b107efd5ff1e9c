/**
 * Column flow (src/compose/flow.ts): slabs poured into an article's columns in reading order
 * on the grid, with keep-with-next (clreq #adjustments_of_orphans_and_widows), space dropped at
 * a column top, and balancing — all columns end level, only the last may be shorter
 * (clreq #major_differences_between_horizontal_and_vertical_writing_modes, §4 E34).
 */
import { describe, expect, it } from 'vitest';
import { balanceBounder, balanceColumns, balances, fillColumns, fillPrefix, flowShape, slabLines, whiteUnder, type ColumnFrame, type FlowResult } from '../../src/compose/flow.js';
import type { Slab } from '../../src/compose/slabs.js';
import { seeded } from '../helpers/generate.js';
import { lines, slab } from './helpers.js';

const frames = (n: number, top = 0, bottom = 100): ColumnFrame[] => Array.from({ length: n }, () => ({ top, bottom }));
/** Column and line of each slab; a gap dropped at a column top as [-1, -1]. */
const at = (r: FlowResult | null): [number, number][] => r!.placements.map((p) => (p.kind === 'placed' ? [p.column, p.line] : [-1, -1]));

describe('fillColumns', () => {
  it('fills top to bottom, left to right, up to the level', () => {
    const r = fillColumns(lines(4), frames(2, 0, 3), 3);
    expect(at(r)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
    ]);
    expect(r!.level).toBe(3);
    expect(r!.linesPerColumn).toEqual([3, 1]);
  });

  it('stops at the level even when the frame is deeper', () => {
    const r = fillColumns(lines(5), frames(2, 0, 100), 3);
    expect(at(r)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
    ]);
  });

  it('a multi-line slab moves whole to the next column', () => {
    const r = fillColumns([slab(2), slab(2)], frames(2, 0, 3), 3);
    expect(at(r)).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(r!.linesPerColumn).toEqual([2, 2]);
  });

  it('columns with different tops (a photo above the first): each starts at its own top', () => {
    const r = fillColumns(lines(4), [{ top: 5, bottom: 7 }, { top: 2, bottom: 7 }], 7);
    expect(at(r)).toEqual([
      [0, 5],
      [0, 6],
      [1, 2],
      [1, 3],
    ]);
    expect(r!.linesPerColumn).toEqual([2, 2]);
    expect(r!.level).toBe(7); // the grid line where the deepest column ends
  });

  it('keepWithNext: a head that would end a column moves to the next with its first line', () => {
    // body, body, HEAD(keep), line, line in columns of 3: the head would sit alone at the foot
    const r = fillColumns([slab(1), slab(1), slab(1, { keep: true }), slab(1), slab(1)], frames(2, 0, 3), 3);
    expect(at(r)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
  });

  it('keepWithNext is waived for a slab that already starts a column', () => {
    const r = fillColumns([slab(3, { keep: true }), slab(1)], frames(2, 0, 3), 3);
    expect(at(r)).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  /**
   * Bug guard: keep-with-next is checked only against the next slab, not along a chain. A head
   * (keep) followed by a two-line paragraph's first line (keep, no orphan) is placed at the foot
   * of column 0, then the first line moves on to column 1 with its second: the head is stranded
   * at the column foot.
   */
  it('a chain of keeps moves together: head + first line + second line', () => {
    const r = fillColumns([slab(1), slab(1), slab(1, { keep: true }), slab(1, { keep: true }), slab(1)], frames(2, 0, 4), 4);
    expect(at(r)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
  });

  it('a discardable gap at a column top is dropped (placed at −1, −1)', () => {
    const r = fillColumns([...lines(3), slab(1, { gap: true }), slab(1)], frames(2, 0, 3), 3);
    expect(at(r)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [-1, -1],
      [1, 0],
    ]);
    expect(r!.linesPerColumn).toEqual([3, 1]);
  });

  it('a gap first of all is dropped too; a gap mid-column is kept', () => {
    expect(at(fillColumns([slab(1, { gap: true }), slab(1)], frames(1, 0, 3), 3))).toEqual([
      [-1, -1],
      [0, 0],
    ]);
    expect(at(fillColumns([slab(1), slab(1, { gap: true }), slab(1)], frames(1, 0, 3), 3))).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
    ]);
  });

  it('returns null when the slabs do not fit', () => {
    expect(fillColumns([slab(2), slab(2), slab(2)], frames(2, 0, 3), 3)).toBeNull();
    expect(fillColumns([slab(4)], frames(2, 0, 3), 3)).toBeNull();
    expect(fillColumns(lines(1), [], 3)).toBeNull();
  });
});

describe('balanceColumns', () => {
  it('9 lines in 3 columns: 3 / 3 / 3', () => {
    const r = balanceColumns(lines(9), frames(3));
    expect(r!.linesPerColumn).toEqual([3, 3, 3]);
    expect(r!.level).toBe(3);
  });

  it('11 lines in 3 columns: 4 / 4 / 3 — differ by at most one, only the last shorter', () => {
    const r = balanceColumns(lines(11), frames(3));
    expect(r!.linesPerColumn).toEqual([4, 4, 3]);
    expect(at(r)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 0],
      [2, 1],
      [2, 2],
    ]);
  });

  it('7 lines in 2 columns: 4 / 3', () => {
    expect(balanceColumns(lines(7), frames(2))!.linesPerColumn).toEqual([4, 3]);
  });

  it('10 lines in 3 columns: the lowest level is 4, and the shortfall is spread: 4 / 3 / 3', () => {
    expect(balanceColumns(lines(10), frames(3))!.linesPerColumn).toEqual([4, 3, 3]);
  });

  it('for every count, columns differ by at most one line, none longer than the one before (§4 case 34)', () => {
    for (let n = 1; n <= 40; n++) {
      for (const c of [2, 3, 4, 6]) {
        const per = balanceColumns(lines(n), frames(c))!.linesPerColumn;
        const level = Math.ceil(n / c);
        expect(per[0]).toBe(level);
        const used = per.filter((k) => k > 0);
        expect(Math.max(...used) - Math.min(...used)).toBeLessThanOrEqual(1);
        used.slice(1).forEach((k, i) => expect(k).toBeLessThanOrEqual(used[i]));
        expect(per.reduce((a, b) => a + b, 0)).toBe(n);
      }
    }
  });

  it('balances above a photo: columns under a figure start lower and the level is shared', () => {
    const r = balanceColumns(lines(6), [
      { top: 4, bottom: 100 },
      { top: 0, bottom: 100 },
    ]);
    // level 5: column 0 holds lines 4 (1 line), column 1 lines 0–4 (5 lines)
    expect(r!.level).toBe(5);
    expect(r!.linesPerColumn).toEqual([1, 5]);
  });

  it('returns null when even the full frames cannot hold the slabs', () => {
    expect(balanceColumns(lines(7), frames(2, 0, 3))).toBeNull();
    expect(balanceColumns(lines(1), [])).toBeNull();
  });
});

describe('fillPrefix: the part of a jumping article that stays on its page', () => {
  it('takes the longest run of slabs that fills the columns', () => {
    expect(fillPrefix(lines(9), frames(2, 0, 3)).count).toBe(6);
  });

  it('does not end the part with what keeps with the next slab (a head, a table title): that goes on with it', () => {
    // Six lines fit; the sixth keeps with the seventh, so the part ends after the fifth.
    const slabs = [...lines(5), slab(1, { keep: true }), ...lines(3)];
    const { count, flow } = fillPrefix(slabs, frames(2, 0, 3));
    expect(count).toBe(5);
    expect(flow?.linesPerColumn).toEqual([3, 2]);
  });
});

describe('flowShape: what a filling reads of its slabs', () => {
  it('is the same for slabs of the same lines, keeps and drops, whatever they hold', () => {
    const a = [slab(2, { keep: true }), ...lines(3), slab(1, { gap: true })];
    const b = [{ ...slab(2, { keep: true }), chars: 40, block: 7 }, ...lines(3), slab(1, { gap: true })];
    expect(flowShape(a)).toBe(flowShape(b));
    // The filling as its readers see it: where the columns end and where each slab goes.
    const filling = (r: ReturnType<typeof balanceColumns>) => r && { level: r.level, linesPerColumn: r.linesPerColumn, placements: r.placements };
    expect(filling(balanceColumns(a, frames(2, 0, 4)))).toEqual(filling(balanceColumns(b, frames(2, 0, 4))));
  });

  it('differs when a keep, a drop, a carry or a line count differs', () => {
    const base = flowShape([slab(2), slab(1)]);
    expect(flowShape([slab(2, { keep: true }), slab(1)])).not.toBe(base);
    expect(flowShape([slab(2), slab(1, { gap: true })])).not.toBe(base);
    expect(flowShape([slab(3), slab(1)])).not.toBe(base);
    expect(flowShape([{ ...slab(2), carry: { lines: 1, content: [] } } as never, slab(1)])).not.toBe(base);
  });
});

describe('balanceBounder: the least a balancing can give, without filling', () => {
  it('9 lines in 3 columns of 10: level 3 and no white, as balancing gives', () => {
    expect(balanceBounder(frames(3, 0, 10))(slabLines(lines(9)))).toEqual({ level: 3, white: 0 });
    expect(balanceColumns(lines(9), frames(3, 0, 10))!.level).toBe(3);
  });

  it('counts a carried head row as lines the slabs may take, and none when nothing need be set', () => {
    const carried = { ...slab(1), carry: { lines: 2, content: [] } } as unknown as Slab;
    expect(slabLines([carried, slab(1, { gap: true }), ...lines(3)])).toEqual({ lines: 7, need: 4 });
    expect(balanceBounder(frames(2, 0, 10))(slabLines([slab(1, { gap: true })]))).toBeUndefined();
  });

  it('is never beaten by balanceColumns: seeded slabs, keeps, gaps and carries over columns of different tops', () => {
    const random = seeded(20261202);
    const whole = (n: number): number => Math.floor(random() * n);
    let compared = 0;
    for (let trial = 0; trial < 400; trial++) {
      const columns = 1 + whole(5);
      const bottom = 6 + whole(40);
      const columnFrames = Array.from({ length: columns }, () => ({ top: whole(5), bottom: bottom - whole(3) }));
      const slabs: Slab[] = Array.from({ length: 1 + whole(60) }, () => {
        const s = slab(1 + (random() < 0.15 ? whole(4) : 0), { keep: random() < 0.2, gap: random() < 0.1 });
        return random() < 0.05 ? ({ ...s, carry: { lines: 1 + whole(2), content: [] } } as unknown as Slab) : s;
      });
      const result = balanceColumns(slabs, columnFrames);
      const bound = balanceBounder(columnFrames)(slabLines(slabs));
      if (!result || !bound) continue;
      compared++;
      expect(result.level).toBeGreaterThanOrEqual(bound.level);
      if (result.level === bound.level) expect(whiteUnder(result, columnFrames, result.level)).toBeGreaterThanOrEqual(bound.white);
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('made once for columns (balanceBounder), answers every slab count as it does alone, in any order', () => {
    const random = seeded(20261203);
    const whole = (n: number): number => Math.floor(random() * n);
    for (let trial = 0; trial < 100; trial++) {
      const columnFrames = Array.from({ length: 1 + whole(5) }, () => ({ top: whole(5), bottom: 6 + whole(40) }));
      const bound = balanceBounder(columnFrames);
      for (let ask = 0; ask < 20; ask++) {
        const need = whole(150);
        const counted = { lines: need + whole(4), need };
        // Alone: the first level holding `need`, counted afresh.
        const lowest = Math.min(...columnFrames.map((f) => f.top));
        const deepest = Math.max(...columnFrames.map((f) => f.bottom));
        const capacity = (level: number): number => columnFrames.reduce((n, f) => n + Math.max(0, Math.min(level, f.bottom) - f.top), 0);
        let level = lowest + 1;
        while (level < deepest && capacity(level) < need) level++;
        expect(bound(counted)).toEqual(need === 0 ? undefined : { level, white: capacity(level) - counted.lines });
      }
    }
  });
});

describe('balances: whether balancing finds a filling, without balancing', () => {
  it('agrees with balanceColumns on seeded slabs, keeps, gaps and carries, over columns of different tops and feet', () => {
    const random = seeded(20261204);
    const whole = (n: number): number => Math.floor(random() * n);
    const answers = { fits: 0, not: 0 };
    for (let trial = 0; trial < 600; trial++) {
      const columns = whole(5);
      const columnFrames = Array.from({ length: columns }, () => ({ top: whole(5), bottom: 3 + whole(30) }));
      const slabs: Slab[] = Array.from({ length: whole(70) }, () => {
        const s = slab(1 + (random() < 0.15 ? whole(4) : 0), { keep: random() < 0.25, gap: random() < 0.1 });
        return random() < 0.05 ? ({ ...s, carry: { lines: 1 + whole(2), content: [] } } as unknown as Slab) : s;
      });
      const fits = balanceColumns(slabs, columnFrames) !== null;
      expect(balances(slabs, columnFrames), `trial ${trial}`).toBe(fits);
      answers[fits ? 'fits' : 'not']++;
    }
    // Both answers are given often: the comparison is not of one kind of case.
    expect(Math.min(answers.fits, answers.not)).toBeGreaterThan(100);
  });
});
