/**
 * writePdf end to end: hand-built pages with real glyph ids, checked with poppler, qpdf and
 * mutool. Every assertion here fails if the exporter drops, moves or mis-encodes a mark.
 */
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfMeta } from '../../../src/export/pdf/index.js';
import { loadFontBook, type FontBook } from '../../../src/fonts/index.js';
import type { DrawOp, RenderedPage } from '../../../src/render/draw-op.js';
import { image, makeJpeg, placeGlyphs, renderedPage, renderPage, run, save, stextChars, tempDir, tool } from './helpers.js';
import { glyphList, placedGlyphs } from '../../../src/render/placed-glyphs.js';

const META: PdfMeta = {
  title: '测试日报 2024年7月1日',
  author: '测试日报社',
  subject: '第1版 要闻',
  language: 'zh-CN',
  creationDate: new Date('2024-07-01T08:00:00Z'),
};

let fonts: FontBook;
let tmp: ReturnType<typeof tempDir>;
let photo: string;
let pages: RenderedPage[];
let pdf: Buffer;
let file: string;

/** Irregular positions (kerning-like), to prove dx is honoured glyph by glyph. */
const IRREGULAR = [0, 11.5, 24.25, 35, 48.7];

function fixture(): RenderedPage[] {
  const a1 = { article: 'a1', role: 'P' };
  const page1: DrawOp[] = [
    run(fonts, { face: 'hei-bold', text: '党建聚合力', size: 24, x: 30, y: 50, tag: { article: 'a1', role: 'H1' } }),
    run(fonts, { face: 'song', text: '党建聚合力', size: 12, x: 30, y: 80, tag: a1 }),
    // Justified, under the letter-spacing threshold (1 pt extra at 10.5 pt = 0.095 em).
    run(fonts, { face: 'song', text: '凝心聚力谱新篇章', size: 10.5, x: 30, y: 100, pitch: 11.5, tag: a1 }),
    // Letter-spaced (4.5 pt extra = 0.43 em): still no spaces when extracted.
    run(fonts, { face: 'song', text: '凝心聚力谱新篇章', size: 10.5, x: 30, y: 120, pitch: 15, tag: a1 }),
    {
      op: 'glyphs',
      face: 'song',
      size: 12,
      x: 30,
      y: 140,
      glyphs: placedGlyphs(placeGlyphs(fonts, 'song', '基层党组织', IRREGULAR)),
      colour: { space: 'cmyk', c: 0, m: 1, y: 1, k: 0 },
      tag: a1,
    },
    { op: 'rule', x1: 30, y1: 160, x2: 370, y2: 160, width: 2, colour: { space: 'cmyk', c: 1, m: 0, y: 0, k: 0 } },
    { op: 'fill', x: 30, y: 170, width: 100, height: 50, colour: { space: 'gray', value: 0.5 } },
    image(photo, { x: 200, y: 170, width: 80, height: 60 }, { alt: '党员志愿者在社区服务', tag: { article: 'a1', role: 'Figure' } }),
    run(fonts, { face: 'hei', text: '社区服务现场', size: 9, x: 200, y: 245, tag: { article: 'a1', role: 'Caption' } }),
    run(fonts, { face: 'song', text: '第二篇报道', size: 12, x: 30, y: 265, tag: { article: 'a2', role: 'P' } }),
    run(fonts, { face: 'hei', text: '第1版', size: 9, x: 30, y: 290, tag: { article: '#page', role: 'P' } }),
  ];
  const page2: DrawOp[] = [
    run(fonts, { face: 'song', text: '转版续文', size: 12, x: 40, y: 60, tag: { article: 'a1', role: 'P' } }),
    image(photo, { x: 40, y: 80, width: 40, height: 30 }, { alt: '同一张图', tag: { article: 'a1', role: 'Figure' } }),
  ];
  return [
    renderedPage({ width: 400, height: 300, number: 1, label: '第1版 要闻' }, page1),
    renderedPage({ width: 841.89, height: 1190.551, number: 2, label: '第2版 党建' }, page2),
  ];
}

beforeAll(async () => {
  fonts = loadFontBook();
  tmp = tempDir();
  photo = makeJpeg(tmp.dir, 'photo.jpg', 40, 30, [200, 20, 20]);
  pages = fixture();
  pdf = await writePdf(pages, fonts, META);
  file = save(tmp.dir, 'out.pdf', pdf);
});

