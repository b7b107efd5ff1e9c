/**
 * A page of an economy section with tables (tests/fixtures/table-page): a price index across
 * two columns with its figures on the decimal point, a league table longer than its column that
 * goes on in the next under its head row repeated, a one-column table of growth rates, body text
 * around them. Built from the
 * command line, audited, its PDF read back with pdftotext (with and without -layout: the cells
 * of a row left to right, the rows of a table part in order, no `|`), its EPUB holding real
 * tables that EPUBCheck accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { checkEditionDir } from '../../src/pipeline.js';
import { unzip } from '../export/epub/fixture.js';
import { epubcheckVerdict, sharedBuild } from '../helpers/runs.js';
import { ROOT, run } from '../helpers/tools.js';

const SLUG = 'table-page';
const DIR = join(ROOT, 'tests/fixtures/table-page');

/** The rows of the fixture's tables as written: each row's cells. */
function rows(head: string): string[][] {
  const source = readFileSync(join(DIR, '5.md'), 'utf8').split('\n');
  const start = source.indexOf(head);
  const out: string[][] = [];
  for (let i = start + 2; source[i]?.startsWith('|'); i++) out.push(source[i].split('|').slice(1, -1).map((c) => c.trim().replace(/\*\*/g, '')));
  return out;
}

const MARKET_HEAD = '| 类别 | 增速% |';
const LEAGUE_HEAD = '| 排名 | 城市 | 总值 | 增速% |';
const PRICES_HEAD = '| 类别 | 10月同比% | 10月环比% | 1—10月同比% |';

/** A row's cells in order, separated by white space only (a line break or spaces). */
const rowPattern = (cells: readonly string[]): RegExp => new RegExp(cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));

describe('table page', () => {
  let out: string;
  let layout: string;
  let plain: string;
  let report: CheckReport;

  beforeAll(async () => {
    const r = await sharedBuild('table');
    expect(r.status, r.stderr).toBe(0);
    out = r.out;
    const pdf = join(out, `${SLUG}.pdf`);
    layout = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']).stdout;
    plain = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).stdout;
    report = await checkEditionDir(DIR, { sourceDateEpoch: 0 }, loadFontBook());
  });

  it('passes the audit: no error, every character placed once (the repeated head row is added text), the PDF reads back as set', async () => {
    expect((await sharedBuild('table')).stdout).toMatch(/^tests\/fixtures\/table-page: check: [\d,]+ lines, flush 100%, grid 100%, characters placed ([\d,]+)\/\1, 0 error\(s\)/m);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    expect(report.figures.placedChars).toBe(report.figures.sourceChars);
    expect(report.figures.pdfArticlesMatching).toBe(report.figures.pdfArticles);
  });

  it('reads back with pdftotext -layout: every row on one line, its cells left to right, no |', () => {
    expect(layout).not.toContain('|');
    const lines = layout.split('\n');
    for (const row of [...rows(PRICES_HEAD), ...rows(LEAGUE_HEAD), ...rows(MARKET_HEAD)]) {
      expect(lines.some((line) => rowPattern(row).test(line)), `row ${row.join(' ')}`).toBe(true);
    }
  });

  it('reads back with plain pdftotext row by row, cells left to right, each part of the league table in order under its head row', () => {
    expect(plain).not.toContain('|');
    const text = plain.replace(/\s+/g, ' ');
    // The price index and the retail table, each in one part: their rows in order.
    for (const table of [rows(PRICES_HEAD), rows(MARKET_HEAD)]) {
      let at = 0;
      for (const row of table) {
        const match = rowPattern(row).exec(text.slice(at));
        expect(match, `row ${row.join(' ')} after position ${at}`).not.toBeNull();
        at += match!.index + match![0].length;
      }
    }
    // The league table goes on in the next column: pdftotext's own column analysis may read the
    // two parts side by side, but each row reads whole and each part in order.
    const places = rows(LEAGUE_HEAD).map((row) => {
      const match = rowPattern(row).exec(text);
      expect(match, `row ${row.join(' ')}`).not.toBeNull();
      return match!.index;
    });
    const breaks = places.filter((p, i) => i > 0 && p < places[i - 1]).length;
    expect(breaks).toBeLessThanOrEqual(1);
    expect(text.match(/排名 城市 总值 增速%/g)?.length).toBe(2);
  });

  it('gives the EPUB real tables: caption, head row, body rows, the source line after', async () => {
    const { text } = await unzip(readFileSync(join(out, `${SLUG}.epub`)));
    const chapters = [...text.entries()].filter(([name]) => name.endsWith('.xhtml')).map(([, xhtml]) => xhtml).join('\n');
    expect(chapters.match(/<table class="table[^"]*">/g)?.length).toBe(3);
    expect(chapters).toContain('<caption>居民消费价格分类指数</caption>');
    expect(chapters).toContain('<th scope="col" class="al-left">排名</th>'.replace('al-left', 'al-decimal'));
    expect(chapters).toMatch(/<tr><td class="al-decimal">30<\/td><td class="al-left">温州<\/td><td class="al-decimal">6475\.56<\/td><td class="al-decimal">6\.1<\/td><\/tr>/);
    expect(chapters).toMatch(/<\/table>\n<p class="table-source">来源：各地统计部门<\/p>/);
    expect(chapters).not.toContain('|');
    const css = [...text.entries()].find(([name]) => name.endsWith('.css'))![1];
    expect(css).toMatch(/table\.table \{[^}]*border-top: 1pt solid/);
  });

  it('gives an EPUB that EPUBCheck accepts', async () => {
    const r = await epubcheckVerdict(join(out, `${SLUG}.epub`));
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
  });
});
