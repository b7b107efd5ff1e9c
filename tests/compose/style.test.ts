/** Edition style overrides (sizes in 号 or points) and the text-column width rule. */
import { describe, expect, it } from 'vitest';
import { pageGeometry } from '../../src/compose/geometry.js';
import { applyStyle, DEFAULT_STYLE, HAO, parseSize, rankedStyle, rankOf, STORY_RANKS } from '../../src/model/index.js';

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

  it('a new headline size moves every rank by the same factor: the ranks keep their order', () => {
    const style = applyStyle(DEFAULT_STYLE, { sizes: { headline: HAO.一号, kicker: HAO.四号 } });
    expect(style.ranks[1].headline).toBe(HAO.一号);
    expect(style.ranks[1].kicker).toBe(HAO.四号);
    for (const rank of STORY_RANKS) {
      expect(style.ranks[rank].headline).toBeCloseTo((DEFAULT_STYLE.ranks[rank].headline * HAO.一号) / HAO.小初, 9);
      expect(style.ranks[rank].headlineMin).toBeCloseTo((DEFAULT_STYLE.ranks[rank].headlineMin * HAO.一号) / HAO.小初, 9);
      expect(style.ranks[rank].subtitle).toBe(DEFAULT_STYLE.ranks[rank].subtitle);
    }
    expect(applyStyle(DEFAULT_STYLE, { sizes: { body: 10 } }).ranks).toBe(DEFAULT_STYLE.ranks);
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

describe('headline sizes by rank (头条, 二条, 三条, 简讯)', () => {
  const ranks = DEFAULT_STYLE.ranks;

  it('the default rank is what roles hold: the lead in 小初 under a 小三 kicker', () => {
    expect(ranks[1]).toEqual({ headline: HAO.小初, headlineMin: HAO.一号, kicker: HAO.小三, subtitle: HAO.小三 });
    expect(DEFAULT_STYLE.roles.headline.size).toBe(ranks[1].headline);
    expect(DEFAULT_STYLE.roles.kicker.size).toBe(ranks[1].kicker);
    expect(DEFAULT_STYLE.boxHeadline.size).toBe(ranks[3].headline);
  });

  it('a rank made as small as it may be is still no smaller than the next rank at its size', () => {
    for (const rank of [1, 2, 3] as const) {
      expect(ranks[rank].headlineMin).toBeGreaterThanOrEqual(ranks[(rank + 1) as 2 | 3 | 4].headline);
      expect(ranks[rank].headlineMin).toBeLessThan(ranks[rank].headline);
    }
  });

  it('kickers and subtitles are smaller by rank too, and well below their headline', () => {
    for (const rank of [1, 2, 3] as const) {
      const next = ranks[(rank + 1) as 2 | 3 | 4];
      expect(next.kicker).toBeLessThan(ranks[rank].kicker);
      expect(next.subtitle).toBeLessThan(ranks[rank].subtitle);
    }
    // Reference rule 36: 主题 at least two 号 grades above 引题/副题 (初号 → 小二 …): four steps
    // down the ladder 初号 小初 一号 小一 二号 …, where a 号 and its 小 are half a grade apart.
    const step = (size: number): number => Object.values(HAO).indexOf(size as never);
    for (const rank of STORY_RANKS) {
      expect(step(ranks[rank].kicker) - step(ranks[rank].headline)).toBeGreaterThanOrEqual(4);
      expect(step(ranks[rank].subtitle) - step(ranks[rank].headline)).toBeGreaterThanOrEqual(4);
    }
  });

  it('rankedStyle: the role’s face and leading ratio at the rank’s size; a box headline in the box face', () => {
    const head = rankedStyle(DEFAULT_STYLE, 'headline', 2, false);
    expect(head).toMatchObject({ font: 'headline', size: HAO.一号, minSize: HAO.小一, align: 'center' });
    expect(head.leading / head.size).toBeCloseTo(DEFAULT_STYLE.roles.headline.leading / DEFAULT_STYLE.roles.headline.size, 9);
    expect(rankedStyle(DEFAULT_STYLE, 'headline', 2, true)).toMatchObject({ font: 'box-headline', size: HAO.一号 });
    expect(rankedStyle(DEFAULT_STYLE, 'kicker', 4, false)).toMatchObject({ font: 'kicker', size: HAO.五号 });
    // {size=…}: that size, and no smaller.
    expect(rankedStyle(DEFAULT_STYLE, 'headline', 4, false, 28)).toMatchObject({ size: 28, minSize: 28 });
  });

  it('rankOf: the article’s rank, else 1 (a box: 3)', () => {
    expect(rankOf({ box: false })).toBe(1);
    expect(rankOf({ box: true })).toBe(3);
    expect(rankOf({ box: true, rank: 2 })).toBe(2);
  });
});
