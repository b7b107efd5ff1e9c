/**
 * The masthead setter (src/compose/masthead.ts, front-page.ts) and colour on the page
 * (paint.ts): the name set large in its colour and centred between the ears, the date line
 * and the lines under it, the ears at the top corners of the type area, the page's areas
 * below the band's rule, no running head on the front page; an image instead of the name;
 * tints behind areas with black text overprinting, reversed labels on their bars.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/index.js';
import { composePages, type ComposedPage, type PlacedLine } from '../../src/compose/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { DEFAULT_STYLE, PAPER, type Edition } from '../../src/model/index.js';
import { itemizeEdition, type ItemizedEdition } from '../../src/text/index.js';
import { article, jpegBytes, pageFile, writeEdition, removeEdition, type EditionFiles } from '../helpers/edition.js';

const BODY = '江苏地处长三角、长江经济带交汇区域和对外开放前沿，产业链规模大、门类齐。近年来，江苏大力推进产业链党建工作，推动政企高效沟通、产业有效合作。';
const RED = { space: 'cmyk', c: 0, m: 1, y: 1, k: 0 } as const;
const MASTHEAD = 'colours:\n  red: [0, 100, 100, 0]\nmasthead:\n  name: 江城日报\n  colour: red\n  issue: 第27561期\n  publisher: 江城日报社出版\n  lines: [邮发代号 37-1]\n';

let fonts: FontBook;
beforeAll(() => {
  fonts = loadFontBook();
});

/** A front matter line after `areas:` (pageFile writes none of the front page's fields). */
const withFront = (file: string, lines: readonly string[]): string => file.replace(/\nareas:/, `\n${lines.join('\n')}\nareas:`);

function set(files: EditionFiles): { edition: Edition; itemized: ItemizedEdition; pages: ComposedPage[] } {
  const edition = writeEdition(files);
  const itemized = itemizeEdition(edition, fonts, DEFAULT_STYLE);
  const pages = composePages(itemized, DEFAULT_STYLE);
  return { edition, itemized, pages };
}

const frontFiles = (ears: readonly string[], yml = MASTHEAD, box = true): EditionFiles => ({
  'edition.yml': yml,
  '1.md': withFront(pageFile({ page: 1, areas: ['a a a a b b b b', 'c c c c c c c c'] }, [
    ...ears.map((id) => article(id, [`${BODY}`], { box, label: '天气' })),
    article('a', ['# 江城十万户居民住进新家 {colour=red}', BODY, BODY], { rank: 1 }),
    '::: article b box label=江城时评 label-colour=red tint=black:10% rank=3\n\n# 让城市更新更有温度\n\n' + `${BODY}\n\n${BODY}\n:::`,
    article('c', ['# 长江大桥夜景照明完成更新', BODY, BODY], { rank: 2 }).replace('::: article c rank=2', '::: article c rank=2 tint=red:15%'),
  ]), ears.length > 0 ? [`ears: [${ears.join(', ')}]`] : []),
  '2.md': pageFile({ page: 2, areas: ['d d d d d d d d'] }, [article('d', ['# 内页', BODY])]),
});

const masthead = (page: ComposedPage): PlacedLine[] => page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.origin.kind === 'masthead');

