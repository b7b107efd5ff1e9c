/** writePdf edge cases: ToUnicode sharing, empty texts, aliased faces, furniture, errors. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfMeta } from '../../../src/export/pdf/index.js';
import { loadFontBook, type FontBook } from '../../../src/fonts/index.js';
import type { DrawOp, RenderedPage } from '../../../src/render/draw-op.js';
import { BLACK, image, makeJpeg, renderedPage, run, save, tempDir, tool, type PageFields } from './helpers.js';
import { glyphList, placedGlyphs } from '../../../src/render/placed-glyphs.js';

const META: PdfMeta = { title: '边界', language: 'zh-CN', creationDate: new Date('2024-07-01T00:00:00Z') };

let fonts: FontBook;
let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  fonts = loadFontBook();
  tmp = tempDir();
});
afterAll(() => tmp?.remove());

const page = (ops: DrawOp[], fields: Partial<PageFields> = {}): RenderedPage =>
  renderedPage({ width: 300, height: 200, number: 1, label: '第1版', ...fields }, ops);

function id(ch: string, face = 'song'): number {
  return fonts.glyph(fonts.face(face), ch.codePointAt(0)!)!.id;
}

function glyphs(y: number, items: [number, string][]): DrawOp {
  return {
    op: 'glyphs',
    face: 'song',
    size: 12,
    x: 20,
    y,
    glyphs: placedGlyphs(items.map(([gid, text], i) => ({ id: gid, dx: 12 * i, text }))),
    colour: BLACK,
    tag: { article: 'a', role: 'P' },
  };
}

async function textOf(pages: RenderedPage[], name: string): Promise<string[]> {
  const file = save(tmp.dir, name, await writePdf(pages, fonts, META));
  return tool('pdftotext', ['-raw', file, '-']).split('\n').filter((l) => l.trim() !== '');
}

describe('ToUnicode', () => {
  it('reads a glyph shown for different texts as each of them (a copy of the glyph per text)', async () => {
    const lines = await textOf([page([glyphs(40, [[id('党'), '党'], [id('建'), '建']]), glyphs(70, [[id('党'), '黨']])])], 'first.pdf');
    expect(lines).toEqual(['党建', '黨']);
  });

  it('reads each character a face lacks as itself, not as the first one drawn with .notdef', async () => {
    const lines = await textOf([page([glyphs(40, [[0, '😀'], [id('建'), '建']]), glyphs(70, [[0, '📱'], [0, '😀']])])], 'notdef.pdf');
    expect(lines).toEqual(['😀建', '📱😀']);
  });

  it('extracts nothing for a glyph whose text is empty (ligature tail)', async () => {
    const lines = await textOf([page([glyphs(40, [[id('聚'), '聚合'], [id('合'), ''], [id('力'), '力']])])], 'tail.pdf');
    expect(lines).toEqual(['聚合力']);
  });

  it('lets a later real text replace an empty one, so that text is not lost', async () => {
    const lines = await textOf([page([glyphs(40, [[id('聚'), '聚合'], [id('合'), '']]), glyphs(70, [[id('合'), '合']])])], 'upgrade.pdf');
    expect(lines[1]).toBe('合');
  });

  it('maps a glyph to several code points, including astral ones', async () => {
    const lines = await textOf([page([glyphs(40, [[id('党'), '𠀀党'], [id('建'), '建']])])], 'astral.pdf');
    expect(lines).toEqual(['𠀀党建']);
  });
});

describe('fonts', () => {
  it('embeds one font file once even when two face keys name it', async () => {
    const song = fonts.face('song');
    const aliased: FontBook = {
      ...fonts,
      face: (key) => (key === 'alias' ? { ...song, key: 'alias' } : fonts.face(key)),
    };
    const alias = { ...(run(fonts, { face: 'song', text: '合力', size: 9, x: 20, y: 70 }) as Extract<DrawOp, { op: 'glyphs' }>), face: 'alias' };
    const pdf = await writePdf([page([run(fonts, { face: 'song', text: '党建', size: 12, x: 20, y: 40 }), alias])], aliased, META);
    const file = save(tmp.dir, 'alias.pdf', pdf);
    const rows = tool('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows).toHaveLength(1);
    expect(tool('pdftotext', ['-raw', file, '-']).split('\n').slice(0, 2)).toEqual(['党建', '合力']);
  });
});

describe('page furniture and empty marks', () => {
  it('marks page furniture (text and images) as artifacts, outside the structure tree', async () => {
    const logo = makeJpeg(tmp.dir, 'logo.jpg', 8, 8, [0, 0, 0]);
    const pdf = await writePdf(
      [
        page([
          run(fonts, { face: 'hei', text: '第1版', size: 9, x: 20, y: 20, tag: { article: '#page', role: 'P' } }),
          image(logo, { x: 250, y: 10, width: 20, height: 20 }, { alt: '报徽', tag: { article: '#page', role: 'Figure' } }),
          run(fonts, { face: 'song', text: '正文', size: 12, x: 20, y: 60 }),
        ]),
      ],
      fonts,
      META,
    );
    const file = save(tmp.dir, 'furniture.pdf', pdf);
    expect(tool('pdfinfo', ['-struct-text', file])).toBe(['Document', '  Art', '    P (block)', '      "正文"', ''].join('\n'));
    expect(tool('pdftotext', ['-raw', file, '-'])).toContain('第1版');
    expect(tool('pdfimages', ['-list', file]).split('\n').filter((l) => /^\s+1\s/.test(l))).toHaveLength(1);
  });

  it('draws nothing for a run without glyphs', async () => {
    const empty: DrawOp = { ...glyphs(40, []) };
    const lines = await textOf([page([empty, run(fonts, { face: 'song', text: '正文', size: 12, x: 20, y: 60 })])], 'empty.pdf');
    expect(lines).toEqual(['正文']);
  });
});

describe('errors', () => {
  it('rejects an empty page list', async () => {
    await expect(writePdf([], fonts, META)).rejects.toThrow(/no pages/);
  });

  it('names the page and mark of a glyph id the face does not have', async () => {
    await expect(writePdf([page([glyphs(40, [[id('党'), '党'], [9_999_999, '?']])])], fonts, META)).rejects.toThrow(
      /page 1 \(第1版\), mark 0 \(glyphs\): glyph id 9999999 is not in face "song"/,
    );
  });

  it('rejects an unknown face', async () => {
    const op = { ...(glyphs(40, [[1, 'x']]) as Extract<DrawOp, { op: 'glyphs' }>), face: 'nope' };
    await expect(writePdf([page([op])], fonts, META)).rejects.toThrow(/face nope/);
  });

  it('rejects a role that is not a plain PDF name', async () => {
    const op = { ...(glyphs(40, [[id('党'), '党']]) as Extract<DrawOp, { op: 'glyphs' }>), tag: { article: 'a', role: 'Body Text' } };
    await expect(writePdf([page([op])], fonts, META)).rejects.toThrow(/role "Body Text"/);
  });

  it('rejects a missing image file, naming the page', async () => {
    const op = image('/nonexistent/x.jpg', { x: 0, y: 0, width: 10, height: 10 }, { alt: '', tag: { article: 'a', role: 'Figure' } });
    await expect(writePdf([page([op])], fonts, META)).rejects.toThrow(/page 1 \(第1版\), mark 0 \(image\)/);
  });

  it('rejects a page without a size', async () => {
    await expect(writePdf([page([], { width: 0 })], fonts, META)).rejects.toThrow(/size 0 × 200/);
  });
});

describe('XMP metadata', () => {
  it('escapes XML specials in the packet and keeps the Info strings plain', async () => {
    const meta: PdfMeta = { ...META, title: '时事&评论 <特刊>', author: 'A & B', keywords: '党建, R&D' };
    const pdf = await writePdf([page([])], fonts, { ...meta, compress: false });
    const file = save(tmp.dir, 'xmp.pdf', pdf);
    const text = pdf.toString('utf8');
    const packet = text.slice(text.indexOf('<?xpacket begin'), text.indexOf('<?xpacket end="w"?>') + 19);
    expect(packet).toContain('时事&amp;评论 &lt;特刊&gt;');
    expect(packet).toContain('<rdf:li>A &amp; B</rdf:li>');
    expect(packet).toContain('<pdf:Keywords>党建, R&amp;D</pdf:Keywords>');
    // The packet parses as XML, and the parsed title is the plain title.
    const parsed = tool('python3', [
      '-c',
      'import sys,xml.etree.ElementTree as E;r=E.fromstring(sys.argv[1]);print(next(e.text for e in r.iter() if e.tag.endswith("}li")))',
      packet.replace(/<\?xpacket[^>]*\?>/g, '').trim(),
    ]);
    expect(parsed.trim()).toBe('时事&评论 <特刊>');
    expect(tool('pdfinfo', [file])).toMatch(/Title:\s+时事&评论 <特刊>/);
  });
});

describe('line-end marks set narrower than their advance', () => {
  type GlyphsOp = Extract<DrawOp, { op: 'glyphs' }>;

  /** Each character's box on page 1 as mutool reports it: [char, left, right]. */
  function boxes(file: string): [string, number, number][] {
    const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', file, '1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return [...xml.matchAll(/<char quad="([^"]*)"[^>]*\bc="&#x([0-9a-f]+);"/gi)].map((m) => {
      const q = m[1].split(' ').map(Number);
      return [String.fromCodePoint(parseInt(m[2], 16)), Math.min(q[0], q[4]), Math.max(q[2], q[6])];
    });
  }

  /** The op with its last glyph set in `advance` points, as the render stage ends a line. */
  function endsIn(op: DrawOp, advance: number): DrawOp {
    const g = glyphList((op as GlyphsOp).glyphs);
    return { ...(op as GlyphsOp), glyphs: placedGlyphs([...g.slice(0, -1), { ...g[g.length - 1], advance }]) };
  }

  it('a trimmed ， gets a box of ½ em; the same glyph set whole elsewhere keeps 1 em; both extract as ，', async () => {
    const comma = id('，');
    const ops: DrawOp[] = [
      endsIn(glyphs(40, [[id('一'), '一'], [id('二'), '二'], [comma, '，']]), 6),
      glyphs(80, [[comma, '，'], [id('三'), '三']]),
    ];
    const file = save(tmp.dir, 'narrowed.pdf', await writePdf([page(ops)], fonts, META));
    const [yi, er, narrowed, whole, san] = boxes(file);
    expect([yi[0], er[0], narrowed[0], whole[0], san[0]]).toEqual(['一', '二', '，', '，', '三']);
    expect(narrowed[1]).toBeCloseTo(44, 1);
    expect(narrowed[2] - narrowed[1]).toBeCloseTo(6, 1);
    expect(whole[2] - whole[1]).toBeCloseTo(12, 1);
    expect(er[2] - er[1]).toBeCloseTo(12, 1);
    expect(tool('pdftotext', ['-raw', file, '-']).split('\n').filter((l) => l.trim())).toEqual(['一二，', '，三']);
  });

  it('a last glyph set at its full advance is shown as itself', async () => {
    const file = save(tmp.dir, 'whole.pdf', await writePdf([page([endsIn(glyphs(40, [[id('一'), '一'], [id('二'), '二']]), 12)])], fonts, META));
    const [, er] = boxes(file);
    expect(er[2] - er[1]).toBeCloseTo(12, 1);
  });

  it('the embedded font carries the copy with the same outline and the narrowed advance (hmtx agrees with W)', async () => {
    const comma = id('，');
    const ops = [endsIn(glyphs(40, [[id('一'), '一'], [comma, '，']]), 6), glyphs(80, [[comma, '，']])];
    const file = save(tmp.dir, 'narrowed-font.pdf', await writePdf([page(ops)], fonts, META));
    const dir = join(tmp.dir, 'fonts-out');
    mkdirSync(dir);
    execFileSync('mutool', ['extract', file], { cwd: dir, stdio: 'ignore' });
    const [ttf] = readdirSync(dir).filter((f) => f.endsWith('.ttf'));
    const subset = fontkit.openSync(join(dir, ttf)) as fontkit.Font;
    const original = fonts.face('song').font.getGlyph(comma);
    const copies: number[] = [];
    for (let gid = 0; gid < subset.numGlyphs; gid++) {
      const g = subset.getGlyph(gid);
      if (g.path.toSVG() === original.path.toSVG()) copies.push(g.advanceWidth);
    }
    const em = fonts.face('song').unitsPerEm;
    expect(copies.sort((a, b) => a - b)).toEqual([em / 2, original.advanceWidth]);
  });
});
