/**
 * The running head (报眉, src/compose/header.ts, header-rows.ts) on pages of every width: its
 * fields never run into each other and never leave the page (with 3 mm to the trim), and the
 * type area gives up lines where the top margin cannot hold the header band.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/index.js';
import { composePages, pageGeometry, PT_PER_MM, type ComposedPage, type PlacedLine } from '../../src/compose/index.js';
import { EM_BOX_ASCENT } from '../../src/compose/geometry.js';
import { ARRANGEMENTS, planHeader } from '../../src/compose/header-rows.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { ContentError, DEFAULT_STYLE, HAO } from '../../src/model/index.js';
import { itemizeEdition, type ItemizedEdition } from '../../src/text/index.js';
import { article, pageFile, parseFiles } from '../helpers/edition.js';

const BODY = '江苏地处长三角、长江经济带交汇区域和对外开放前沿,产业链规模大、门类齐。近年来,江苏大力推进产业链党建工作。';

let fonts: FontBook;
beforeAll(() => {
  fonts = loadFontBook();
});

interface Setting {
  readonly itemized: ItemizedEdition;
  readonly page: ComposedPage;
}

/** One page of `columns` columns on `size`, one article across them. */
function setPage(size: string, columns: number, header: { section?: string; paper?: string } = {}): Setting {
  const band = Array.from({ length: columns }, () => 'a').join(' ');
  const edition = parseFiles({ '11.md': pageFile({ page: 11, size, columns, areas: [band], editor: '责任编辑：张三', ...header }, [article('a', ['# 党建聚合力', BODY, BODY])]) });
  const itemized = itemizeEdition(edition, fonts, DEFAULT_STYLE);
  return { itemized, page: composePages(itemized, DEFAULT_STYLE)[0] };
}

interface Extent {
  readonly field: string;
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
  readonly size: number;
  readonly baseline: number;
}

/** The em boxes of the running head's lines (and the credit line). */
function headerExtents(page: ComposedPage): Extent[] {
  return page.elements
    .filter((e): e is PlacedLine => e.kind === 'line' && e.origin.kind === 'header')
    .map((l) => {
      const size = Math.max(...l.items.flatMap((item) => (item.kind === 'box' && item.run ? [item.run.size] : [])));
      const field = l.origin.kind === 'header' ? l.origin.field : '';
      return { field, x1: l.x, x2: l.x + l.measure, y1: l.baseline - EM_BOX_ASCENT * size, y2: l.baseline + (1 - EM_BOX_ASCENT) * size, size, baseline: l.baseline };
    });
}

const SAFE = 3 * PT_PER_MM;

function expectClean(page: ComposedPage): Extent[] {
  const extents = headerExtents(page);
  expect(extents.map((e) => e.field).sort()).toEqual(['date', 'editor', 'folio', 'paper', 'section']);
  for (const e of extents) {
    expect(e.x1, e.field).toBeGreaterThanOrEqual(SAFE);
    expect(e.x2, e.field).toBeLessThanOrEqual(page.width - SAFE);
    expect(e.y1, e.field).toBeGreaterThanOrEqual(SAFE - 1e-6);
    expect(e.y2, e.field).toBeLessThanOrEqual(page.height - SAFE + 1e-6);
    // Inside the type area's width, and no field below 六号.
    expect(e.x1).toBeGreaterThanOrEqual(page.typeArea.x - 1e-6);
    expect(e.x2).toBeLessThanOrEqual(page.typeArea.x + page.typeArea.width + 1e-6);
    expect(e.size).toBeGreaterThanOrEqual(HAO.六号 - 1e-9);
  }
  for (let i = 0; i < extents.length; i++) {
    for (let j = i + 1; j < extents.length; j++) {
      const [a, b] = [extents[i], extents[j]];
      const apart = a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1;
      expect(apart, `${a.field} and ${b.field}`).toBe(true);
    }
  }
  // The header (and its rules) above the type area, the credit line under it.
  const rules = page.rules.filter((r) => r.article === '#page' && r.y1 === r.y2 && r.y1 < page.typeArea.y);
  expect(rules.length).toBe(2);
  for (const r of rules) expect(r.y1).toBeGreaterThan(Math.max(...extents.filter((e) => e.field !== 'editor').map((e) => e.y2)));
  return extents;
}

/** The audit's findings about the running head. */
async function headerFindings(s: Setting): Promise<string[]> {
  const report = await checkEdition({ itemized: s.itemized, composed: [s.page] });
  return report.findings.filter((f) => f.code === 'overlap' || f.code === 'off-page').map((f) => `${f.code}: ${f.message}`);
}

