/**
 * Two elements of content format 1.1, each built from its fixture and audited:
 * - tests/fixtures/vertical-head: a feature page with two vertical headlines (竖题), one at the
 *   right edge of its story (the default), one at the left, beside narrowed body columns; the
 *   PDF reads each head in order, column by column, right to left;
 * - tests/fixtures/zh-hant: a page in Traditional Chinese (zh-Hant-TW), set in the TC faces with
 *   the centred punctuation of Taiwan and Hong Kong, in the PDF and the EPUB.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/index.js';
import type { ComposedPage, PlacedLine } from '../../src/compose/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { ContentError } from '../../src/model/index.js';
import { checkEdition } from '../../src/check/index.js';
import { checkEditionDir, typesetEdition } from '../../src/pipeline.js';
import { renderLine } from '../../src/render/index.js';
import { unzip } from '../export/epub/fixture.js';
import { epubcheckVerdict, sharedBuild, VERTICAL_HEAD, ZH_HANT } from '../helpers/runs.js';
import { ROOT, run } from '../helpers/tools.js';
import { glyphList } from '../../src/render/placed-glyphs.js';

let fonts: FontBook;
const reports = new Map<string, CheckReport>();

beforeAll(async () => {
  fonts = loadFontBook();
  for (const dir of [VERTICAL_HEAD, ZH_HANT]) reports.set(dir, await checkEditionDir(join(ROOT, dir), { sourceDateEpoch: 0 }, fonts));
});

describe.each([VERTICAL_HEAD, ZH_HANT])('%s', (dir) => {
  it('passes the audit: no error, every character placed, the PDF reads back as set', () => {
    const report = reports.get(dir)!;
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    expect(report.figures.placedChars).toBe(report.figures.sourceChars);
    expect(report.figures.pdfArticlesMatching).toBe(report.figures.pdfArticles);
    expect(report.figures.pdfArticles).toBeGreaterThan(1);
  });
});

describe('vertical headlines (竖题)', () => {
  let page: ComposedPage;
  let out: string;
  const heads = (id: string): PlacedLine[] => page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === id && e.tag.role === 'H1');
  const bodyLines = (id: string): PlacedLine[] => page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === id && e.tag.role === 'P' && e.onGrid);

  beforeAll(async () => {
    [page] = typesetEdition(join(ROOT, VERTICAL_HEAD), fonts).composed;
    const r = await sharedBuild('verticalHead');
    expect(r.status, r.stderr).toBe(0);
    out = r.out;
  });

  it('sets each head in columns read right to left, beside the body: right of it by default, left of it with side=left', () => {
    for (const [id, side] of [['village', 'right'], ['craft', 'left']] as const) {
      const area = page.articles.find((a) => a.id === id)!;
      const columns = heads(id);
      expect(columns.length).toBe(2);
      expect(columns.every((c) => c.vertical)).toBe(true);
      // Reading order: the first column stands right of the second.
      expect(columns[0].x).toBeGreaterThan(columns[1].x);
      const body = bodyLines(id);
      const bodyLeft = Math.min(...body.map((l) => l.x));
      const bodyRight = Math.max(...body.map((l) => l.x + l.measure));
      const size = columns[0].items.find((i) => i.kind === 'box' && i.run)!;
      const em = size.kind === 'box' ? size.run!.size : 0;
      for (const c of columns) {
        expect(c.x).toBeGreaterThanOrEqual(area.x);
        expect(c.x + em).toBeLessThanOrEqual(area.x + area.width + 1e-6);
        if (side === 'right') expect(c.x).toBeGreaterThan(bodyRight);
        else expect(c.x + em).toBeLessThan(bodyLeft);
        // From the article's top.
        expect(c.baseline).toBeCloseTo(area.y, 6);
      }
    }
  });

  it('is audited as drawn: a head column moved over the body is reported as drawn over it', async () => {
    const set = typesetEdition(join(ROOT, VERTICAL_HEAD), fonts);
    const [composed] = set.composed;
    const [column] = heads('village');
    const over = bodyLines('village')[0];
    const moved = composed.elements.map((e) => (e.kind === 'line' && e.vertical && e.x === column.x ? { ...e, x: over.x } : e));
    const report = await checkEdition({ itemized: set.itemized, composed: [{ ...composed, elements: moved }] });
    const overlaps = report.findings.filter((f) => f.code === 'overlap');
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps[0].message).toMatch(/走进《诗经》里的村庄/);
  });

  it('narrows the body: the village story sets 3 text columns in its 4 basic columns', () => {
    expect(page.articles.find((a) => a.id === 'village')!.columns).toBe(3);
    expect(page.articles.find((a) => a.id === 'craft')!.columns).toBe(1);
  });

  it('draws each column glyph by glyph down the page', () => {
    const [first] = heads('village');
    const ops = renderLine(first);
    const glyphs = ops.flatMap((op) => (op.op === 'glyphs' ? glyphList(op.glyphs).map((g) => ({ x: op.x + g.dx, y: op.y + g.dy! })) : []));
    expect(glyphs.length).toBe(Array.from('走进《诗经》里的村庄').length);
    for (let i = 1; i < glyphs.length; i++) {
      expect(glyphs[i].y).toBeGreaterThan(glyphs[i - 1].y);
      expect(glyphs[i].x).toBeCloseTo(glyphs[0].x, 6);
    }
  });

  it('gives the heads back in reading order from the PDF (pdftotext), column by column', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', join(out, 'vertical-head.pdf'), '-']).stdout;
    expect(text).toContain('走进《诗经》里的村庄\n——听见24个节气的歌');
    expect(text).toContain('守艺人说：\n「慢一点，才做得好。」');
    // Shown through vertical (Identity-V) fonts.
    expect(run('pdffonts', [join(out, 'vertical-head.pdf')]).stdout).toMatch(/Identity-V/);
  });

  it('refuses a vertical head that leaves its story too narrow a column, at the headline\'s line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-vertical-'));
    try {
      cpSync(join(ROOT, VERTICAL_HEAD), dir, { recursive: true });
      const file = join(dir, '1.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('village village village village craft craft', 'village village village village village craft'));
      let error: unknown;
      try {
        typesetEdition(dir, fonts);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ContentError);
      const e = error as ContentError;
      expect(e.message).toMatch(/^the vertical headline of article "craft" leaves \d+ characters a line for its body beside it, fewer than the 11 a text column takes$/);
      expect(e.pos?.line).toBe(readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('# 守艺人说')) + 1);
      expect(e.hint).toMatch(/remove \{\.vertical\}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives an EPUB that EPUBCheck accepts, the head an ordinary h1', async () => {
    const r = await epubcheckVerdict(join(out, 'vertical-head.epub'));
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
    const { text } = await unzip(readFileSync(join(out, 'vertical-head.epub')));
    const chapter = text.get('EPUB/p8-village.xhtml');
    expect(chapter).toMatch(/<h1[^>]*>走进《诗经》里的村庄 ——听见24个节气的歌<\/h1>/);
  });
});

describe('Traditional Chinese (zh-Hant-TW)', () => {
  let out: string;
  beforeAll(async () => {
    const r = await sharedBuild('zhHant');
    expect(r.status, r.stderr).toBe(0);
    out = r.out;
  });

  it('embeds the TC faces in the PDF, and no SC face', () => {
    const listed = run('pdffonts', [join(out, 'zh-hant.pdf')]).stdout;
    expect(listed).toMatch(/\+NotoSerifTC-Regular/);
    expect(listed).toMatch(/\+NotoSansTC-Bold/);
    expect(listed).not.toMatch(/SC-/);
  });

  it('sets its centred marks a whole em: the text extracts with them, and its quotes as written (「」『』)', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', join(out, 'zh-hant.pdf'), '-']).stdout.replace(/\s+/g, '');
    expect(text).toContain('「這條街陪我長大，現在換我陪它變老。」');
    expect(text).toContain('『親子共讀』');
  });

  it('gives an EPUB in zh-Hant-TW with the TC faces embedded, which EPUBCheck accepts', async () => {
    const r = await epubcheckVerdict(join(out, 'zh-hant.epub'));
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
    const { names, text } = await unzip(readFileSync(join(out, 'zh-hant.epub')));
    expect(text.get('EPUB/package.opf')).toMatch(/xml:lang="zh-Hant-TW"/);
    expect(text.get('EPUB/package.opf')).toContain('<dc:language>zh-Hant-TW</dc:language>');
    const fontFiles = names.filter((n) => n.startsWith('EPUB/fonts/'));
    expect(fontFiles.length).toBeGreaterThan(0);
    expect(fontFiles.every((n) => n.endsWith('-tc.ttf'))).toBe(true);
    const chapter = [...text.entries()].find(([name]) => name.endsWith('lead.xhtml'))![1];
    expect(chapter).toMatch(/xml:lang="zh-Hant-TW"/);
  });
});