describe('the masthead band', () => {
  it('sets the name large in its colour, the date line with 农历, issue and publisher, and the further lines, in that order', () => {
    const { edition, itemized, pages } = set(frontFiles(['w', 'x']));
    try {
      const lines = masthead(pages[0]);
      const m = itemized.pages[0].masthead!;
      expect([m.name!.text, ...m.lines.map((l) => l.text)]).toEqual(['江城日报', '2024年11月24日 星期日 农历甲辰年十月廿四', '第27561期\u3000\u3000江城日报社出版', '邮发代号 37-1']);
      expect(lines.map((l) => (l.origin.kind === 'masthead' ? l.origin.line : -1))).toEqual([0, 1, 2, 3]);
      expect(lines[0].colour).toEqual(RED);
      expect(lines.slice(1).every((l) => l.colour === undefined)).toBe(true);
      // Set large (twice 初号 at most), each line under the one before.
      const nameSize = m.name!.style.size;
      expect(nameSize).toBe(84);
      for (let i = 1; i < lines.length; i++) expect(lines[i].baseline).toBeGreaterThan(lines[i - 1].baseline);
      // The band's rules in the masthead's colour.
      expect(pages[0].rules.filter((r) => r.colour !== undefined).map((r) => r.colour)).toEqual([RED, RED]);
    } finally {
      removeEdition(edition);
    }
  });

  it('puts the two ears in the top corners of the type area, the name centred between them, the areas under the rule', () => {
    const { edition, pages } = set(frontFiles(['w', 'x']));
    try {
      const page = pages[0];
      const area = page.typeArea;
      const [w, x] = ['w', 'x'].map((id) => page.articles.find((a) => a.id === id)!);
      expect(w.y).toBeCloseTo(area.y, 6);
      expect(w.x).toBeCloseTo(area.x, 6);
      expect(x.x + x.width).toBeCloseTo(area.x + area.width, 6);
      const name = masthead(page)[0];
      const centre = name.x + name.measure / 2;
      expect(centre).toBeCloseTo((w.x + w.width + x.x) / 2, 1);
      expect(name.x).toBeGreaterThan(w.x + w.width);
      expect(name.x + name.measure).toBeLessThan(x.x);
      const rule = Math.max(...page.rules.filter((r) => r.colour !== undefined).map((r) => r.y1));
      for (const id of ['a', 'b', 'c']) expect(page.articles.find((a) => a.id === id)!.y).toBeGreaterThan(rule);
      expect(page.articles.find((a) => a.id === 'a')!.y).toBeCloseTo(w.y + w.height + page.grid.pitch, 6);
    } finally {
      removeEdition(edition);
    }
  });

  it('sets an ear in one text column across its whole module, ruled or not', () => {
    for (const box of [true, false]) {
      const { pages } = set(frontFiles(['w'], MASTHEAD, box));
      const ear = pages[0].articles.find((a) => a.id === 'w')!;
      expect(ear.columns).toBe(1);
      // The column is as wide as the module less a box's padding: more than one basic column's 13 characters.
      expect(ear.columnChars).toBeGreaterThan(13);
      const lines = pages[0].elements.filter((e) => e.kind === 'line' && e.tag.article === 'w' && e.tag.role === 'P');
      for (const l of lines) if (l.kind === 'line') expect(l.measure).toBeCloseTo(ear.columnChars * 9, 1);
    }
  });

  it('with one ear, sets it at the right; with none, centres the name on the type area', () => {
    for (const ears of [['w'], []]) {
      const { edition, pages } = set(frontFiles(ears));
      try {
        const page = pages[0];
        const name = masthead(page)[0];
        const right = ears.length ? page.articles.find((a) => a.id === 'w')! : undefined;
        const to = right ? right.x - 9 : page.typeArea.x + page.typeArea.width;
        if (right) expect(right.x + right.width).toBeCloseTo(page.typeArea.x + page.typeArea.width, 6);
        expect(name.x + name.measure / 2).toBeCloseTo((page.typeArea.x + to) / 2, 0);
      } finally {
        removeEdition(edition);
      }
    }
  });

  it('leaves the front page without a running head, keeps it on the inside page, and passes the audit', async () => {
    const { edition, itemized, pages } = set(frontFiles(['w', 'x']));
    try {
      const header = (p: ComposedPage): string[] => p.elements.flatMap((e) => (e.kind === 'line' && e.origin.kind === 'header' ? [e.origin.field] : []));
      expect(header(pages[0])).toEqual([]);
      expect(header(pages[1]).sort()).toEqual(['date', 'folio', 'paper', 'section']);
      expect(masthead(pages[1])).toEqual([]);
      const report = await checkEdition({ itemized, composed: pages });
      expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
      expect(report.figures.placedChars).toBe(report.figures.sourceChars);
    } finally {
      removeEdition(edition);
    }
  });

  it('places an image of the name instead of setting it, as tall as the set name, and the audit takes it', async () => {
    const yml = 'colours:\n  red: [0, 100, 100, 0]\nmasthead:\n  image: images/masthead.jpg\n  issue: 第1期\n';
    const { edition, itemized, pages } = set({ ...frontFiles([], yml), 'images/masthead.jpg': jpegBytes(800, 200) });
    try {
      const image = pages[0].elements.find((e) => e.kind === 'image' && e.origin.kind === 'masthead');
      expect(image?.kind === 'image' && [image.width, image.height, image.alt]).toEqual([336, 84, '人民日报']); // no name: the page's paper, as its alternative text
      expect(masthead(pages[0]).map((l) => (l.origin.kind === 'masthead' ? l.origin.line : -1))).toEqual([1, 2]);
      const report = await checkEdition({ itemized, composed: pages });
      expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    } finally {
      removeEdition(edition);
    }
  });
});

describe('colour on the page', () => {
  it('fills a tinted area, overprints its black text, colours the headline, reverses the label on its bar', () => {
    const { edition, pages } = set(frontFiles([]));
    try {
      const page = pages[0];
      const b = page.articles.find((a) => a.id === 'b')!;
      const tint = page.fills.find((f) => f.colour?.k === 0.1)!;
      expect([tint.x, tint.y, tint.width, tint.height]).toEqual([b.x, b.y, b.width, b.height]);
      const lines = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === 'b');
      const label = lines.find((l) => l.origin.kind === 'label')!;
      expect(label.colour).toEqual(PAPER);
      expect(label.overprint).toBeUndefined(); // white must knock out
      expect(lines.filter((l) => l.origin.kind === 'block').every((l) => l.overprint === true && l.colour === undefined)).toBe(true);
      const bar = page.fills.find((f) => f.colour?.m === 1)!;
      expect(bar.x).toBeLessThan(label.x);
      expect(bar.x + bar.width).toBeGreaterThan(label.x + label.line.naturalWidth);
      expect(bar.y).toBeLessThan(label.baseline - 0.88 * 16);
      expect(bar.x).toBeGreaterThanOrEqual(b.x);
      // The tint comes before the bar, so the bar is drawn on it.
      expect(page.fills.indexOf(tint)).toBeLessThan(page.fills.indexOf(bar));
      const head = page.elements.find((e): e is PlacedLine => e.kind === 'line' && e.tag.article === 'a' && e.tag.role === 'H1')!;
      expect(head.colour).toEqual(RED);
      // Untinted body text stays black, not overprinted.
      const body = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === 'a' && e.onGrid);
      expect(body.length).toBeGreaterThan(0);
      expect(body.every((l) => l.colour === undefined && l.overprint === undefined)).toBe(true);
      expect(page.fills.find((f) => f.colour?.m === 0.15)).toBeDefined();
    } finally {
      removeEdition(edition);
    }
  });
});
