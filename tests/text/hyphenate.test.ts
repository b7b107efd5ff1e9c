/**
 * Latin words among Chinese text (src/text/hyphenate.ts): Liang's en-us patterns with TeX's
 * limits, discretionary hyphens as flagged penalties, and the word spaces' space glyphs.
 */
import { describe, expect, it } from 'vitest';
import { HYPHEN_PENALTY, discretionaries, syllables } from '../../src/text/hyphenate.js';
import type { Item } from '../../src/text/index.js';
import { itemizeText, setParagraph } from '../helpers/set-paragraph.js';

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

describe('discretionaries', () => {
  const run = (text: string) => ({ face: 'song', size: 9, style: 'plain' as const, glyphs: Array.from(text, (ch, i) => ({ id: i + 1, dx: i * 5, text: ch })) });

  it('a word box becomes syllable boxes with a flagged penalty carrying the hyphen between them', () => {
    const word = { kind: 'box' as const, width: 55, run: run('hyphenation') };
    const hyphen = { face: 'song', size: 9, style: 'plain' as const, glyphs: [{ id: 99, dx: 0, text: '-' }] };
    const items = discretionaries(word, ['hy', 'phen', 'ation'], hyphen, 3);
    expect(items.map((i) => i.kind)).toEqual(['box', 'penalty', 'box', 'penalty', 'box']);
    const boxes = items.filter((i): i is Extract<Item, { kind: 'box' }> => i.kind === 'box');
    expect(boxes.map((b) => b.width)).toEqual([10, 20, 25]);
    expect(boxes.map((b) => b.run!.glyphs.map((g) => g.text).join(''))).toEqual(['hy', 'phen', 'ation']);
    expect(boxes[1].run!.glyphs.map((g) => g.dx)).toEqual([0, 5, 10, 15]);
    expect(items[1]).toEqual({ kind: 'penalty', width: 3, penalty: HYPHEN_PENALTY, flagged: true, run: hyphen });
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
    const glyphTexts = lines.flatMap((l) => l.ops.flatMap((op) => (op.op === 'glyphs' ? op.glyphs.map((g) => g.text) : [])));
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
