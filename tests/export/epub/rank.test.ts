/**
 * The story's rank in the e-book (src/export/epub/rank-css.ts): the article carries its rank as
 * a class, the stylesheet sizes each rank's headline block in the e-book's scale, and a
 * headline's own {size=…} becomes its style.
 */
import { describe, expect, test } from 'vitest';
import { renderChapter, type ChapterContext } from '../../../src/export/epub/chapter.js';
import { ebookEm, HEAD_EM, rankCss } from '../../../src/export/epub/rank-css.js';
import { ignoreGlyphs } from '../../../src/export/epub/roles.js';
import { DEFAULT_STYLE, HAO, STORY_RANKS } from '../../../src/model/index.js';
import { article, parseFiles, pageFile } from '../../helpers/edition.js';

const ctx: ChapterContext = { lang: 'zh-Hans', title: '测试', normalize: (t) => t, glyphs: ignoreGlyphs, imageHref: () => '' };

const articles = parseFiles({
  '11.md': pageFile({ page: 11, areas: ['a a b b c c'] }, [
    article('a', ['# 党建聚合力', '正文。']),
    article('b', ['# 全省新增充电桩三万个', '正文。'], { rank: 4 }),
    article('c', ['# 看准了就坚定不移抓 {size=一号}', '正文。'], { box: true, rank: 2 }),
  ]),
}).pages[0].articles;

describe('rank in the EPUB', () => {
  test('the article carries its rank as a class (none when the page gives none)', () => {
    expect(renderChapter(articles[0], ctx)).toContain('<article>\n');
    expect(renderChapter(articles[1], ctx)).toContain('<article class="rank-4">\n');
    expect(renderChapter(articles[2], ctx)).toContain('<article class="box rank-2">\n');
  });

  test('a headline with its own size has it as its style, in the e-book scale', () => {
    expect(renderChapter(articles[2], ctx)).toContain(`<h1 style="font-size: ${ebookEm('headline', HAO.一号)}em">看准了就坚定不移抓</h1>`);
    expect(renderChapter(articles[1], ctx)).toContain('<h1>全省新增充电桩三万个</h1>');
  });

  test('each rank is smaller than the one above it; the lead is the stylesheet’s default; a brief’s head stays above the body', () => {
    const css = rankCss();
    const em = (rank: number, selector: string): number => Number(new RegExp(`article\\.rank-${rank} ${selector.replace('.', '\\.')} \\{\\n  font-size: ([\\d.]+)em;`).exec(css)![1]);
    expect(em(1, 'h1')).toBe(HEAD_EM.headline);
    expect(em(1, '.kicker')).toBe(HEAD_EM.kicker);
    for (const rank of STORY_RANKS.slice(1)) {
      expect(em(rank, 'h1')).toBeLessThan(em(rank - 1, 'h1'));
      expect(em(rank, '.kicker')).toBeLessThan(em(rank - 1, '.kicker'));
      expect(em(rank, '.subtitle')).toBeLessThan(em(rank - 1, '.subtitle'));
    }
    expect(em(4, 'h1')).toBeGreaterThan(1);
    expect(ebookEm('headline', DEFAULT_STYLE.ranks[4].headline)).toBe(em(4, 'h1'));
  });
});
