/**
 * A two-page edition (tests/fixtures/jump-edition) whose long article starts on page 1 and goes
 * on on page 2: both jump lines are set, nothing is lost, and a continuation area too small for
 * the rest fails the build with the article and the count of characters left over.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReports, expectWhole } from '../helpers/check-json.js';
import { epubcheckVerdict, sharedBuild } from '../helpers/runs.js';
import { banmian, ROOT, run } from '../helpers/tools.js';

const FIXTURE = join(ROOT, 'tests/fixtures/jump-edition');

describe('an article that jumps from page 1 to page 2', () => {
  let pdf: string;
  let out: string;
  let pages: string[];

  beforeAll(async () => {
    const r = await sharedBuild('jump');
    // Both pages are full: page 1 holds three more articles beside the lead, page 2 the
    // continuation and a feature with its photo over an advertisement slot.
    expect(r.stderr).not.toMatch(/error|warning/);
    expect(r.status).toBe(0);
    out = r.out;
    pdf = join(out, 'jump-test.pdf');
    pages = [1, 2].map((p) => run('pdftotext', ['-raw', '-f', String(p), '-l', String(p), pdf, '-']).stdout.replace(/\s/g, ''));
  });

  it('prints 下转第2版 on page 1 and 上接第1版 with the headline in short on page 2', () => {
    expect(pages[0]).toContain('（下转第2版）');
    expect(pages[0]).not.toContain('上接');
    expect(pages[1]).toContain('（上接第1版）');
    expect(pages[1]).toContain('党建聚合力发展增动能');
    // The 下转 line is the last text of the article on page 1; its continuation starts page 2's text.
    const out = pages[0].indexOf('（下转第2版）');
    expect(pages[0].indexOf('看准了就坚定不移抓')).toBeGreaterThan(out);
  });

  it('loses nothing and breaks no rule (banmian check), and its PDF reads back article by article', async () => {
    const report = (await checkReports()).get('jump-test')!;
    expectWhole(report);
    expect(report.findings).toEqual([]);
    expect(report.figures.pages).toBe(2);
    // The lead is read back on both pages it is on.
    expect(report.figures.pdfArticles).toBe(6);
  });

  it('gives an EPUB that EPUBCheck accepts, the jumping article whole in one chapter', async () => {
    const r = await epubcheckVerdict(join(out, 'jump-test.epub'));
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
  });

  it('fails with the article and the characters left over when the continuation is too small', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-jump-small-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const page2 = join(dir, '2.md');
    const areas = '  - long long duty duty duty duty\n  - . . . . . .\nrows: [auto, "34%"]';
    expect(readFileSync(page2, 'utf8')).toContain(areas);
    writeFileSync(page2, readFileSync(page2, 'utf8').replace(areas, '  - long long duty duty duty duty\n  - . . . . . .\nrows: ["60%", auto]'));
    const r = banmian(['build', dir, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    // A few lines short: the count is what is left over, not the whole continuation.
    const left = Number(/article "long" does not fit its area on page 2: (\d+) characters/.exec(r.stderr)?.[1]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(200);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
