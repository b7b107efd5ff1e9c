/**
 * The sample edition built end to end through the command line, checked from the outside the
 * way a newsroom or a printer would: text extraction, fonts, typocheck, EPUBCheck, and
 * byte-for-byte reproducibility.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEdition } from '../../src/parse/index.js';
import { plainText, type Article } from '../../src/model/index.js';
import { banmian, epubcheck, HAN, ROOT, run, typocheck } from '../helpers/tools.js';

const EPOCH = '1732406400'; // 2024-11-24T00:00:00Z
const SLUG = 'renmin-ribao-dangjian';

function articleText(article: Article): string {
  return article.blocks.map((b) => (b.kind === 'text' ? plainText(b.inlines) : plainText(b.caption))).join('\n');
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('sample edition (content/)', () => {
  let out: string;
  let pdf: string;
  let epub: string;
  let raw: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'banmian-sample-'));
    const r = banmian(['build', 'content', '--out', out], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    pdf = join(out, `${SLUG}.pdf`);
    epub = join(out, `${SLUG}.epub`);
    raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).stdout;
  });

  it('writes exactly <slug>.pdf and <slug>.epub', () => {
    expect(readdirSync(out).sort()).toEqual([`${SLUG}.epub`, `${SLUG}.pdf`]);
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

  it('passes typocheck: nothing lost, no kinsoku violation, no split dash', () => {
    const r = typocheck(pdf, join(ROOT, 'content'));
    expect(r.han_recall).toBe(1);
    expect(r.start_violations).toBe(0);
    expect(r.end_violations).toBe(0);
    expect(r.split_pairs).toBe(0);
    expect(r.flush_ratio).toBeGreaterThanOrEqual(0.99);
  });

  it('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', pdf]).status).toBe(0);
  });

  it('gives an EPUB that EPUBCheck accepts with no errors or warnings', () => {
    const r = epubcheck(epub);
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
  });

  it('is reproducible: the same input and SOURCE_DATE_EPOCH give byte-identical files', () => {
    const again = mkdtempSync(join(tmpdir(), 'banmian-sample-'));
    expect(banmian(['build', 'content', '--out', again], { env: { SOURCE_DATE_EPOCH: EPOCH } }).status).toBe(0);
    expect(sha256(join(again, `${SLUG}.pdf`))).toBe(sha256(pdf));
    expect(sha256(join(again, `${SLUG}.epub`))).toBe(sha256(epub));
  });
});
