/**
 * Band depths for the whole page (src/compose/bands.ts): fixed bands keep their share, auto
 * bands are as deep as the articles ending in them need, an article that jumps takes what the
 * others leave, and an overfull page spreads the loss over every auto band.
 */
import { describe, expect, it } from 'vitest';
import { solveBands, type AreaNeed } from '../../src/compose/bands.js';
import { PT_PER_MM } from '../../src/compose/geometry.js';
import { cellsOf } from '../../src/compose/modules.js';
import type { Page } from '../../src/model/index.js';
import { auto, mm, page, percent } from './helpers.js';

const PITCH = 13.5;

/** The needs of a page's areas: lines per id, and the ids that jump (elastic). */
function needs(p: Page, lines: Record<string, number>, elastic: readonly string[] = [], least: Record<string, number> = {}): AreaNeed[] {
  return [...cellsOf(p).values()].map((c) => ({ id: c.id, firstRow: c.firstRow, lastRow: c.lastRow, lines: lines[c.id], least: least[c.id] ?? lines[c.id], elastic: elastic.includes(c.id) }));
}

describe('solveBands', () => {
  it('auto bands take what their deepest article needs; the last auto band takes the rest', () => {
    const p = page(['a a b b', 'c c c c'], [auto, auto]);
    expect(solveBands(p.rows, 100, PITCH, needs(p, { a: 30, b: 20, c: 40 }))).toEqual({ heights: [30, 70], short: 0 });
  });

  it('an article spanning two bands gets what the first leaves it in the second', () => {
    const p = page(['a b', 'a c'], [auto, auto]);
    expect(solveBands(p.rows, 100, PITCH, needs(p, { a: 50, b: 10, c: 20 })).heights).toEqual([10, 90]);
    expect(solveBands(p.rows, 60, PITCH, needs(p, { a: 50, b: 10, c: 20 })).heights).toEqual([10, 50]);
  });

  it('fixed bands keep their share (percent of the page, millimetres); the rest goes to the LAST auto band', () => {
    const p = page(['a a', 'b b', 'c c'], [auto, auto, percent(20)]);
    expect(solveBands(p.rows, 100, PITCH, needs(p, { a: 10, b: 10, c: 5 })).heights).toEqual([10, 70, 20]);
    const q = page(['a a', 'b b'], [mm(120), auto]);
    expect(solveBands(q.rows, 100, PITCH, needs(q, { a: 1, b: 1 })).heights).toEqual([Math.floor((120 * PT_PER_MM) / PITCH), 100 - Math.floor((120 * PT_PER_MM) / PITCH)]);
  });

  it('a need spanning a fixed band is met in the last AUTO band it spans', () => {
    const p = page(['a b', 'a c'], [auto, percent(30)]);
    // a needs 70: band 1 is fixed at 30, so band 0 takes 40.
    expect(solveBands(p.rows, 100, PITCH, needs(p, { a: 70, b: 10, c: 10 })).heights).toEqual([70, 30]);
  });

  it('an article that jumps takes what the others leave: the band below it gets exactly what it needs', () => {
    // lead lead lead lead comm comm ×2, region ×6; lead goes on to a later page.
    const p = page(['lead lead lead lead comm comm', 'lead lead lead lead comm comm', 'region region region region region region'], [auto, auto, auto]);
    const solved = solveBands(p.rows, 102, PITCH, needs(p, { lead: 8, comm: 40, region: 45 }, ['lead']));
    expect(solved.heights).toEqual([0, 57, 45]);
    expect(solved.short).toBe(0);
  });

  it('without a jumping article the leftover goes to the last auto band, as before', () => {
    const p = page(['lead comm', 'lead comm', 'region region'], [auto, auto, auto]);
    expect(solveBands(p.rows, 102, PITCH, needs(p, { lead: 30, comm: 40, region: 45 })).heights).toEqual([0, 40, 62]);
  });

  it('an overfull page: every auto band gives up lines in proportion to its depth, and says how many lines the page lacked', () => {
    const p = page(['a a', 'b b', 'c c'], [auto, auto, auto]);
    const solved = solveBands(p.rows, 100, PITCH, needs(p, { a: 60, b: 30, c: 30 }));
    expect(solved.short).toBe(20);
    expect(solved.heights.reduce((x, y) => x + y, 0)).toBe(100);
    expect(solved.heights).toEqual([50, 25, 25]);
  });

  it('a page a little short: articles that can be set tighter (紧排) give up lines first, and no band is cut below it', () => {
    const p = page(['a a', 'b b', 'c c'], [auto, auto, auto]);
    // 102 lines needed, 100 available; a can be set in 58 lines.
    const solved = solveBands(p.rows, 100, PITCH, needs(p, { a: 60, b: 30, c: 12 }, [], { a: 58 }));
    expect(solved).toEqual({ heights: [58, 30, 12], short: 0 });
  });

  it('fixed bands deeper than the page give way from the foot up, each keeping a line', () => {
    const p = page(['a a', 'b b'], [mm(400), mm(400)]);
    const solved = solveBands(p.rows, 50, PITCH, needs(p, { a: 1, b: 1 }));
    expect(solved.heights.reduce((x, y) => x + y, 0)).toBe(50);
    expect(Math.min(...solved.heights)).toBeGreaterThanOrEqual(1);
  });
});