/** Lines of the running head: its distinct baselines. */
const rows = (extents: readonly Extent[]): number => new Set(extents.filter((e) => e.field !== 'editor').map((e) => e.baseline.toFixed(6))).size;

describe('the running head on a broadsheet', () => {
  it('stays one line at its sizes, three line pitches above the type area', () => {
    const s = setPage('broadsheet', 8);
    const extents = expectClean(s.page);
    expect(rows(extents)).toBe(1);
    expect(extents.find((e) => e.field === 'paper')!.size).toBe(DEFAULT_STYLE.headerPaper.size);
    const g = pageGeometry({ kind: 'named', name: 'broadsheet' }, 8, DEFAULT_STYLE);
    expect(s.page.typeArea).toEqual({ x: g.left, y: g.top, width: g.width, height: g.height });
  });
});

describe('the running head on narrow pages', () => {
  it('A4 in 2 columns (243 pt of type area): one line, set smaller, nothing overprinted', async () => {
    const s = setPage('A4', 2);
    expect(s.page.typeArea.width).toBe(2 * 117 + 9);
    const extents = expectClean(s.page);
    expect(rows(extents)).toBe(1);
    expect(extents.find((e) => e.field === 'paper')!.size).toBeLessThan(DEFAULT_STYLE.headerPaper.size);
    expect(await headerFindings(s)).toEqual([]);
  });

  it('A4 in 2 columns with a long section name: two lines, the date under the paper', async () => {
    const s = setPage('A4', 2, { section: '国际副刊·环球走笔' });
    const extents = expectClean(s.page);
    expect(rows(extents)).toBe(2);
    const at = (field: string) => extents.find((e) => e.field === field)!;
    expect(at('date').y1).toBeGreaterThan(at('paper').y2);
    expect(at('date').x2).toBeCloseTo(at('paper').x2, 6);
    expect(await headerFindings(s)).toEqual([]);
  });

  it('A4 in 1 column (117 pt): three lines', async () => {
    const s = setPage('A4', 1);
    expect(rows(expectClean(s.page))).toBe(3);
    expect(await headerFindings(s)).toEqual([]);
  });

  it('180x260mm: the type area gives up a line at its top so the header band keeps 3 mm to the trim', async () => {
    const s = setPage('"180x260mm"', 4);
    const g = pageGeometry({ kind: 'custom', widthMm: 180, heightMm: 260 }, 4, DEFAULT_STYLE);
    // Without the change the band (3 pitches) would start 2.7 pt above the page.
    expect(g.top - 3 * g.pitch).toBeLessThan(SAFE);
    expect(s.page.typeArea.y).toBeCloseTo(g.top + g.pitch, 9);
    expect(s.page.typeArea.height).toBeCloseTo(g.height - g.pitch, 9);
    expect(s.page.grid.lines).toBe(Math.round(g.height / g.pitch) - 1);
    expectClean(s.page);
    expect(await headerFindings(s)).toEqual([]);
  });

  it('refuses a page whose running head fits no way, naming the page file', () => {
    const error = (() => {
      try {
        setPage('A4', 1, { section: '国际副刊·环球走笔·文化' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).pos).toEqual({ file: expect.stringMatching(/11\.md$/), line: 1 });
    expect((error as ContentError).message).toMatch(/running head does not fit the type area, 117 pt wide/);
    expect((error as ContentError).hint).toMatch(/shorten the section or paper name/);
  });
});

describe('planHeader (the order of the steps)', () => {
  const widths = { folio: 30, section: 30, date: 100, paper: 60 };
  const limits = (width: number) => ({ width, gap: 13.5, minGap: 9, minGroupGap: 18, minScale: 0.8 });

  it('preferred gaps when there is room', () => {
    expect(planHeader(widths, limits(400))).toEqual({ rows: ARRANGEMENTS[0], scale: 1, gaps: [13.5] });
  });

  it('then narrower gaps, at the fields’ sizes', () => {
    const plan = planHeader(widths, limits(260))!;
    expect(plan.scale).toBe(1);
    expect(plan.gaps[0]).toBeCloseTo(11, 9); // (260 − 220 − 18) / 2
  });

  it('then smaller fields with the least gaps', () => {
    const plan = planHeader(widths, limits(220))!;
    expect(plan.rows).toBe(ARRANGEMENTS[0]);
    expect(plan.scale).toBeCloseTo((220 - 18 - 18) / 220, 9);
    expect(plan.gaps).toEqual([9]);
  });

  it('then two lines, then three; none when a field alone is too wide', () => {
    expect(planHeader(widths, limits(160))!.rows).toBe(ARRANGEMENTS[1]);
    expect(planHeader(widths, limits(100))!.rows).toBe(ARRANGEMENTS[2]);
    expect(planHeader(widths, limits(60))).toBeUndefined();
  });
});
