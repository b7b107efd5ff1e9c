/**
 * Modules (src/compose/modules.ts): each article's rectangle of cells in the page's `areas`
 * grid, and the band heights in grid lines (fixed bands take their share; `auto` bands are as
 * deep as their articles need; the rest goes to the last auto band).
 */
import { describe, expect, it } from 'vitest';
import { PT_PER_MM } from '../../src/compose/geometry.js';
import { cellsOf, solveRows } from '../../src/compose/modules.js';
import { ContentError } from '../../src/model/index.js';
import { auto, mm, page, percent } from './helpers.js';

const PITCH = 13.5;
const needs =
  (table: Record<string, number>) =>
  (id: string): number => {
    if (!(id in table)) throw new Error(`unexpected id ${id}`);
    return table[id];
  };

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

describe('solveRows', () => {
  it('auto bands take what their deepest article needs; the last auto band takes the rest', () => {
    const p = page(['a a b b', 'c c c c'], [auto, auto]);
    expect(solveRows(p, 100, PITCH, needs({ a: 30, b: 20, c: 40 }))).toEqual([30, 70]);
  });

  it('percent bands: floor of the share of the available lines', () => {
    const p = page(['a a b b', 'c c c c'], [percent(40), auto]);
    expect(solveRows(p, 100, PITCH, needs({ a: 30, b: 20, c: 40 }))).toEqual([40, 60]);
    expect(solveRows(p, 99, PITCH, needs({ a: 30, b: 20, c: 40 }))).toEqual([39, 60]);
  });

  it('mm bands: whole grid lines that fit in the height (50 mm = 141.7 pt = 10 lines of 13.5)', () => {
    expect(Math.floor((50 * PT_PER_MM) / PITCH)).toBe(10);
    const p = page(['a a', 'b b'], [mm(50), auto]);
    expect(solveRows(p, 100, PITCH, needs({ a: 5, b: 5 }))).toEqual([10, 90]);
  });

  it('an article spanning two bands needs its lines across both', () => {
    // a spans both bands: band 1 must hold a's 50 lines minus band 0's 20.
    const p = page(['a b', 'a c'], [auto, auto]);
    expect(solveRows(p, 50, PITCH, needs({ a: 50, b: 20, c: 10 }))).toEqual([20, 30]);
  });

  it('leftover lines go to the LAST auto band, not to a fixed one', () => {
    const p = page(['a a', 'b b', 'c c'], [auto, auto, percent(20)]);
    expect(solveRows(p, 100, PITCH, needs({ a: 10, b: 10, c: 5 }))).toEqual([10, 70, 20]);
  });

  it('an overfull page throws a ContentError that names the page', () => {
    // band 0 alone needs 120 of the page's 100 lines: the last auto band cannot give way
    const p = page(['a a', 'b b'], [auto, auto]);
    let error: unknown;
    try {
      solveRows(p, 100, PITCH, needs({ a: 120, b: 1 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const ce = error as ContentError;
    expect(ce.message).toBe('page 11: the articles need 121 lines but the page has 100');
    expect(ce.pos).toEqual(p.source);
    expect(ce.hint).toBeTruthy();
  });

  it('when the page is only a little overfull the last auto band gives way (its article then reports the overflow)', () => {
    const p = page(['a a', 'b b'], [auto, auto]);
    expect(solveRows(p, 100, PITCH, needs({ a: 60, b: 60 }))).toEqual([60, 40]);
  });

  it('fixed bands that add up to more than the page throw too', () => {
    const p = page(['a a', 'b b'], [percent(60), percent(60)]);
    expect(() => solveRows(p, 100, PITCH, needs({ a: 1, b: 1 }))).toThrow(/^page 11: /);
  });
});