afterAll(() => tmp?.remove());

function glyphOps(page: RenderedPage): Extract<DrawOp, { op: 'glyphs' }>[] {
  return page.ops.filter((op): op is Extract<DrawOp, { op: 'glyphs' }> => op.op === 'glyphs');
}

const runText = (op: Extract<DrawOp, { op: 'glyphs' }>) => glyphList(op.glyphs).map((g) => g.text).join('');

describe('text', () => {
  it('extracts every run as its text, in drawing order (pdftotext -raw)', () => {
    const lines = tool('pdftotext', ['-raw', '-f', '1', '-l', '1', file, '-']).split('\n').filter((l) => l.trim() !== '');
    expect(lines).toEqual(glyphOps(pages[0]).map(runText));
  });

  it('puts no spaces between Han characters of justified or letter-spaced runs', () => {
    for (const mode of [['-raw'], [], ['-layout']]) {
      const text = tool('pdftotext', [...mode, '-f', '1', '-l', '1', file, '-']);
      expect(text).toContain('凝心聚力谱新篇章');
      expect(text).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u);
    }
  });

  it('places every glyph at the run origin plus its dx, on the baseline (±0.1 pt)', () => {
    // mutool synthesises spaces at wide gaps (it ignores ActualText); only drawn glyphs count.
    const chars = stextChars(file, 1).filter((c) => c.c !== ' ');
    const expected = glyphOps(pages[0]).flatMap((op) =>
      glyphList(op.glyphs).map((g) => ({ c: g.text, x: op.x + g.dx, y: op.y, size: op.size })),
    );
    expect(chars).toHaveLength(expected.length);
    for (const e of expected) {
      const hit = chars.find((c) => c.c === e.c && Math.abs(c.x - e.x) <= 0.1 && Math.abs(c.y - e.y) <= 0.1);
      expect(hit, `${e.c} at (${e.x}, ${e.y})`).toBeDefined();
      expect(hit!.size).toBeCloseTo(e.size, 3);
    }
    // The irregular run, glyph by glyph.
    const irregular = chars.filter((c) => Math.abs(c.y - 140) <= 0.1);
    expect(irregular.map((c) => c.c).join('')).toBe('基层党组织');
    irregular.forEach((c, i) => expect(Math.abs(c.x - (30 + IRREGULAR[i]))).toBeLessThanOrEqual(0.1));
  });

  it('uses the face each run names', () => {
    const chars = stextChars(file, 1);
    const fontOf = (y: number) => new Set(chars.filter((c) => Math.abs(c.y - y) <= 0.1).map((c) => c.font));
    expect(fontOf(50)).toEqual(new Set(['NotoSansSC-Bold']));
    expect(fontOf(80)).toEqual(new Set(['NotoSerifSC-Regular']));
    expect(fontOf(245)).toEqual(new Set(['NotoSansSC-Regular']));
  });

  it('draws text in its colour (black by default, CMYK when given)', () => {
    const chars = stextChars(file, 1);
    expect(chars.find((c) => c.c === '党' && Math.abs(c.y - 80) <= 0.1)!.color).toBe('#000000');
    const red = chars.find((c) => c.c === '基')!.color; // 0 1 1 0 CMYK
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(red.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(80);
    expect(b).toBeLessThan(80);
  });
});

