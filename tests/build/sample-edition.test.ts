/**
 * The sample edition built end to end through the command line (the run's shared build),
 * checked the way a newsroom or a printer would: text extraction, fonts, banmian's own audit,
 * EPUBCheck, and byte-for-byte reproducibility.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEdition } from '../../src/parse/index.js';
import { plainText, tableTexts, type Article, type Block } from '../../src/model/index.js';
import { folio, headerDate, normalizeEdition } from '../../src/text/index.js';
import type { LayoutReport } from '../../src/pipeline.js';
import { checkReports, expectWhole } from '../helpers/check-json.js';
import { epubcheckVerdict, sharedBuild } from '../helpers/runs.js';
import { banmian, HAN, ROOT, run } from '../helpers/tools.js';
import { colourOps, contentStream, pageCount } from '../export/pdf/streams.js';

const SLUG = 'renmin-ribao-dangjian';

function articleText(article: Article): string {
  return article.blocks.map(blockText).join('\n');
}

/** A block's text as printed: paragraph text, or a figure's caption (the photo itself has none). */
function blockText(block: Block): string {
  return block.kind === 'text' ? plainText(block.inlines) : block.kind === 'table' ? plainText(tableTexts(block).flat()) : plainText(block.caption);
}

const squeeze = (text: string): string => text.replace(/\s+/g, '');

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('sample edition (content/)', () => {
  let out: string;
  let pdf: string;
  let epub: string;
  let raw: string;

  beforeAll(async () => {
    const r = await sharedBuild('sample');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    out = r.out;
    pdf = join(out, `${SLUG}.pdf`);
    epub = join(out, `${SLUG}.epub`);
    raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).stdout;
  });

  it('writes exactly <slug>.pdf and <slug>.epub (and the report asked for), and says what its audit found', async () => {
    expect(readdirSync(out).sort()).toEqual([`${SLUG}.epub`, `${SLUG}.pdf`, 'report.json']);
    expect((await sharedBuild('sample')).stdout).toMatch(/^content: check: [\d,]+ lines, flush 100%, grid 100%, characters placed ([\d,]+)\/\1, 0 error\(s\), 0 warning\(s\)$/m);
  });

  it('is one broadsheet page (390 × 550 mm), tagged, with its title', () => {
    const info = run('pdfinfo', [pdf]).stdout;
    expect(info).toMatch(/Pages:\s+1\n/);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(size[1])).toBeCloseTo((390 * 72) / 25.4, 0);
    expect(Number(size[2])).toBeCloseTo((550 * 72) / 25.4, 0);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+人民日报·党建/);
  });

  it('embeds every font, subset', () => {
    const rows = run('pdffonts', [pdf]).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('loses no character: each article reads in order in the PDF text, article after article', () => {
    const pdfHan = raw.match(HAN) ?? [];
    const edition = parseEdition(join(ROOT, 'content'));
    let at = 0;
    for (const article of edition.pages.flatMap((p) => p.articles)) {
      const want = articleText(article).match(HAN) ?? [];
      expect(want.length).toBeGreaterThan(100);
      for (const ch of want) {
        while (at < pdfHan.length && pdfHan[at] !== ch) at++;
        expect(at, `article ${article.id}: ${ch} not found in order`).toBeLessThan(pdfHan.length);
        at++;
      }
    }
  });

  it('prints full-width punctuation: no half-width comma, colon or parenthesis next to a Han character', () => {
    expect(raw).not.toMatch(/[\u4e00-\u9fff][,:;()!?]|[,:;()!?][\u4e00-\u9fff]/u);
    expect(raw).toContain('强组织，建机制——');
  });

  it('shows the page header, the headline hierarchy and the captions', () => {
    expect(raw).toMatch(/2024年11月24日\s*星期日/u);
    for (const text of ['人民日报', '第11版', '党建聚合力', '发展增动能', '金台潮声', '看准了就坚定不移抓', '上图：陈昊在一危岩隐患点进行测量。', '左图：陈昊（右一）与同事']) {
      expect(raw.replace(/\n/g, '')).toContain(text);
    }
  });

  it('extracts whole lines: no extracted line starts with a closing mark cut off a compressed pair (。” ，“)', () => {
    // A compressed mark keeps the width it is set in, so extraction does not see it overlap the next.
    expect(raw.split('\n').filter((l) => /^[”’）》」』。，、：；！？]/u.test(l))).toEqual([]);
  });

  it('keeps the typed spaces in its text: bylines and a headline’s phrase space copy as written', () => {
    for (const text of ['本报记者 沈童睿', '本报记者 王欣悦', '激活“两新”力量 凝聚治理合力']) expect(raw).toContain(text);
  });

  it('passes banmian check: nothing lost, no rule broken, every line flush and on the grid, no finding', async () => {
    const report = (await checkReports()).get(SLUG)!;
    expectWhole(report);
    expect(report.findings).toEqual([]);
    expect(report.figures.pdfArticles).toBe(4);
    // Every Han character of the page files is among the characters placed.
    const han = readFileSync(join(ROOT, 'content/11.md'), 'utf8').match(HAN) ?? [];
    expect(report.figures.sourceChars).toBeGreaterThan(han.length);
  });

  it('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', pdf]).status).toBe(0);
  });

  it('gives an EPUB that EPUBCheck accepts with no errors or warnings', async () => {
    const r = await epubcheckVerdict(epub);
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
  });

  it('is reproducible: the same input and SOURCE_DATE_EPOCH give byte-identical files', async () => {
    const again = await sharedBuild('again');
    expect(again.status).toBe(0);
    expect(sha256(join(again.out, `${SLUG}.pdf`))).toBe(sha256(pdf));
    expect(sha256(join(again.out, `${SLUG}.epub`))).toBe(sha256(epub));
  });

  it('extracts each article whole, article after article in reading order, with only page furniture between them', () => {
    // The model's text with the same normalisation the pages get (full-width punctuation etc.),
    // each article its blocks in order, captions included; white space (line ends, the phrase
    // space in headlines) removed on both sides. pdftotext -raw reads the page in drawing
    // order, which is reading order: header, then article after article, column by column.
    const edition = normalizeEdition(parseEdition(join(ROOT, 'content')));
    const flat = squeeze(raw);
    let at = 0;
    for (const page of edition.pages) {
      // Page furniture that may stand before the page's first article: the header (报眉) fields.
      const header = [folio(page.number), page.section, page.paper, headerDate(page.date), page.editor ?? ''].map(squeeze).filter(Boolean);
      page.articles.forEach((article, index) => {
        const text = squeeze(article.blocks.map(blockText).join(''));
        expect(text.length).toBeGreaterThan(100);
        const start = flat.indexOf(text, at);
        expect(start, `article ${article.id} is not extracted whole after offset ${at}`).toBeGreaterThanOrEqual(0);
        // What lies between the previous article and this one is furniture, nothing else: the
        // column label (栏目名, not a block of the article: it is drawn above its headline) and,
        // before a page's first article, the page header fields. No text of any article.
        let gap = flat.slice(at, start);
        if (index === 0) for (const field of header) gap = gap.replace(field, '');
        expect(gap, `between articles before ${article.id}`).toBe(squeeze(article.label ?? ''));
        at = start + text.length;
      });
    }
    // After the last article: at most the page's editor line.
    expect(flat.slice(at)).toBe(squeeze(edition.pages.at(-1)?.editor ?? ''));
  });

  it('has an outline: each page (第N版 section) and under it every article headline, in order', () => {
    const edition = normalizeEdition(parseEdition(join(ROOT, 'content')));
    const expected: string[] = [];
    edition.pages.forEach((page, p) => {
      expected.push(`-\t"${folio(page.number)} ${page.section}"\t#page=${p + 1}&view=Fit`);
      for (const article of page.articles) {
        const headline = article.blocks.find((b) => b.kind === 'text' && b.role === 'headline')!;
        expected.push(`|\t\t"${blockText(headline).replace(/\s+/g, ' ').trim()}"\t#page=${p + 1}&view=Fit`);
      }
    });
    const outline = run('mutool', ['show', pdf, 'outline']).stdout.trimEnd().split('\n');
    expect(outline).toEqual(expected);
    expect(outline).toHaveLength(1 + 4);
  });

  it('prints text, rules and dots as pure K in DeviceCMYK: no grey, no RGB', () => {
    for (let page = 0; page < pageCount(pdf); page++) {
      const ops = colourOps(contentStream(pdf, page));
      expect(ops.length).toBeGreaterThan(100);
      expect(new Set(ops)).toEqual(new Set(['0 0 0 1 k', '0 0 0 1 K']));
    }
  });

  it('with --colour rgb writes DeviceGray instead, and no CMYK operator', async () => {
    const r = await sharedBuild('rgb');
    expect(r.status).toBe(0);
    const file = join(r.out, `${SLUG}.pdf`);
    const ops = colourOps(contentStream(file, 0));
    expect(new Set(ops)).toEqual(new Set(['0 g', '0 G']));
    expect(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).stdout).toBe(raw);
    expect(banmian(['build', 'content', '--out', r.out, '--colour', 'grey']).status).toBe(2);
  });

  it('has its metadata: title, paper as author, subject, section names as keywords, creator, language', () => {
    const info = run('pdfinfo', [pdf]).stdout;
    expect(info).toMatch(/^Title:\s+人民日报·党建$/m);
    expect(info).toMatch(/^Author:\s+人民日报$/m);
    expect(info).toMatch(/^Subject:\s+人民日报 2024年11月24日 星期日 第11版 党建$/m);
    expect(info).toMatch(/^Keywords:\s+党建$/m);
    expect(info).toMatch(/^Creator:\s+banmian$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    // pdfinfo 22 does not print /Lang; read it from the catalog.
    expect(run('mutool', ['show', pdf, 'trailer/Root/Lang']).stdout.trim()).toBe('(zh-Hans)');
  });
});

describe('sample edition layout report', () => {
  it('fills its broadsheet: no article area more than 3% blank, no overflow, and carries the audit', async () => {
    const data = JSON.parse(readFileSync(join((await sharedBuild('sample')).out, 'report.json'), 'utf8')) as LayoutReport;
    expect(data.pages[0].findings).toEqual([]);
    expect(data.figures.placedChars).toBe(data.figures.sourceChars);
    const articles = data.pages[0].articles;
    expect(articles.map((a) => a.id).sort()).toEqual(['duty', 'hlbr', 'jintai', 'lead']);
    for (const a of articles) {
      expect(a.fill, a.id).toBeGreaterThanOrEqual(0.97);
      expect(a.usedLines, a.id).toBeLessThanOrEqual(a.moduleLines);
    }
  });
});
