/** Right-to-left stretches in a left-to-right line (src/text/bidi.ts, a part of UAX #9). */
import { describe, expect, it } from 'vitest';
import { visualOrder } from '../../src/text/bidi.js';
import { isDefaultIgnorable } from '../../src/text/ignorable.js';

const order = (text: string): number[] | undefined => visualOrder(Array.from(text));

describe('visualOrder', () => {
  it('is undefined for left-to-right text, whatever its script', () => {
    expect(order('党建abc😀，')).toBeUndefined();
    expect(order('')).toBeUndefined();
  });

  it('finds every right-to-left letter, whatever its block: each code point asked', () => {
    // The scripts bidi.ts takes as right to left, digits and combining marks apart (UAX #9 §3.2,
    // Bidi_Class R and AL; a mark takes the direction before it, rule W1).
    const rightToLeft = /^[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Yezidi}]$/u;
    const digit = /^\p{Nd}$/u;
    const mark = /^\p{M}$/u;
    const differ: string[] = [];
    for (let n = 0; n <= 0x10ffff; n++) {
      if (n >= 0xd800 && n <= 0xdfff) continue;
      const ch = String.fromCodePoint(n);
      // Two of one right-to-left letter are reversed; anything else keeps its order.
      const reversed = visualOrder([ch, ch]) !== undefined;
      // An invisible character (U+061C ARABIC LETTER MARK) has no base of its own (ignorable.ts).
      const letter = rightToLeft.test(ch) && !digit.test(ch) && !mark.test(ch) && !isDefaultIgnorable(ch);
      if (reversed !== letter) differ.push(n.toString(16));
    }
    expect(differ).toEqual([]);
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
