/** Invisible characters (src/text/ignorable.ts): Unicode's Default_Ignorable_Code_Point and what each does. */
import { describe, expect, it } from 'vitest';
import { baseOf, breakControl, isDefaultIgnorable, isVariationSelector, withoutBreakControls, withoutIgnorables } from '../../src/text/ignorable.js';

const cp = (n: number): string => String.fromCodePoint(n);

describe('Default_Ignorable_Code_Point (Unicode §5.21)', () => {
  it('holds the invisible format characters, variation selectors and tags', () => {
    for (const n of [0xad, 0x34f, 0x61c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x202b, 0x2060, 0x2066, 0xfe00, 0xfe0f, 0xfeff, 0xe0001, 0xe0100, 0xe01ef]) {
      expect(isDefaultIgnorable(cp(n)), n.toString(16)).toBe(true);
    }
  });

  it('does not hold spaces, combining marks, letters or symbols', () => {
    for (const n of [0x20, 0xa0, 0x3000, 0x301, 0x323, 0x41, 0x4e2d, 0x1f600, 0xac]) {
      expect(isDefaultIgnorable(cp(n)), n.toString(16)).toBe(false);
    }
  });

  it('answers every code point as the Unicode property does, those it answers without asking too', () => {
    const property = /^\p{Default_Ignorable_Code_Point}$/u;
    const differ: string[] = [];
    for (let n = 0; n <= 0x10ffff; n++) {
      if (n >= 0xd800 && n <= 0xdfff) continue;
      const ch = cp(n);
      if (isDefaultIgnorable(ch) !== property.test(ch)) differ.push(n.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('knows the variation selectors among them (Unicode §23.4)', () => {
    expect([0xfe0f, 0xe0100, 0x180b].map((n) => isVariationSelector(cp(n)))).toEqual([true, true, true]);
    expect([0x200d, 0x200b].map((n) => isVariationSelector(cp(n)))).toEqual([false, false]);
  });
});

describe('break controls (UAX #14 ZW, WJ, BA)', () => {
  it('ZWSP allows a break, WJ and U+FEFF forbid one, SHY is a hyphen; the others steer nothing', () => {
    expect(breakControl('\u200b')).toBe('break');
    expect(breakControl('\u2060')).toBe('no-break');
    expect(breakControl('\ufeff')).toBe('no-break');
    expect(breakControl('\u00ad')).toBe('hyphen');
    expect(breakControl('\u200d')).toBeUndefined();
    expect(breakControl('\ufe0f')).toBeUndefined();
  });

  it('leave the text the PDF gives back; joiners and selectors stay in it', () => {
    expect(withoutBreakControls('零\u200b宽\u2060空\ufeff格hy\u00adphen')).toBe('零宽空格hyphen');
    expect(withoutBreakControls('葛\u{e0100}a\u200db')).toBe('葛\u{e0100}a\u200db');
    // One character at a time, as the PDF asks for a glyph's text.
    for (const control of ['\u200b', '\u2060', '\ufeff', '\u00ad']) expect(withoutBreakControls(control)).toBe('');
    for (const kept of ['零', 'a', '\u200d', '\ufe0f', '。']) expect(withoutBreakControls(kept)).toBe(kept);
  });
});

describe('text helpers', () => {
  it('the character a text sets is its first visible one', () => {
    expect(baseOf('\ufeff段')).toBe('段');
    expect(baseOf('零\u200b')).toBe('零');
    expect(baseOf('\u200b\u2060')).toBeUndefined();
  });

  it('withoutIgnorables keeps what shows', () => {
    expect(withoutIgnorables('\ufeff零\u200b宽a\u0323\u{1f600}\ufe0f')).toBe('零宽a\u0323\u{1f600}');
  });
});
