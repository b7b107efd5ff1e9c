/**
 * Visible characters of a stretch of items (src/compose/line-chars.ts): what visibleChars gives
 * for the glyph texts joined, without joining them.
 */
import { describe, expect, it } from 'vitest';
import { itemChars } from '../../src/compose/line-chars.js';
import { visibleChars } from '../../src/compose/slabs.js';
import type { SetText } from '../../src/text/index.js';

/** A set text whose items are boxes of one glyph run each, a glue between two. */
function setOf(texts: readonly (readonly string[])[]): SetText {
  const items = texts.flatMap((run, i) => [
    ...(i > 0 ? [{ kind: 'glue' as const, width: 1, stretch: 0, shrink: 0 }] : []),
    { kind: 'box' as const, width: 10, run: { face: 'song', size: 10, style: 'plain' as const, glyphs: run.map((text, g) => ({ id: g + 1, dx: g, text })) } },
  ]);
  return { items } as unknown as SetText;
}

const joined = (texts: readonly (readonly string[])[]): number => visibleChars(texts.flat().join(''));

describe('itemChars', () => {
  it('skips every unit /\\s/ matches, and only those', () => {
    const differ: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const text = [[String.fromCharCode(unit)]];
      if (itemChars(setOf(text), 0, 1) !== (/\s/.test(String.fromCharCode(unit)) ? 0 : 1)) differ.push(unit);
    }
    expect(differ).toEqual([]);
  });

  it('counts as the joined text counts: pairs of surrogates, across glyphs and white space too', () => {
    const cases: string[][][] = [
      [['党', '建'], ['，'], ['A', 'B', ' ', 'C']],
      [['𠀀', '中'], ['\u3000', '国']],
      [['\ud840'], ['\udc00']],
      [['\ud840', ' '], ['\udc00', '\udc00']],
      [['\ud840\ud840\udc00'], ['\udc01']],
      [['a\u200bb', '\ufeff']],
      [[]],
    ];
    for (const texts of cases) expect(itemChars(setOf(texts), 0, 2 * texts.length - 1), JSON.stringify(texts)).toBe(joined(texts));
    // A stretch counts its own items only.
    expect(itemChars(setOf(cases[0]), 2, 5)).toBe(joined(cases[0].slice(1)));
  });

  it('agrees with the joined text on 5,000 random runs', () => {
    const pool = ['党', '，', ' ', '\u3000', '\n', 'a', '𠀀', '\ud840', '\udc00', '\u200b', '\ufeff', '\u00a0', '\u2028'];
    let seed = 3;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let t = 0; t < 5000; t++) {
      const texts = Array.from({ length: 1 + random(4) }, () => Array.from({ length: random(4) }, () => Array.from({ length: 1 + random(3) }, () => pool[random(pool.length)]).join('')));
      expect(itemChars(setOf(texts), 0, 2 * texts.length - 1)).toBe(joined(texts));
    }
  });
});
