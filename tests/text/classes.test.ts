/**
 * The character classes (src/text/cjk/classes.ts): `classify` answers ideographs by their code
 * before it looks marks up, so it is held here to the classes as the tables state them, for
 * every code point of the BMP and the supplementary ideographic planes.
 */
import { describe, expect, it } from 'vitest';
import { classify, type CharClass } from '../../src/text/cjk/classes.js';

/** clreq's tables and GB/T 15834 §5.1, written out again: the marks first, in classify's order. */
const MARKS: readonly [string, CharClass][] = [
  ['“‘（《〈【〖〔［｛「『〘', 'opening'],
  ['”’）》〉】〗〕］｝」』〙', 'closing'],
  ['、，。．：；？！', 'stop'],
  ['·・', 'middle'],
  ['—⸺', 'dash'],
  ['…⋯', 'ellipsis'],
  ['–～〜', 'connector'],
];

function stated(ch: string): CharClass {
  for (const [marks, cls] of MARKS) if (marks.includes(ch)) return cls;
  if (ch === ' ' || ch === '\u00a0' || ch === '\t' || ch === '\u3000') return 'space';
  const cp = ch.codePointAt(0)!;
  const wide =
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x3200 && cp <= 0x33ff) ||
    (cp >= 0x2460 && cp <= 0x24ff);
  return wide ? 'han' : 'western';
}

describe('classify', () => {
  it('gives every code point up to U+3FFFF the class the tables state', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x3ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // surrogates are no characters
      const ch = String.fromCodePoint(cp);
      if (classify(ch) !== stated(ch)) wrong.push(`U+${cp.toString(16).toUpperCase()}: ${classify(ch)}, not ${stated(ch)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('sets the marks among the ideographs apart: 〇 and ideographic space', () => {
    expect(classify('〇')).toBe('han');
    expect(classify('\u3000')).toBe('space');
    expect(classify('中')).toBe('han');
    expect(classify('㐀')).toBe('han'); // Ext A
    expect(classify('𠀀')).toBe('han'); // Ext B
    expect(classify('A')).toBe('western');
  });
});
