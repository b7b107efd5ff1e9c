/**
 * Heads, bylines and captions break between words (src/text/cjk/words.ts: ICU's dictionary via
 * Intl.Segmenter, names and numbers with their units joined after it): 民生, 吞吐, 主体, 宋涛 and
 * 3月17日 stay whole on their line. A word wider than the line still breaks; body text still
 * breaks between any two Han characters.
 */
import { describe, expect, it } from 'vitest';
import { setLines } from '../../src/compose/slabs.js';
import { LineCache } from '../../src/compose/line-cache.js';
import { DEFAULT_STYLE, type RoleStyle } from '../../src/model/index.js';
import { makeWordSegmenter, wordInteriors } from '../../src/text/cjk/words.js';
import { DEFAULT_TYPOGRAPHY } from '../../src/model/index.js';
import { makeTextOptions, type Item, type SetText } from '../../src/text/index.js';
import { itemizeText } from '../helpers/set-paragraph.js';

const segmenter = makeWordSegmenter();

/** The text with `|` at every gap that is not inside a word. */
function words(text: string): string {
  const chars = Array.from(text);
  const inside = wordInteriors(chars, segmenter);
  return chars.map((ch, i) => (i > 0 && !inside[i] ? `|${ch}` : ch)).join('');
}

describe('word boundaries', () => {
  it('ICU’s dictionary words: 保障|和|改善|民生, 港口|吞吐量, 市场|主体', () => {
    expect(words('保障和改善民生')).toBe('保障|和|改善|民生');
    expect(words('港口吞吐量创新高')).toBe('港口|吞吐量|创新|高');
    expect(words('激发市场主体活力')).toBe('激发|市场|主体|活力');
  });

  it('a name ICU does not know, which it splits into characters, is one word: 宋涛, 沈童睿', () => {
    expect(words('宋涛 摄')).toBe('宋涛| |摄');
    expect(words('本报记者 沈童睿')).toBe('本报记者| |沈童睿');
  });

  it('a number with its unit is one word, and a date chained on: 3月17日, 5个', () => {
    expect(words('3月17日')).toBe('3月17日');
    expect(words('2024年11月24日')).toBe('2024年11月24日');
    expect(words('5个国家')).toBe('5个|国家');
  });

  it('counts code points: an Ext-B character is one', () => {
    const chars = Array.from('𠀀民生');
    expect(wordInteriors(chars, segmenter)).toHaveLength(4);
  });
});

/** Lines of a head as the page builder sets it (src/compose/slabs.ts), as text. */
function head(text: string, style: RoleStyle, widthEm: number): string[] {
  const items = itemizeText(text, { style, align: style.align });
  const set: SetText = { style, items, text, lineBreaking: DEFAULT_TYPOGRAPHY.linebreak };
  return setLines(set, widthEm * style.size, new LineCache()).map((line) => {
    let out = '';
    for (let i = line.start; i < line.end; i++) {
      const item = items[i];
      if (item.kind === 'box' && item.run) out += item.run.glyphs.map((g) => g.text).join('');
      if (item.kind === 'glue' && item.run) out += item.run.glyphs.map((g) => g.text).join('');
    }
    return out;
  });
}

/** Widest line of a head, in ems of its size. */
function widest(text: string, style: RoleStyle, widthEm: number): number {
  const items = itemizeText(text, { style, align: style.align });
  const set: SetText = { style, items, text, lineBreaking: DEFAULT_TYPOGRAPHY.linebreak };
  return Math.max(...setLines(set, widthEm * style.size, new LineCache()).map((l) => l.naturalWidth / style.size));
}

const { headline, subtitle, byline, kicker } = DEFAULT_STYLE.roles;
const caption = DEFAULT_STYLE.caption;

describe('a narrow head breaks between words, never inside one', () => {
  // Heads are ragged and may be as narrow as a few characters; a caption is justified under a
  // photo at least a column (13 body characters, 14½ of its own) wide.
  const cases: readonly [string, RoleStyle, number, readonly string[]][] = [
    ['保障和改善民生', headline, 4, ['民生', '保障', '改善']],
    ['港口吞吐量创新高', headline, 4, ['吞吐', '港口', '创新']],
    ['激发市场主体活力', kicker, 4, ['主体', '市场', '活力']],
    ['3月17日召开全体会议', subtitle, 4, ['3月17日', '召开', '全体', '会议']],
    ['本报记者 宋涛', byline, 4, ['宋涛', '本报记者']],
    ['3月17日，游客在南京玄武湖公园赏花踏青，感受春日美好时光。宋涛 摄', caption, 10, ['宋涛', '3月17日', '游客', '公园', '玄武湖', '赏花', '踏青', '感受', '美好', '时光']],
  ];

  it.each(cases)('%s', (text, style, narrowest, whole) => {
    for (let w = narrowest; w <= narrowest + 8; w++) {
      const lines = head(text, style, w);
      expect(lines.join('').replace(/ /g, ''), `${w} em`).toBe(text.replace(/ /g, ''));
      for (const word of whole) {
        // a word that fits the line is never split across two
        if (word.length <= w) expect(lines.some((l) => l.includes(word)), `${word} split at ${w} em: ${lines.join('|')}`).toBe(true);
      }
    }
  });

  it('in a head, a break inside a word costs more than one between words of a phrase', () => {
    expect(headline.wordBreakPenalty).toBeGreaterThan(headline.phraseBreakPenalty);
    expect(caption.wordBreakPenalty).toBeGreaterThan(0);
    expect(byline.wordBreakPenalty).toBeGreaterThan(0);
  });
});

describe('a word wider than the line still breaks rather than running past it', () => {
  it('a Chinese word: 中华人民共和国 at 3 em', () => {
    const lines = head('中华人民共和国', headline, 3);
    expect(lines.join('')).toBe('中华人民共和国');
    expect(widest('中华人民共和国', headline, 3)).toBeLessThanOrEqual(3);
  });

  it('a Latin headline: Pneumonoultramicroscopic at 4 em, International Cooperation at 4 em', () => {
    for (const text of ['Pneumonoultramicroscopic', 'International Cooperation']) {
      const lines = head(text, headline, 4);
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      expect(widest(text, headline, 4)).toBeLessThanOrEqual(4 + 1e-9);
    }
  });

  it('International Cooperation breaks at its word space when each word fits', () => {
    expect(head('International Cooperation', headline, 8)).toEqual(['International', 'Cooperation']);
  });
});

describe('body text is not segmented', () => {
  it('a paragraph has no word penalties: any two Han characters may part (clreq)', () => {
    expect(DEFAULT_STYLE.body.wordBreakPenalty).toBe(0);
    const items: Item[] = itemizeText('保障和改善民生，港口吞吐量创新高');
    expect(items.some((i) => i.kind === 'penalty' && i.penalty > 0 && i.penalty < 10_000)).toBe(false);
  });

  it('the segmenter comes with the text options, once per build, and is ICU\'s Chinese dictionary', () => {
    const options = makeTextOptions(DEFAULT_TYPOGRAPHY);
    const icu = new Intl.Segmenter('zh', { granularity: 'word' });
    for (const text of ['保障和改善民生，港口吞吐量创新高', '本报记者 宋涛', '𠀀字😀']) {
      expect(options.words.segmentEnds(text)).toEqual(Array.from(icu.segment(text), (s) => s.index + s.segment.length));
    }
  });
});
