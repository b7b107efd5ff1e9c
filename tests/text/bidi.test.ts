/** Right-to-left stretches in a left-to-right line (src/text/bidi.ts, a part of UAX #9). */
import { describe, expect, it } from 'vitest';
import { visualOrder } from '../../src/text/bidi.js';

const order = (text: string): number[] | undefined => visualOrder(Array.from(text));

describe('visualOrder', () => {
  it('is undefined for left-to-right text, whatever its script', () => {
    expect(order('党建abc😀，')).toBeUndefined();
    expect(order('')).toBeUndefined();
  });

  it('reverses an Arabic or Hebrew word (UAX #9 rule L2)', () => {
    expect(order('مرحبا')).toEqual([4, 3, 2, 1, 0]);
    expect(order('שלום')).toEqual([3, 2, 1, 0]);
  });

  it('reverses only the right-to-left stretch of a mixed run', () => {
    expect(order('ab\u05d0\u05d1c')).toEqual([0, 1, 3, 2, 4]);
  });

  it('a mark goes with the letter before it (W1); neutrals between two right-to-left letters turn with them (N1)', () => {
    expect(order('\u05d0\u05b7\u05d1')).toEqual([2, 1, 0]);
    expect(order('\u05d0-\u05d1')).toEqual([2, 1, 0]);
    expect(order('\u05d0-a')).toEqual([0, 1, 2]);
  });

  it('digits stay left to right', () => {
    expect(order('\u05d012')).toEqual([0, 1, 2]);
  });

  it('takes each glyph by its first visible character, with what it carries', () => {
    expect(visualOrder(['a', '\u05d0\u200b', '\u05d1'])).toEqual([0, 2, 1]);
  });
});
