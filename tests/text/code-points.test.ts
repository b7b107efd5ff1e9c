/** Code points counted and walked through UTF-16 (src/text/code-points.ts), as a string's iterator gives them. */
import { describe, expect, it } from 'vitest';
import { codePointCount, codePointLength } from '../../src/text/code-points.js';

/** The code points of `text` walked by index with codePointLength. */
function walked(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const length = codePointLength(text, i);
    out.push(text.slice(i, i + length));
    i += length;
  }
  return out;
}

describe('codePointLength', () => {
  const texts = ['', '中文', '𠀀𠀁', 'a𠀀b', '\ud800', '\udc00\ud800', 'x\ud800', '\ud800\ud800\udc00', '葛\u{e0100}', '１２３'];
  it.each(texts)('walks %j as its iterator does', (text) => {
    expect(walked(text)).toEqual(Array.from(text));
    expect(codePointCount(text)).toBe(Array.from(text).length);
  });

  it('is 2 only at a high surrogate with its low one after it', () => {
    expect(codePointLength('𠀀', 0)).toBe(2);
    expect(codePointLength('𠀀', 1)).toBe(1);
    expect(codePointLength('\ud800x', 0)).toBe(1);
    expect(codePointLength('\ud800', 0)).toBe(1);
  });
});
