/**
 * The audit on a page with a table that goes on in the next column: clean, it finds nothing; a
 * cell lost, a repeated head row cut, or a rule moved onto text gives the finding it should.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdition, type CheckReport, type FindingCode } from '../../src/check/index.js';
import type { ComposedPage, PlacedElement, PlacedLine } from '../../src/compose/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { typesetEdition, type Typeset } from '../../src/pipeline.js';
import { article, pageFile, writeEditionFolder } from '../helpers/edition.js';
import { rmSync } from 'node:fs';

const ROWS = Array.from({ length: 36 }, (_, i) => `| ${i + 1} | 城市${i + 1} | ${(30000 - i * 517.3).toFixed(2)} |`);
const TABLE = ['| 排名 | 城市 | 总值 |', '| --- | --- | --- |', ...ROWS].join('\n');

let set: Typeset;
let dir: string;

beforeAll(() => {
  dir = writeEditionFolder({ '1.md': pageFile({ page: 1, size: 'A4', areas: ['a a a .'], rows: ['auto'] }, [article('a', ['# 城市排名', '正文。'.repeat(12), TABLE, '{rules=rows}', '来源：统计部门 {.source}', '正文。'.repeat(12)])]) }, 'banmian-check-table-');
  set = typesetEdition(dir, loadFontBook());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const audit = (composed: readonly ComposedPage[]): Promise<CheckReport> => checkEdition({ itemized: set.itemized, composed }, {});
const errors = (report: CheckReport): FindingCode[] => report.findings.filter((f) => f.severity === 'error').map((f) => f.code);
const withElements = (page: ComposedPage, elements: readonly PlacedElement[]): ComposedPage => ({ ...page, elements });
const isLine = (e: PlacedElement): e is PlacedLine => e.kind === 'line';

describe('the audit of a table', () => {
  it('finds nothing on the page as set, the head row repeated once over the rows that go on', async () => {
    const [page] = set.composed;
    expect(page.elements.some((e) => isLine(e) && e.origin.kind === 'table-head')).toBe(true);
    const report = await audit(set.composed);
    expect(errors(report)).toEqual([]);
    expect(report.figures.placedChars).toBe(report.figures.sourceChars);
  });

  it('finds a cell lost', async () => {
    const [page] = set.composed;
    const cell = page.elements.findIndex((e) => isLine(e) && e.origin.kind === 'block' && e.tag.role === 'P' && e.items.some((i) => i.kind === 'box' && i.run?.glyphs.some((g) => g.text === '城')) && e.measure < 60);
    expect(cell).toBeGreaterThan(0);
    expect(errors(await audit([withElements(page, page.elements.filter((_, i) => i !== cell))]))).toEqual(['lost-text']);
  });

  it('finds a repeated head row cut short', async () => {
    const [page] = set.composed;
    const repeat = page.elements.findIndex((e) => isLine(e) && e.origin.kind === 'table-head');
    expect(errors(await audit([withElements(page, page.elements.filter((_, i) => i !== repeat))]))).toEqual(['lost-text']);
  });

  it('finds a table rule moved onto a row of text', async () => {
    const [page] = set.composed;
    const row = page.elements.find((e): e is PlacedLine => isLine(e) && e.origin.kind === 'block' && e.measure < 60)!;
    const rules = page.rules.map((r, i) => (i === page.rules.findIndex((x) => x.article === 'a') ? { ...r, y1: row.baseline - 3, y2: row.baseline - 3 } : r));
    expect(errors(await audit([{ ...page, rules }]))).toContain('overlap');
  });
});
