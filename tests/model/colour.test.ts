import { describe, expect, it } from 'vitest';
import { fromPercentages, isPureBlack, makePalette, naiveRgb, parseColourRef, PURE_K, resolveColour, rgbHex } from '../../src/model/colour.js';

describe('colour uses: name, tint', () => {
  it('reads a name, a name with a tint, and a bare tint of black', () => {
    expect(parseColourRef('red')).toEqual({ name: 'red', tint: 1 });
    expect(parseColourRef('red:15%')).toEqual({ name: 'red', tint: 0.15 });
    expect(parseColourRef('party-red:7.5%')).toEqual({ name: 'party-red', tint: 0.075 });
    expect(parseColourRef('black:10%')).toEqual({ name: 'black', tint: 0.1 });
    expect(parseColourRef('10%')).toEqual({ name: 'black', tint: 0.1 });
  });

  it('refuses what is not a colour use: no tint of nothing, none above 100%, no stray signs', () => {
    for (const bad of ['', 'red:', 'red15%', 'red:0%', 'red:120%', 'Red', '#ff0000', 'red:15', '0%', 'red:-5%', 'red blue']) expect(parseColourRef(bad), bad).toBeUndefined();
  });
});

describe('resolving against the palette', () => {
  const palette = makePalette({ red: fromPercentages([0, 100, 100, 0]), blue: fromPercentages([100, 60, 0, 0]) });

  it('always has black as pure K, and the named colours as given', () => {
    expect(palette.get('black')).toEqual(PURE_K);
    expect(isPureBlack(palette.get('black')!)).toBe(true);
    expect(resolveColour({ name: 'red', tint: 1 }, palette)).toEqual({ space: 'cmyk', c: 0, m: 1, y: 1, k: 0 });
  });

  it('scales every channel by the tint: 10% K, 15% of red', () => {
    expect(resolveColour({ name: 'black', tint: 0.1 }, palette)).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 0.1 });
    expect(resolveColour({ name: 'red', tint: 0.15 }, palette)).toEqual({ space: 'cmyk', c: 0, m: 0.15, y: 0.15, k: 0 });
    expect(resolveColour({ name: 'blue', tint: 0.1 }, palette)).toEqual({ space: 'cmyk', c: 0.1, m: 0.06, y: 0, k: 0 });
  });

  it('converts to RGB naively for screens and CSS', () => {
    expect(naiveRgb(PURE_K)).toEqual([0, 0, 0]);
    expect(rgbHex(resolveColour({ name: 'red', tint: 1 }, palette))).toBe('#ff0000');
    expect(rgbHex(resolveColour({ name: 'black', tint: 0.1 }, palette))).toBe('#e6e6e6');
    expect(rgbHex(fromPercentages([0, 0, 0, 0]))).toBe('#ffffff');
  });
});