describe('fonts', () => {
  it('embeds each face once, as a subset with a ToUnicode map, whatever the sizes', () => {
    const rows = tool('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '');
    const names = rows.map((r) => r.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
    expect(names.sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular', 'NotoSerifSC-Regular']);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    }
  });
});

describe('document', () => {
  it('has one page per RenderedPage at its size', () => {
    const info = tool('pdfinfo', ['-f', '1', '-l', '2', file]);
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page\s+1 size:\s+400 x 300 pts/m);
    expect(info).toMatch(/^Page\s+2 size:\s+841\.89 x 1190\.55 pts/m);
  });

  it('is tagged PDF 1.7 with the metadata, language and title display', () => {
    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+测试日报 2024年7月1日$/m);
    expect(info).toMatch(/^Author:\s+测试日报社$/m);
    expect(info).toMatch(/^Subject:\s+第1版 要闻$/m);
    expect(info).toMatch(/^Creator:\s+banmian$/m);
    expect(info).toMatch(/^Producer:\s+banmian$/m);
    expect(info).toMatch(/^CreationDate:\s+Mon Jul\s+1 08:00:00 2024 UTC$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(tool('mutool', ['show', file, 'trailer/Root/Lang'])).toContain('(zh-CN)');
    expect(tool('mutool', ['show', file, 'trailer/Root/ViewerPreferences'])).toContain('/DisplayDocTitle true');
  });

  it('has a bookmark per page with its label, opening that page', () => {
    const outline = tool('mutool', ['show', file, 'outline']);
    expect(outline).toContain('"第1版 要闻"\t#page=1');
    expect(outline).toContain('"第2版 党建"\t#page=2');
  });

  it('passes qpdf --check', () => {
    expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
  });
});

describe('structure', () => {
  it('tags runs and images per article and role, in reading order, a group\'s runs in one sequence; page furniture is an artifact', () => {
    const tree = tool('pdfinfo', ['-struct-text', file])
      .split('\n')
      .filter((l) => !/^\s+\/(Placement|BBox)/.test(l))
      .join('\n');
    expect(tree).toBe(
      [
        'Document',
        '  Art',
        '    H1 (block)',
        '      "党建聚合力"',
        '    P (block)',
        // The group's lines in one sequence; a letter-spaced run (its ActualText) in one of its own.
        '      "党建聚合力凝心聚力谱新篇章"',
        '      "凝心聚力谱新篇章"',
        '      "基层党组织"',
        '    Figure:',
        '      ""',
        '    Caption',
        '      "社区服务现场"',
        '    P (block)',
        '      "转版续文"',
        '    Figure:',
        '      ""',
        '  Art',
        '    P (block)',
        '      "第二篇报道"',
        '',
      ].join('\n'),
    );
    expect(tree).not.toContain('第1版');
  });

  it('gives each figure its alt text and box', () => {
    const q = tool('qpdf', ['--qdf', '--object-streams=disable', file, '-']);
    expect(q).toContain(`/Alt <${utf16Hex('党员志愿者在社区服务')}>`);
    expect(q).toContain(`/Alt <${utf16Hex('同一张图')}>`);
    // Page 1 is 300 pt high: the rect 200,170 80×60 (top-down) is [200 70 280 130] in PDF space.
    expect(q).toMatch(/\/BBox \[\s*200\s+70\s+280\s+130\s*\]/);
  });
});

describe('graphics and images', () => {
  it('embeds a JPEG once at its own resolution, however often it is drawn', () => {
    const rows = tool('pdfimages', ['-list', file]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows).toHaveLength(2);
    const cols = rows.map((r) => r.trim().split(/\s+/));
    // page num type width height color comp bpc enc interp object ...
    expect(cols.map((c) => c[0])).toEqual(['1', '2']);
    for (const c of cols) expect(c.slice(3, 9)).toEqual(['40', '30', 'rgb', '3', '8', 'jpeg']);
    expect(cols[0][10]).toBe(cols[1][10]);
  });

  it('draws rules, fills and images where the ops say, in their colours', () => {
    const img = renderPage(file, tmp.dir);
    expect([img.width, img.height]).toEqual([400, 300]);
    const grey = (x: number, y: number) => img.rgb(x, y);
    // Fill: grey 0.5 inside, white just outside. Written as 50% K (the default cmyk colour),
    // which poppler shows as a neutral mid grey a little lighter than RGB 128 (about 145).
    const fill = grey(80, 195);
    expect(fill.every((v) => v >= 120 && v <= 160)).toBe(true);
    expect(Math.max(...fill) - Math.min(...fill)).toBeLessThanOrEqual(4);
    expect(grey(80, 168)).toEqual([255, 255, 255]);
    expect(grey(132, 195)).toEqual([255, 255, 255]);
    // Rule: 2 pt cyan at y = 160 (pixels 159 and 160), white 3 pt away.
    const [r, g, b] = grey(200, 159.5);
    expect(r).toBeLessThan(60);
    expect(g).toBeGreaterThan(120);
    expect(b).toBeGreaterThan(180);
    expect(grey(200, 163.5)).toEqual([255, 255, 255]);
    // Image: red, scaled to 80×60 at 200,170.
    const [ir, ig, ib] = grey(275, 225);
    expect(ir).toBeGreaterThan(170);
    expect(ig).toBeLessThan(60);
    expect(ib).toBeLessThan(60);
    expect(grey(285, 225)).toEqual([255, 255, 255]);
  });
});

describe('reproducibility', () => {
  it('gives byte-identical output for the same input', async () => {
    const again = await writePdf(fixture(), fonts, META);
    expect(again.equals(pdf)).toBe(true);
  });

  it('depends on the creation date only through the metadata', async () => {
    const later = await writePdf(fixture(), fonts, { ...META, creationDate: new Date('2024-07-02T08:00:00Z') });
    expect(later.equals(pdf)).toBe(false);
    expect(later.length).toBe(pdf.length);
  });

  it('compresses by default; compress: false writes plain content streams', async () => {
    const plain = await writePdf(fixture(), fonts, { ...META, compress: false });
    expect(plain.length).toBeGreaterThan(pdf.length);
    expect(plain.toString('latin1')).toMatch(/\/F\d+ 12 Tf\n1 0 0 1 30 220 Tm\n\[<[0-9a-f]{20}>\] TJ/);
    expect(pdf.toString('latin1')).not.toContain(' TJ');
  });
});

describe('content streams', () => {
  /** Each page's content stream of an uncompressed PDF (pdfkit opens each with its page flip). */
  function pageContents(file: Buffer): string[] {
    return [...file.toString('latin1').matchAll(/stream\n(1 0 0 -1 0 [\s\S]*?)endstream/g)].map((m) => m[1]);
  }

  it('nests every q … Q and marked-content sequence within each other, and leaves none open at a page\'s end', async () => {
    const plain = await writePdf(fixture(), fonts, { ...META, compress: false });
    const contents = pageContents(plain);
    expect(contents).toHaveLength(2);
    for (const content of contents) {
      const open: ('q' | 'marked')[] = [];
      for (const line of content.split('\n')) {
        const op = line.trim().split(' ').at(-1);
        if (op === 'q') open.push('q');
        else if (op === 'BDC' || op === 'BMC') open.push('marked');
        else if (op === 'Q') expect(open.pop()).toBe('q');
        else if (op === 'EMC') expect(open.pop()).toBe('marked');
      }
      expect(open).toEqual([]);
    }
  });

  it("sets a role group's runs in one text object, which anything else drawn closes first", async () => {
    const plain = await writePdf(fixture(), fonts, { ...META, compress: false });
    const [first] = pageContents(plain);
    const objects = [...first.matchAll(/\nBT\n([\s\S]*?)\nET\n/g)].map((m) => m[1]);
    // Inside a text object only text state, colour, positions and glyphs: no graphics state,
    // marked content, path or image.
    for (const object of objects) {
      for (const line of object.split('\n')) expect(line).toMatch(/( Tf| Tm| TJ| k| gs)$/);
    }
    // Eight runs: the P group's first two (Tm at 80 and 100 pt down) share one; the letter-spaced
    // run has one of its own inside its ActualText span; the red run begins another.
    expect(glyphOps(pages[0])).toHaveLength(8);
    expect(objects).toHaveLength(7);
    const shared = objects.find((o) => o.includes(' 220 Tm'));
    expect(shared?.match(/ Tm/g)).toHaveLength(2);
    expect(shared).toContain(' 200 Tm');
  });

  it('deflates each page content to the bytes it writes uncompressed', async () => {
    // (pageContents keeps the newline written before `endstream`, which is no part of the stream.)
    const plain = pageContents(await writePdf(fixture(), fonts, { ...META, compress: false })).map((content) => content.slice(0, -1));
    const deflated = [...pdf.toString('latin1').matchAll(/\/FlateDecode[^>]*>>\nstream\n([\s\S]*?)\nendstream/g)]
      .map((m) => inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1'))
      .filter((text) => text.startsWith('1 0 0 -1 0 '));
    expect(deflated).toEqual(plain);
  });
});

function utf16Hex(s: string): string {
  return 'feff' + Array.from(s, (ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}
