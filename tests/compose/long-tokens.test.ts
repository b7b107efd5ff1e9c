/**
 * A page with a URL, a long number and an acronym chain in a narrow column and a Latin headline
 * wider than its module: every line within its measure, justified lines flush, and the PDF
 * written from it reads back as the source (no hyphen or other character added at a break).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/index.js';
import type { PlacedLine } from '../../src/compose/index.js';
import { writePdf } from '../../src/export/pdf/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { typesetEdition, type Typeset } from '../../src/pipeline.js';
import { placeBoxes } from '../../src/render/index.js';
import { article, pageFile, writeEditionFolder } from '../helpers/edition.js';

const URL = 'https://www.example.com.cn/news/2024/11/24/content_30124.html';
const PARAGRAPHS = [
  `全文详见${URL}，欢迎读者登录查阅。`,
  '咨询电话13800138000123456789，工作日全天有人值守，节假日照常接听。',
  '会议由CPPCC-NPC-WTO-APEC多方联合主办，标点用法依据GB/T15834-2011国家标准执行。',
  '与会代表认为，推动高质量发展，必须坚持以人民为中心的发展思想，不断增强人民群众获得感。',
];
const HEADLINE = 'Internationalization';

let fonts: FontBook;
let set: Typeset;
let dir: string;

beforeAll(() => {
  fonts = loadFontBook();
  dir = writeEditionFolder({
    '1.md': pageFile({ page: 1, size: 'A4', areas: ['a b b b'], rows: ['120mm'] }, [
      article('a', [`# ${HEADLINE}`, ...PARAGRAPHS]),
      article('b', ['# 基层党建引领乡村振兴', ...PARAGRAPHS.slice(3), ...PARAGRAPHS.slice(3), ...PARAGRAPHS.slice(3)]),
    ]),
  }, 'banmian-tokens-');
  set = typesetEdition(dir, fonts);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linesOf = (id: string): PlacedLine[] => set.composed[0].elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === id);
const textOf = (line: PlacedLine): string => placeBoxes(line).map(({ item }) => item.run?.glyphs.map((g) => g.text).join('') ?? '').join('');

describe('long tokens in a narrow column', () => {
  it('the column is narrow: the URL is wider than it', () => {
    const body = linesOf('a').filter((l) => l.onGrid);
    expect(body[0].measure).toBeLessThan(15 * 9);
    expect(body.length).toBeGreaterThan(8);
  });

  it('no line of the page is wider than its measure; every justified line but a paragraph’s last ends at its column edge', () => {
    for (const line of set.composed[0].elements.filter((e): e is PlacedLine => e.kind === 'line')) {
      expect(line.line.overfull, textOf(line)).toBe(false);
      const boxes = placeBoxes(line);
      const right = Math.max(...boxes.map(({ item, x }) => x + item.width));
      expect(right, textOf(line)).toBeLessThanOrEqual(line.x + line.measure + 1e-6);
    }
  });

  it('the URL, the number and the acronyms break across lines and read back whole', () => {
    const text = linesOf('a').filter((l) => l.onGrid).map(textOf).join('');
    for (const p of PARAGRAPHS) expect(text).toContain(p);
    const broken = linesOf('a').filter((l) => l.onGrid).map(textOf);
    expect(broken.some((l) => URL.includes(l))).toBe(true); // a line that is all URL
  });

  it('the Latin headline breaks between letters rather than running past its module', () => {
    const heads = linesOf('a').filter((l) => l.tag.role === 'H1');
    expect(heads.length).toBeGreaterThan(1);
    expect(heads.map(textOf).join('')).toBe(HEADLINE);
  });

  it('the audit finds nothing, and the PDF’s text reads back as set, article by article', async () => {
    const pdf = await writePdf(set.rendered, fonts, { title: 't', language: 'zh-Hans', creationDate: new Date(0) });
    const report = await checkEdition({ itemized: set.itemized, composed: set.composed, pdf });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.figures.flushLines).toBe(report.figures.justifiedLines);
    expect(report.figures.placedChars).toBe(report.figures.sourceChars);
    expect(report.figures.pdfArticlesMatching).toBe(report.figures.pdfArticles);
    expect(report.figures.pdfArticles).toBe(2);
  });
});
