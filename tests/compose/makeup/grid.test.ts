/**
 * A proposal written as the content format writes a page (src/compose/makeup/grid.ts): bands
 * cut wherever a module starts or ends, each module a rectangle of whole bands; and the page's
 * free cells around a kept slot (src/compose/makeup/regions.ts).
 */
import { describe, expect, it } from 'vitest';
import { gridOf, placeModules } from '../../../src/compose/makeup/grid.js';
import { layoutPage, partsOf } from '../../../src/compose/makeup/regions.js';
import { MakeupSearch } from '../../../src/compose/makeup/search.js';
import type { Layout } from '../../../src/compose/makeup/types.js';
import { oracle, piece, textRanges } from './oracle.js';

const ids = ['lead', 'two', 'box', 'brief'];

describe('gridOf', () => {
  it('cuts bands at every module edge and names each cell after its module', () => {
    // lead across the top; under it two over brief on the left, the box beside them.
    const layout: Layout = {
      kind: 'stack',
      upper: { kind: 'module', piece: 0, columns: 4, lines: 30, top: true },
      lower: {
        kind: 'side',
        split: 3,
        left: { kind: 'stack', upper: { kind: 'module', piece: 1, columns: 3, lines: 25, top: false }, lower: { kind: 'module', piece: 3, columns: 3, lines: 15, top: false } },
        right: { kind: 'module', piece: 2, columns: 1, lines: 40, top: false },
      },
    };
    const modules = placeModules(layout);
    expect(modules).toEqual([
      { piece: 0, column: 0, columns: 4, line: 0, lines: 30 },
      { piece: 1, column: 0, columns: 3, line: 30, lines: 25 },
      { piece: 3, column: 0, columns: 3, line: 55, lines: 15 },
      { piece: 2, column: 3, columns: 1, line: 30, lines: 40 },
    ]);
    expect(gridOf(modules, [], 4, 70, (i) => ids[i])).toEqual({
      areas: [
        ['lead', 'lead', 'lead', 'lead'],
        ['two', 'two', 'two', 'box'],
        ['brief', 'brief', 'brief', 'box'],
      ],
      rows: [30, 25, 15],
    });
  });

  it('leaves kept cells empty (.)', () => {
    const modules = [{ piece: 0, column: 0, columns: 4, line: 0, lines: 50 }, { piece: 1, column: 2, columns: 2, line: 50, lines: 20 }];
    expect(gridOf(modules, [{ column: 0, columns: 2, line: 50, lines: 20 }], 4, 70, (i) => ids[i])).toEqual({
      areas: [
        ['lead', 'lead', 'lead', 'lead'],
        ['.', '.', 'two', 'two'],
      ],
      rows: [50, 20],
    });
  });
});

describe('layoutPage', () => {
  const pieces = [piece('lead', 1, { lead: true }), piece('two', 2), piece('box', 3, { apart: true })];
  const ranges = [textRanges(200, [2, 3, 4]), textRanges(60, [1, 2, 3, 4]), textRanges(80, [1, 2, 3, 4])];

  it('fills the page above a slot kept across its foot', () => {
    const search = new MakeupSearch(pieces, oracle(ranges), 4, 100, 1);
    const found = layoutPage(search.at(4), 7, 1, 1, 4, 100, { column: 0, columns: 4, line: 88, lines: 12 }, 'any')!;
    const modules = partsOf(found).flatMap((p) => placeModules(p.layout, p.column, p.line));
    expect(Math.max(...modules.map((m) => m.line + m.lines))).toBe(88);
    expect(modules.reduce((sum, m) => sum + m.columns * m.lines, 0)).toBe(4 * 88);
  });

  it('fills the L a corner slot leaves, never the slot', () => {
    const kept = { column: 2, columns: 2, line: 60, lines: 20 };
    const corner = [textRanges(160, [2, 3, 4]), textRanges(38, [1, 2, 3, 4]), textRanges(64, [2, 3, 4])];
    let best;
    for (let cap = 4; cap >= 1 && !best; cap--) best = layoutPage(new MakeupSearch(pieces, oracle(corner), 4, 80, 1).at(cap), 7, 1, 1, 4, 80, kept, 'any');
    const modules = partsOf(best!).flatMap((p) => placeModules(p.layout, p.column, p.line));
    const inSlot = (m: (typeof modules)[number]): boolean => m.column + m.columns > kept.column && m.line + m.lines > kept.line;
    expect(modules.filter(inSlot)).toEqual([]);
    expect(modules.reduce((sum, m) => sum + m.columns * m.lines, 0)).toBe(4 * 80 - 2 * 20);
  });

  it('puts the lead across the top (lead: top) or down the left side (lead: left) when the template says so', () => {
    const wide = [textRanges(200, [1, 2, 3, 4]), textRanges(60, [1, 2, 3, 4]), textRanges(80, [1, 2, 3, 4])];
    const top = layoutPage(new MakeupSearch(pieces, oracle(wide), 4, 87, 1).at(4), 7, 1, 1, 4, 87, undefined, 'top');
    const topLead = partsOf(top!).flatMap((p) => placeModules(p.layout)).find((m) => m.piece === 0)!;
    expect(topLead).toMatchObject({ line: 0, column: 0, columns: 4 });
    for (let cap = 4; cap >= 1; cap--) {
      const left = layoutPage(new MakeupSearch(pieces, oracle(wide), 4, 100, 1).at(cap), 7, 1, 1, 4, 100, undefined, 'left');
      if (!left) continue;
      const lead = partsOf(left).flatMap((p) => placeModules(p.layout)).find((m) => m.piece === 0)!;
      expect(lead).toMatchObject({ line: 0, column: 0, lines: 100 });
    }
  });
});
