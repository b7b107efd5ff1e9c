/** Edition style overrides (sizes in 号 or points) and the text-column width rule. */
import { describe, expect, it } from 'vitest';
import { pageGeometry } from '../../src/compose/geometry.js';
import { applyStyle, DEFAULT_STYLE, parseSize } from '../../src/model/index.js';

describe('sizes in 号 or points', () => {
  it('reads 号 names, points and plain numbers', () => {
    expect(parseSize('小五')).toBe(9);
    expect(parseSize('五号')).toBe(10.5);
    expect(parseSize('六号')).toBe(7.5);
    expect(parseSize('小初')).toBe(36);
    expect(parseSize('9pt')).toBe(9);
    expect(parseSize('10.5 pt')).toBe(10.5);
    expect(parseSize(12)).toBe(12);
    expect(parseSize('大号')).toBeUndefined();
    expect(parseSize('9mm')).toBeUndefined();
  });
});

describe('applyStyle', () => {
  it('a 五号 body keeps the 1.5 pitch ratio; roles on the grid follow the new pitch', () => {
    const style = applyStyle(DEFAULT_STYLE, { sizes: { body: 10.5, headline: 26 } });
    expect(style.body.size).toBe(10.5);
    expect(style.body.leading).toBeCloseTo(15.75, 9);
    expect(style.roles.note.leading).toBeCloseTo(15.75, 9); // set on the body grid
    expect(style.roles.headline.size).toBe(26);
    expect(style.roles.headline.leading).toBeCloseTo(26 * 1.25, 9);
  });

  it('changes the grid: 11 characters a column at leading 1.6', () => {
    const style = applyStyle(DEFAULT_STYLE, { sizes: {}, columnChars: 11, leading: 1.6 });
    expect(style.body.leading).toBeCloseTo(14.4, 9);
    const g = pageGeometry({ kind: 'named', name: 'broadsheet' }, 8, style);
    expect(g.columnChars).toBe(11);
    expect(g.width).toBe(8 * 11 * 9 + 7 * 9);
    expect(g.pitch).toBeCloseTo(14.4, 9);
  });

  it('without overrides the style is unchanged', () => {
    expect(applyStyle(DEFAULT_STYLE, undefined)).toBe(DEFAULT_STYLE);
  });
});

describe('page geometry for other sizes', () => {
  it('A4 with 8 columns gets narrow basic columns (the text-column rule then joins them)', () => {
    const g = pageGeometry({ kind: 'named', name: 'A4' }, 8, DEFAULT_STYLE);
    expect(g.columnChars).toBe(Math.floor(((186 * 72) / 25.4 + 9) / 8 / 9 - 1));
    expect(g.columnChars).toBeLessThan(DEFAULT_STYLE.textColumnChars.min);
  });

  it('tabloid: 6 columns of 12 characters fit its 245 mm type area', () => {
    const g = pageGeometry({ kind: 'named', name: 'tabloid' }, 6, DEFAULT_STYLE);
    expect(g.columnChars).toBe(12);
    expect(g.width).toBe(6 * 12 * 9 + 5 * 9);
    expect(g.pageWidth).toBeCloseTo((275 * 72) / 25.4, 6);
  });
});
