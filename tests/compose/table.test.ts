/** Tables in the columns: widths from their cells, rows on the grid, rules off the text, the head row repeated where a table goes on. */
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineIn, composePages, LineCache, type ComposedPage, type PlacedLine } from '../../src/compose/index.js';
import { fractionWidth, naturalWidth, tableColumnWidths, tableSlabs, FIRST_ROW_ITEM } from '../../src/compose/table.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { DEFAULT_STYLE } from '../../src/model/index.js';
import { itemizeEdition, type ItemizedTable } from '../../src/text/index.js';
import { article, pageFile, parseFiles } from '../helpers/edition.js';

const PITCH = DEFAULT_STYLE.body.leading; // 13.5
const MEASURE = 117; // 13 characters of 9 pt

let fonts: FontBook;
beforeAll(() => {
  fonts = loadFontBook();
});

const ROWS = 40;
const LEAGUE = [
  '城市排名 {.table-title}',
  ['| 排名 | 城市 | 总值 | 增速% |', '| --- | --- | --- | --- |', ...Array.from({ length: ROWS }, (_, i) => `| ${i + 1} | 城市${i + 1} | ${(40000 - i * 731.37).toFixed(2)} | ${(i % 7) + 0.5} |`)].join('\n'),
  '{rules=rows}',
  '来源：各地统计部门 {.source}',
];

/** Page 1, one band of `band`, one article `a` of these paragraphs, set. */
function setPage(band: string, paragraphs: readonly string[]): { page: ComposedPage; table: ItemizedTable; index: number } {
  const edition = parseFiles({ '1.md': pageFile({ page: 1, paper: '报', section: '经济', areas: [band], rows: ['auto'] }, [article('a', paragraphs)]) });
  const itemized = itemizeEdition(edition, fonts, DEFAULT_STYLE);
  const blocks = itemized.pages[0].articles[0].blocks;
  const index = blocks.findIndex((b) => b.kind === 'table');
  const [page] = composePages(itemized, DEFAULT_STYLE);
  return { page, table: blocks[index] as ItemizedTable, index };
}

/** The size a line is set in (its first glyph run's). */
const captionSize = (line: PlacedLine): number => {
  for (const item of line.items) if (item.kind === 'box' && item.run) return item.run.size;
  return DEFAULT_STYLE.table.title.size;
};

const textOf = (line: PlacedLine): string => {
  let text = '';
  for (let i = line.line.start; i < line.line.end; i++) {
    const item = line.items[i];
    if (item.kind === 'box' && item.run) for (const g of item.run.glyphs) text += g.text;
  }
  return text;
};

describe('table columns', () => {
  it('gives each column its widest cell and shares out the rest of the measure; decimal columns line up their points', () => {
    const { table } = setPage('a a a', ['正文。', ...LEAGUE, '正文。']);
    const { widths, gap } = tableColumnWidths(table, MEASURE);
    expect(widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1)).toBeCloseTo(MEASURE, 6);
    widths.forEach((w, c) => {
      for (const row of [table.head, ...table.rows]) expect(naturalWidth(row[c].items)).toBeLessThanOrEqual(w + 1e-6);
    });
    expect(table.table.align).toEqual(['decimal', 'left', 'decimal', 'decimal']);
    // The right edges of the figures' whole parts (their points) stand at one x in every row.
    const slabs = tableSlabs(table, { article: 'a', block: 0, measure: MEASURE, pitch: PITCH }, new LineCache());
    const points = slabs
      .filter((s) => s.item >= FIRST_ROW_ITEM && s.item < FIRST_ROW_ITEM + table.rows.length)
      .map((s) => {
        const cell = s.content[2];
        return cell.dx + cell.measure - fractionWidth(cell.set.items);
      });
    expect(points.length).toBe(ROWS);
    for (const x of points) expect(x).toBeCloseTo(points[0], 6);
  });

  it('wraps a head wider than its column rather than squeeze the figures', () => {
    const { table } = setPage('a a a', ['| 地区生产总值（亿元）按可比价格计算 | 增速 |\n| --- | --- |\n| 12345.67 | 5.2 |']);
    const slabs = tableSlabs(table, { article: 'a', block: 0, measure: MEASURE, pitch: PITCH }, new LineCache());
    const head = slabs.find((s) => s.rules?.length === 2)!;
    expect(head.lines).toBeGreaterThan(1);
    const row = slabs.find((s) => s.item === FIRST_ROW_ITEM)!;
    expect(row.lines).toBe(1);
  });
});

