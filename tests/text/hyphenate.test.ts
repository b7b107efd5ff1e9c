/**
 * Latin words among Chinese text (src/text/hyphenate.ts): Liang's en-us patterns with TeX's
 * limits, discretionary hyphens as flagged penalties, and the word spaces' space glyphs.
 */
import { describe, expect, it } from 'vitest';
import { HYPHEN_PENALTY, syllables } from '../../src/text/hyphenate.js';
import { splitToken } from '../../src/text/split-token.js';
import { TOKEN_BREAK_PENALTY } from '../../src/text/token-breaks.js';
import type { Item } from '../../src/text/index.js';
import { itemizeText, setParagraph } from '../helpers/set-paragraph.js';
import { glyphList } from '../../src/render/placed-glyphs.js';

describe('syllables', () => {
  it('splits where the patterns allow, at least 2 letters before and 3 after a break', () => {
    expect(syllables('hyphenation')).toEqual(['hy', 'phen', 'ation']);
    // the patterns give tech-nol-o-gy; -gy would leave 2 letters, so o and gy stay together
    expect(syllables('technology')).toEqual(['tech', 'nol', 'ogy']);
    expect(syllables('Shenzhen')).toEqual(['Shen', 'zhen']);
  });

  it('leaves short words, names with inner capitals, acronyms and words with digits whole', () => {
    for (const word of ['China', 'WeChat', 'iPhone', 'COVID', 'UNESCO', 'G20summit', 'e-commerce']) expect(syllables(word)).toEqual([word]);
  });
});

describe('splitToken', () => {
  const run = (text: string) => ({ face: 'song', size: 9, style: 'plain' as const, glyphs: Array.from(text, (ch, i) => ({ id: i + 1, dx: i * 5, text: ch })) });

  it('a word box becomes its letters’ boxes: a flagged penalty carrying the hyphen between syllables, a last-resort break between other letters', () => {
    const word = { kind: 'box' as const, width: 55, run: run('hyphenation') };
    const hyphen = { run: { face: 'song', size: 9, style: 'plain' as const, glyphs: [{ id: 99, dx: 0, text: '-' }] }, width: 3 };
    const items = splitToken(word, 'hyphenation', ['hy', 'phen', 'ation'], hyphen);
    const boxes = items.filter((i): i is Extract<Item, { kind: 'box' }> => i.kind === 'box');
    expect(boxes.map((b) => b.run!.glyphs.map((g) => g.text).join(''))).toEqual(Array.from('hyphenation'));
    expect(boxes.map((b) => b.width)).toEqual(new Array(11).fill(5));
    expect(boxes.every((b) => b.run!.glyphs[0].dx === 0)).toBe(true);
    const penalties = items.filter((i): i is Extract<Item, { kind: 'penalty' }> => i.kind === 'penalty');
    expect(penalties).toHaveLength(10);
    expect(penalties[1]).toEqual({ kind: 'penalty', width: 3, penalty: HYPHEN_PENALTY, flagged: true, run: hyphen.run }); // hy|phen
    expect(penalties[5]).toEqual({ kind: 'penalty', width: 3, penalty: HYPHEN_PENALTY, flagged: true, run: hyphen.run }); // phen|ation
    for (const k of [0, 2, 3, 4, 6, 7, 8, 9]) expect(penalties[k]).toEqual({ kind: 'penalty', width: 0, penalty: TOKEN_BREAK_PENALTY.anywhere, flagged: false });
    // each break is followed by a zero-width letter space, the emergency stretch of the line breaker
    for (let i = 1; i < items.length; i += 3) expect(items[i + 1]).toMatchObject({ kind: 'glue', width: 0, shrink: 0, glue: 'letter-space', emergency: true });
  });

  it('a word of one glyph stays one box', () => {
    const word = { kind: 'box' as const, width: 5, run: run('a') };
    expect(splitToken(word, 'a', ['a'])).toEqual([word]);
  });
});

describe('a paragraph with long English words in a narrow column', () => {
  const text = '据外电报道，多家 technology companies 宣布扩大对 telecommunications 的投资。';

  it('breaks a word at a hyphen when that keeps the lines even; the line ends in the hyphen at the measure', () => {
    const lines = setParagraph(text, 11);
    const hyphenated = lines.filter((l) => l.text.endsWith('-'));
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const line of hyphenated) expect(line.end).toBeCloseTo(11, 6);
    // Joined back, the words are whole: nothing lost, nothing but the hyphens added.
    const joined = lines.map((l) => l.text).join('').replace(/-/g, '');
    expect(joined).toBe(text);
  });

  it('word spaces carry the space glyph, drawn between the words', () => {
    const lines = setParagraph(text, 40);
    const glyphTexts = lines.flatMap((l) => l.ops.flatMap((op) => (op.op === 'glyphs' ? glyphList(op.glyphs).map((g) => g.text) : [])));
    expect(glyphTexts.join('')).toContain('technology companies');
  });

  it('a head (centred) keeps its words whole', () => {
    expect(itemizeText(text, { align: 'center', style: { align: 'center' } }).some((i) => i.kind === 'penalty' && i.flagged)).toBe(false);
  });

  it('with hyphenate off there are no discretionary hyphens', () => {
    expect(itemizeText(text, { typography: { hyphenate: false } }).some((i) => i.kind === 'penalty' && i.flagged)).toBe(false);
    expect(itemizeText(text).filter((i) => i.kind === 'penalty' && i.flagged).length).toBeGreaterThan(3);
  });
});
