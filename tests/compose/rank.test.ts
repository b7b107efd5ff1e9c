/**
 * Headline sizes by the story's rank (model/rank.ts, text/index.ts, compose/fit.ts): the rank,
 * not the module's width, sets the head, so briefs of one rank carry one size whatever their
 * width, and a brief's head never outranks a lead's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composePages, type ComposedPage, type PlacedLine } from '../../src/compose/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { DEFAULT_STYLE, HAO, type HouseStyle } from '../../src/model/index.js';
import { itemizeEdition } from '../../src/text/index.js';
import { pageFile, parseFiles } from '../helpers/edition.js';
import { article, edition } from './helpers.js';

const BODY = '江苏地处长三角、长江经济带交汇区域和对外开放前沿,产业链规模大、门类齐。近年来,江苏大力推进产业链党建工作,推动政企高效沟通、产业有效合作。';

let fonts: FontBook;
beforeAll(() => {
  fonts = loadFontBook();
});

function compose(areas: readonly string[], articles: readonly string[], style: HouseStyle = DEFAULT_STYLE): ComposedPage {
  const itemized = itemizeEdition(edition(areas, areas.map(() => 'auto'), articles), fonts, style);
  return composePages(itemized, style)[0];
}

/** The sizes the glyphs of `id`'s headline are drawn at. */
function headSizes(page: ComposedPage, id: string): number[] {
  const lines = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === id && e.tag.role === 'H1');
  const sizes = lines.flatMap((l) => l.items.slice(l.line.start, l.line.end).flatMap((item) => (item.kind === 'box' && item.run ? [item.run.size] : [])));
  return [...new Set(sizes.map((s) => Math.round(s * 1000) / 1000))];
}

const brief = (id: string, head: string): string => article(id, [`# ${head}`, BODY], { rank: 4 });

describe('headline size by rank', () => {
  it('four briefs (rank 4) in modules 2, 6, 3 and 5 columns wide get one headline size, 三号', () => {
    const page = compose(
      ['b1 b1 b2 b2 b2 b2 b2 b2', 'b3 b3 b3 b4 b4 b4 b4 b4'],
      [brief('b1', '全省新增充电桩三万个'), brief('b2', '南京地铁新线开通运营'), brief('b3', '苏州举办产业链对接会'), brief('b4', '无锡人才供需对接会召开')],
    );
    const sizes = ['b1', 'b2', 'b3', 'b4'].map((id) => headSizes(page, id));
    expect(sizes).toEqual([[HAO.三号], [HAO.三号], [HAO.三号], [HAO.三号]]);
  });

  it('a rank-4 head in a wide module is smaller than a rank-1 head squeezed into one column', () => {
    const page = compose(
      ['lead wide wide wide wide wide wide wide'],
      [article('lead', ['# 党建聚合力发展增动能', BODY, BODY], { rank: 1 }), brief('wide', '全省新增充电桩三万个')],
    );
    const [lead] = headSizes(page, 'lead');
    const [wide] = headSizes(page, 'wide');
    expect(lead).toBeLessThan(HAO.小初); // made smaller for its column …
    expect(lead).toBeGreaterThanOrEqual(HAO.一号); // … but not below its rank's range
    expect(wide).toBe(HAO.三号);
    expect(wide).toBeLessThan(lead);
  });

  it('without rank= a story is set as a lead (小初) and a box as a 三条 (二号), as before ranks', () => {
    const page = compose(['a a a b b b b b'], [article('a', ['# 党建聚合力', BODY]), article('b', ['# 看准了就坚定不移抓', BODY], { box: true })]);
    expect(headSizes(page, 'a')).toEqual([HAO.小初]);
    expect(headSizes(page, 'b')).toEqual([HAO.二号]);
  });

  it('each rank has its own size in modules of one width', () => {
    const heads = [1, 2, 3, 4].map((rank) => article(`r${rank}`, ['# 党建聚合力', BODY], { rank }));
    const page = compose(['r1 r1 r2 r2 r3 r3 r4 r4'], heads);
    expect(['r1', 'r2', 'r3', 'r4'].map((id) => headSizes(page, id))).toEqual([[HAO.小初], [HAO.一号], [HAO.二号], [HAO.三号]]);
  });

  it('{size=…} overrides the rank and is kept in a narrow module (the head breaks instead)', () => {
    const page = compose(['a b b b b b b b'], [article('a', ['# 党建聚合力发展增动能 {size=小初}', BODY], { rank: 4 }), brief('b', '全省新增充电桩三万个')]);
    expect(headSizes(page, 'a')).toEqual([HAO.小初]);
  });

  it('the kicker and subtitle follow the rank too', () => {
    const itemized = itemizeEdition(
      edition(['a a a a b b b b'], ['auto'], [
        article('a', ['引题 {.kicker}', '# 主题', '副题 {.subtitle}', BODY], { rank: 1 }),
        article('b', ['引题 {.kicker}', '# 主题', '副题 {.subtitle}', BODY], { rank: 4 }),
      ]),
      fonts,
      DEFAULT_STYLE,
    );
    const sizes = itemized.pages[0].articles.map((a) => a.blocks.flatMap((b) => (b.kind === 'text' && b.role !== 'paragraph' ? [[b.role, b.set.style.size]] : [])));
    expect(sizes).toEqual([
      [['kicker', HAO.小三], ['headline', HAO.小初], ['subtitle', HAO.小三]],
      [['kicker', HAO.五号], ['headline', HAO.三号], ['subtitle', HAO.五号]],
    ]);
  });

  it('the headline in short over a continuation is never larger than the headline itself', () => {
    const jumping = (rank: number) =>
      itemizeEdition(
        parseFiles({
          '1.md': pageFile({ page: 1, areas: ['a a'] }, [article('a', ['# 全省新增充电桩三万个', BODY], { rank })]),
          '2.md': pageFile({ page: 2, areas: ['a a'] }, []),
        }),
        fonts,
        DEFAULT_STYLE,
      ).pages[0].articles[0].shortHead!.style.size;
    expect(jumping(1)).toBe(DEFAULT_STYLE.jumpHead.size); // 小二 under a 小初 head
    expect(jumping(4)).toBe(HAO.三号); // a brief's 三号, not the larger 小二
  });
});