describe('a table in the columns', () => {
  it('sets its rows on the grid with the newspaper rules off the text, and repeats its head row where it goes on in the next column', () => {
    const { page, index } = setPage('a a a', ['正文。'.repeat(20), ...LEAGUE, '正文。'.repeat(30)]);
    expect(page.overset).toEqual([]);
    const lines = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === 'a');
    const repeated = lines.filter((l) => l.origin.kind === 'table-head');
    expect(repeated.length).toBeGreaterThan(0);
    expect(repeated.every((l) => l.origin.kind === 'table-head' && l.origin.index === index)).toBe(true);
    // Every cell of the table is placed once, row after row, cells left to right.
    const cells = lines.filter((l) => l.origin.kind === 'block' && l.origin.index === index).map(textOf);
    const want = ['城市排名', '排名', '城市', '总值', '增速%', ...Array.from({ length: ROWS }, (_, i) => [`${i + 1}`, `城市${i + 1}`, (40000 - i * 731.37).toFixed(2), `${(i % 7) + 0.5}`]).flat(), '来源：各地统计部门'];
    expect(cells).toEqual(want);
    // Rows on whole grid lines: each cell's em box centred in a grid line.
    const tableLines = lines.filter((l) => l.origin.kind !== 'block' || l.origin.index === index);
    for (const l of tableLines) {
      const slot = (l.baseline - baselineIn(page.grid.top, PITCH, captionSize(l))) / PITCH;
      expect(Math.abs(slot - Math.round(slot)) * PITCH).toBeLessThan(0.01);
    }
    // The rules: thick above and below each part, thin under the head and between rows; none on text.
    const rules = page.rules.filter((r) => r.article === 'a');
    const { outer, head, row } = DEFAULT_STYLE.table.rules;
    const parts = new Set(tableLines.map((l) => l.x)).size;
    expect(rules.filter((r) => r.width === outer).length).toBeGreaterThanOrEqual(2 * 2);
    expect(rules.filter((r) => r.width === head).length).toBe(rules.filter((r) => r.width === outer).length / 2);
    expect(rules.filter((r) => r.width === row).length).toBeGreaterThan(ROWS / 2);
    expect(parts).toBeGreaterThan(1);
    for (const rule of rules) {
      for (const l of tableLines) {
        if (Math.abs(l.x - rule.x1) > 1) continue;
        const size = DEFAULT_STYLE.table.cell.size;
        const top = l.baseline - 0.88 * size;
        const bottom = l.baseline + 0.12 * size;
        expect(rule.y1 + rule.width / 2 <= top || rule.y1 - rule.width / 2 >= bottom).toBe(true);
      }
    }
  });

  it('sets a {cols=2} table across two columns at their top, whole', () => {
    const { page, index } = setPage('a a a', ['正文。'.repeat(30), '| 类别 | 同比% | 环比% |\n| --- | --- | --- |\n| 食品 | 102.0 | 99.1 |\n| 衣着 | 101.3 | 100.2 |', '{cols=2}', '正文。'.repeat(30)]);
    const cells = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.origin.kind === 'block' && e.origin.index === index);
    const right = Math.max(...cells.map((l) => l.x + l.measure));
    const left = Math.min(...cells.map((l) => l.x));
    expect(right - left).toBeGreaterThan(MEASURE + 9);
    const body = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.origin.kind === 'block' && e.origin.index === 0);
    // The text before it in the source flows under it.
    expect(Math.min(...body.map((l) => l.baseline))).toBeGreaterThan(Math.max(...cells.map((l) => l.baseline)));
    expect(page.elements.some((e) => e.kind === 'line' && e.origin.kind === 'table-head')).toBe(false);
  });
});
