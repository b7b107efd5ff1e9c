/**
 * Page geometry (src/compose/geometry.ts): the type area (版心) as a grid of columns a whole
 * number of characters wide and lines on one pitch (clreq #considerations_in_designing_type_area,
 * #main_elements_of_basic_composition; reference §2.1: broadsheet 8 columns of 13 小五).
 */
import { describe, expect, it } from 'vitest';
import { baselineIn, EM_BOX_ASCENT, pageGeometry, PT_PER_MM } from '../../src/compose/geometry.js';
import { DEFAULT_STYLE } from '../../src/model/index.js';

describe('broadsheet, 8 columns, default style', () => {
  const g = pageGeometry({ kind: 'named', name: 'broadsheet' }, 8, DEFAULT_STYLE);

  it('columns of 13 characters of 9 pt, 1-character gutters', () => {
    expect(g.em).toBe(9);
    expect(g.columns).toBe(8);
    expect(g.columnChars).toBe(13);
    expect(g.columnWidth).toBe(117);
    expect(g.gutter).toBe(9);
  });

  it('type area width = 8 × 13 × 9 + 7 × 9 = 999 pt, a whole number of characters (111)', () => {
    expect(g.width).toBe(8 * 13 * 9 + 7 * 9);
    expect(g.width).toBe(999);
    expect(g.width / g.em).toBe(111);
  });

  it('line pitch 13.5 pt (9 pt + 50 % gap), type area height a whole number of pitches (102 lines)', () => {
    expect(g.pitch).toBe(13.5);
    expect(Number.isInteger(g.height / g.pitch)).toBe(true);
    expect(g.height / g.pitch).toBe(102);
    expect(g.height).toBeLessThanOrEqual(490 * PT_PER_MM);
    expect(g.height + g.pitch).toBeGreaterThan(490 * PT_PER_MM);
  });

  it('the page is 390 × 550 mm and the type area is centred on it', () => {
    expect(g.pageWidth).toBeCloseTo(390 * PT_PER_MM, 9);
    expect(g.pageHeight).toBeCloseTo(550 * PT_PER_MM, 9);
    expect(g.left).toBeCloseTo((g.pageWidth - g.width) / 2, 9);
    expect(g.top).toBeCloseTo((g.pageHeight - g.height) / 2, 9);
    expect(g.width).toBeLessThanOrEqual(353 * PT_PER_MM);
  });
});

describe('column width follows the type area', () => {
  it('a tabloid of 6 columns narrows its columns to whole characters: 12 (245 mm cannot hold 6 × 13 + 5)', () => {
    const g = pageGeometry({ kind: 'named', name: 'tabloid' }, 6, DEFAULT_STYLE);
    // (694.5 pt + 9) / 6 − 9 = 108.25 pt = 12.03 characters
    expect(g.columnChars).toBe(12);
    expect(g.columnWidth).toBe(108);
    expect(g.width).toBe(6 * 108 + 5 * 9);
    expect(g.width).toBeLessThanOrEqual(245 * PT_PER_MM);
  });

  it('never wider than the style’s column (a wide custom page keeps 13 characters)', () => {
    const g = pageGeometry({ kind: 'custom', widthMm: 1000, heightMm: 600 }, 4, DEFAULT_STYLE);
    expect(g.columnChars).toBe(13);
    expect(g.width).toBe(4 * 117 + 3 * 9);
  });
});

describe('baselineIn: a line centred in its slot on the ideographic em box', () => {
  it('body line in a 13.5 pt slot: (13.5 − 9) / 2 + 0.88 × 9 = 10.17', () => {
    expect(EM_BOX_ASCENT).toBe(0.88);
    expect(baselineIn(0, 13.5, 9)).toBeCloseTo(10.17, 12);
    expect(baselineIn(100, 13.5, 9)).toBeCloseTo(110.17, 12);
  });
});
