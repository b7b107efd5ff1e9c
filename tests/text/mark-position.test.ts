/**
 * Traditional Chinese punctuation (src/text/cjk/mark-position.ts): in Taiwan and Hong Kong the
 * pause and stop marks 。，、；：！？ are centred in their em box (clreq
 * #h-glyphs_sizes_and_positions_in_character_faces_of_punctuation_marks), so a zh-Hant edition
 * sets each as a whole em — not an ink half and a blank half to trim or compress (reference §4
 * case 20) — in the TC faces, which draw them centred.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fontsForLanguage, loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { breakLines } from '../../src/linebreak/index.js';
import { DEFAULT_STYLE, DEFAULT_TYPOGRAPHY, type RoleStyle } from '../../src/model/index.js';
import { markPositionFor } from '../../src/text/cjk/mark-position.js';
import { makeTextOptions, type Item } from '../../src/text/index.js';
import { itemizeInlines } from '../../src/text/itemize.js';
import { Shaper } from '../../src/text/shape.js';

const FLUSH: RoleStyle = { ...DEFAULT_STYLE.body, indentEm: 0 };
const EM = FLUSH.size;
const STOPS = Array.from('。，、；：！？');

let fonts: FontBook;
beforeAll(() => {
  fonts = loadFontBook();
});

type BoxItem = Extract<Item, { kind: 'box' }>;
const textOf = (item: Item): string => (item.kind === 'box' && item.run ? item.run.glyphs.map((g) => g.text).join('') : '');

function itemize(text: string, language: string): Item[] {
  const shaper = new Shaper(fontsForLanguage(fonts, language), []);
  return itemizeInlines([{ kind: 'text', text }], FLUSH, shaper, makeTextOptions(DEFAULT_TYPOGRAPHY, language));
}

/** Centre of a glyph's ink in font units. */
function inkCentre(faceKey: string, ch: string): { x: number; y: number } {
  const face = fonts.face(faceKey);
  const box = face.font.glyphForCodePoint(ch.codePointAt(0)!).bbox;
  return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 };
}

describe('which languages centre their marks', () => {
  it.each(['zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK', 'zh-TW', 'zh-HK', 'zh-MO', 'ZH-hant'])('%s: centred', (tag) => {
    expect(markPositionFor(tag)).toBe('centre');
  });
  it.each(['zh-Hans', 'zh', 'zh-CN', 'zh-Hans-HK', 'en', 'ja'])('%s: in the corner', (tag) => {
    expect(markPositionFor(tag)).toBe('corner');
  });
});

describe('the faces', () => {
  it('zh-Hant sets every role in the TC faces', () => {
    const tc = fontsForLanguage(fonts, 'zh-Hant-TW');
    expect(tc.chain('body').map((f) => f.postscriptName)).toEqual(['NotoSerifTC-Regular', 'NotoSansTC-Regular']);
    expect(tc.chain('headline')[0].postscriptName).toBe('NotoSansTC-Bold');
    expect(fontsForLanguage(fonts, 'zh-Hans').chain('body')[0].postscriptName).toBe('NotoSerifSC-Regular');
  });

  it.each(STOPS)('the TC face draws %s centred in its em box; the SC face does not draw 。，、 so', (mark) => {
    // Noto CJK's em box: x 0–1000, y −120–880, centre (500, 380).
    const tc = inkCentre('song-tc', mark);
    expect(Math.abs(tc.x - 500)).toBeLessThan(110);
    expect(Math.abs(tc.y - 380)).toBeLessThan(110);
    if ('。，、'.includes(mark)) {
      const sc = inkCentre('song', mark);
      expect(sc.x).toBeLessThan(350);
      expect(sc.y).toBeLessThan(200);
    }
  });
});

describe('setting', () => {
  it('zh-Hant: each pause and stop mark is a whole em box, with no blank half to compress or trim', () => {
    const items = itemize('我們說：「好，走吧。」他笑了！', 'zh-Hant-TW');
    for (const mark of STOPS.filter((m) => '：，。！'.includes(m))) {
      const box = items.find((i): i is BoxItem => textOf(i) === mark)!;
      expect(box.width, mark).toBeCloseTo(EM, 6);
    }
    expect(items.some((i) => i.kind === 'glue' && (i.glue === 'pause-blank' || i.glue === 'stop-blank'))).toBe(false);
  });

  it('zh-Hans (the guard): the same text keeps the Mainland ink half and blank half', () => {
    const items = itemize('我们说：“好，走吧。”他笑了！', 'zh-Hans');
    const comma = items.find((i): i is BoxItem => textOf(i) === '，')!;
    expect(comma.width).toBeCloseTo(EM / 2, 6);
    expect(items.some((i) => i.kind === 'glue' && i.glue === 'pause-blank')).toBe(true);
  });

  it('zh-Hant: a full stop at a line end keeps its em (the centred mark is not trimmed)', () => {
    const items = itemize('一二三四五六七八九。十一二三四五六七八九十', 'zh-Hant');
    const lines = breakLines(items, 10 * EM);
    const first = items.slice(lines[0].start, lines[0].end).filter((i) => i.kind === 'box').map(textOf).join('');
    expect(first).toBe('一二三四五六七八九。');
    expect(lines[0].naturalWidth).toBeCloseTo(10 * EM, 6);
  });

  it('zh-Hant: half-width marks typed beside Han characters become full width, and are set centred, a whole em', () => {
    const items = itemize('他說,好吧!再見;', 'zh-Hant-HK');
    for (const mark of ['，', '！', '；']) expect(items.find((i): i is BoxItem => textOf(i) === mark)!.width, mark).toBeCloseTo(EM, 6);
    expect(items.some((i) => [',', '!', ';'].includes(textOf(i)))).toBe(false);
  });

  it('zh-Hant: the interpunct is a whole em, as in Taiwan and Hong Kong', () => {
    const items = itemize('約翰·史密斯', 'zh-Hant');
    expect(items.find((i): i is BoxItem => textOf(i) === '·')!.width).toBeCloseTo(EM, 6);
    const hans = itemize('约翰·史密斯', 'zh-Hans');
    expect(hans.find((i): i is BoxItem => textOf(i) === '·')!.width).toBeCloseTo(EM / 2, 6);
  });
});
