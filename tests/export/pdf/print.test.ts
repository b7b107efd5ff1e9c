/**
 * Print features of writePdf: the colour space of text, rules, fills and dots (pure K in
 * DeviceCMYK by default, DeviceGray/DeviceRGB with `colour: 'rgb'`), the outline (page → article
 * headlines) and the keywords. Content streams are read back decompressed through qpdf.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourOperator } from '../../../src/export/pdf/colour.js';
import { writePdf, type PdfMeta } from '../../../src/export/pdf/index.js';
import { loadFontBook, type FontBook } from '../../../src/fonts/index.js';
import type { DrawOp, RenderedPage } from '../../../src/render/draw-op.js';
import { BLACK, run, save, tempDir, tool } from './helpers.js';
import { colourOps, contentStream } from './streams.js';

const META: PdfMeta = {
  title: '印刷测试',
  author: '测试日报',
  subject: '测试日报 2024年7月1日 第1版 要闻',
  keywords: '要闻, 党建',
  language: 'zh-Hans',
  creationDate: new Date('2024-07-01T00:00:00Z'),
};

let fonts: FontBook;
let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  fonts = loadFontBook();
  tmp = tempDir();
});
afterAll(() => tmp?.remove());

function pages(): RenderedPage[] {
  const page1: DrawOp[] = [
    run(fonts, { face: 'hei-bold', text: '党建聚合力', size: 24, x: 30, y: 50, tag: { article: 'lead', role: 'H1' } }),
    run(fonts, { face: 'song', text: '基层党组织', size: 12, x: 30, y: 80, tag: { article: 'lead', role: 'P' } }),
    run(fonts, { face: 'song', text: '红色标题', size: 12, x: 30, y: 100, colour: { space: 'cmyk', c: 0, m: 1, y: 1, k: 0 } }),
    { op: 'rule', x1: 30, y1: 110, x2: 270, y2: 110, width: 0.5, colour: BLACK },
    { op: 'fill', x: 30, y: 120, width: 50, height: 20, colour: { space: 'gray', value: 0.75 } },
    { op: 'dot', cx: 40, cy: 150, r: 1, colour: BLACK },
    run(fonts, { face: 'song', text: '第二篇', size: 12, x: 30, y: 170, tag: { article: 'second', role: 'P' } }),
  ];
  const page2: DrawOp[] = [run(fonts, { face: 'song', text: '转版续文', size: 12, x: 30, y: 50, tag: { article: 'lead', role: 'P' } })];
  return [
    {
      width: 300,
      height: 200,
      number: 1,
      label: '第1版 要闻',
      ops: page1,
      outline: [
        { article: 'lead', title: '党建聚合力 发展增动能' },
        { article: 'second', title: '“第二篇”报道' },
      ],
    },
    { width: 300, height: 200, number: 2, label: '第2版 党建', ops: page2, outline: [{ article: 'lead', title: '党建聚合力 发展增动能（续）' }] },
  ];
}

describe('colour', () => {
  it('colourOperator: cmyk mode writes grey as K only, rgb mode as DeviceGray / DeviceRGB', () => {
    expect(colourOperator({ space: 'gray', value: 0 }, false, 'cmyk')).toBe('0 0 0 1 k');
    expect(colourOperator({ space: 'gray', value: 0 }, true, 'cmyk')).toBe('0 0 0 1 K');
    expect(colourOperator({ space: 'gray', value: 0.75 }, false, 'cmyk')).toBe('0 0 0 0.25 k');
    expect(colourOperator({ space: 'cmyk', c: 0, m: 1, y: 1, k: 0 }, false, 'cmyk')).toBe('0 1 1 0 k');
    expect(colourOperator({ space: 'gray', value: 0 }, false, 'rgb')).toBe('0 g');
    expect(colourOperator({ space: 'gray', value: 0.25 }, true, 'rgb')).toBe('0.25 G');
    expect(colourOperator({ space: 'cmyk', c: 0, m: 1, y: 1, k: 0 }, false, 'rgb')).toBe('1 0 0 rg');
    expect(colourOperator({ space: 'cmyk', c: 1, m: 0, y: 0, k: 0.5 }, true, 'rgb')).toBe('0 0.5 0.5 RG');
    expect(() => colourOperator({ space: 'gray', value: -0.5 }, false, 'cmyk')).toThrow(/outside/);
  });

  it('by default (cmyk) writes black text, rules and dots as pure K and no RGB or grey at all', async () => {
    const file = save(tmp.dir, 'cmyk.pdf', await writePdf(pages(), fonts, META));
    const ops = colourOps(contentStream(file, 0));
    // In drawing order: H1, body, red text, rule (stroke), fill (25% K), dot, second article.
    expect(ops).toEqual(['0 0 0 1 k', '0 0 0 1 k', '0 1 1 0 k', '0 0 0 1 K', '0 0 0 0.25 k', '0 0 0 1 k', '0 0 0 1 k']);
    expect(colourOps(contentStream(file, 1))).toEqual(['0 0 0 1 k']);
    // Text is still text: the colour change did not disturb extraction.
    expect(tool('pdftotext', ['-raw', '-f', '1', '-l', '1', file, '-'])).toContain('基层党组织');
  });

  it('with colour: rgb writes DeviceGray for greys and DeviceRGB for CMYK colours, no k/K', async () => {
    const file = save(tmp.dir, 'rgb.pdf', await writePdf(pages(), fonts, { ...META, colour: 'rgb' }));
    const ops = colourOps(contentStream(file, 0));
    expect(ops).toEqual(['0 g', '0 g', '1 0 0 rg', '0 G', '0.75 g', '0 g', '0 g']);
    expect(ops.some((op) => / [kK]$/.test(op))).toBe(false);
  });
});

describe('outline', () => {
  it('lists each page (open) with its articles under it, each opening that page', async () => {
    const file = save(tmp.dir, 'outline.pdf', await writePdf(pages(), fonts, META));
    const outline = tool('mutool', ['show', file, 'outline']).trimEnd().split('\n');
    expect(outline).toEqual([
      '-\t"第1版 要闻"\t#page=1&view=Fit',
      '|\t\t"党建聚合力 发展增动能"\t#page=1&view=Fit',
      '|\t\t"“第二篇”报道"\t#page=1&view=Fit',
      '-\t"第2版 党建"\t#page=2&view=Fit',
      '|\t\t"党建聚合力 发展增动能（续）"\t#page=2&view=Fit',
    ]);
  });

  it('a page without outline entries gets its page bookmark only', async () => {
    const bare = pages().map((page): RenderedPage => ({ ...page, outline: [] }));
    const file = save(tmp.dir, 'bare.pdf', await writePdf(bare, fonts, META));
    expect(tool('mutool', ['show', file, 'outline']).trimEnd().split('\n')).toEqual([
      '|\t"第1版 要闻"\t#page=1&view=Fit',
      '|\t"第2版 党建"\t#page=2&view=Fit',
    ]);
  });
});

describe('metadata', () => {
  it('writes title, author, subject, keywords, creator, language; tagged', async () => {
    const file = save(tmp.dir, 'meta.pdf', await writePdf(pages(), fonts, META));
    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/^Title:\s+印刷测试$/m);
    expect(info).toMatch(/^Author:\s+测试日报$/m);
    expect(info).toMatch(/^Subject:\s+测试日报 2024年7月1日 第1版 要闻$/m);
    expect(info).toMatch(/^Keywords:\s+要闻, 党建$/m);
    expect(info).toMatch(/^Creator:\s+banmian$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(tool('mutool', ['show', file, 'trailer/Root/Lang'])).toContain('(zh-Hans)');
    expect(tool('pdfinfo', ['-meta', file])).toContain('<pdf:Keywords>要闻, 党建</pdf:Keywords>');
  });
});

describe('print boxes', () => {
  it('writes /TrimBox and /BleedBox (bottom-up) for a sheet with bleed, none without', async () => {
    // A 300 × 200 pt page with 9 pt bleed and 17 pt for marks around it: sheet 352 × 252.
    const [first] = pages();
    const sheet: RenderedPage = {
      ...first,
      width: 352,
      height: 252,
      boxes: { trim: { x: 26, y: 26, width: 300, height: 200 }, bleed: { x: 17, y: 17, width: 318, height: 218 } },
      ops: [...first.ops, { op: 'rule', x1: 0, y1: 26, x2: 14, y2: 26, width: 0.25, colour: { space: 'cmyk', c: 1, m: 1, y: 1, k: 1 } }],
    };
    const file = save(tmp.dir, 'boxes.pdf', await writePdf([sheet, pages()[1]], fonts, META));
    const box = (page: number, name: string) => tool('mutool', ['show', file, `pages/${page}/${name}`]).replace(/\s+/g, ' ').trim();
    expect(box(1, 'MediaBox')).toBe('[ 0 0 352 252 ]');
    expect(box(1, 'TrimBox')).toBe('[ 26 26 326 226 ]');
    expect(box(1, 'BleedBox')).toBe('[ 17 17 335 235 ]');
    expect(box(2, 'TrimBox')).toBe('null');
    // Registration-colour crop marks stay on all four plates.
    expect(colourOps(contentStream(file, 0))).toContain('1 1 1 1 K');
    expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
  });
});
