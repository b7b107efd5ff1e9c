/** Modules (src/compose/modules.ts): each article's rectangle of cells in the page's `areas` grid. */
import { describe, expect, it } from 'vitest';
import { cellsOf } from '../../src/compose/modules.js';
import { auto, page } from './helpers.js';


describe('cellsOf', () => {
  it('one rectangle per id, rows and columns inclusive', () => {
    const cells = cellsOf(page(['a a b b', 'c c c c'], [auto, auto]));
    expect([...cells.values()]).toEqual([
      { id: 'a', firstRow: 0, lastRow: 0, firstColumn: 0, lastColumn: 1 },
      { id: 'b', firstRow: 0, lastRow: 0, firstColumn: 2, lastColumn: 3 },
      { id: 'c', firstRow: 1, lastRow: 1, firstColumn: 0, lastColumn: 3 },
    ]);
  });

  it('an article spanning two bands; empty cells (.) belong to nobody', () => {
    const cells = cellsOf(page(['a . b b', 'a c c .'], [auto, auto]));
    expect(cells.get('a')).toEqual({ id: 'a', firstRow: 0, lastRow: 1, firstColumn: 0, lastColumn: 0 });
    expect(cells.get('c')).toEqual({ id: 'c', firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 2 });
    expect(cells.has('.')).toBe(false);
    expect(cells.size).toBe(3);
  });
});

