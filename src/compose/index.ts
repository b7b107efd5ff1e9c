/**
 * Compose stage: itemized pages → composed pages. The grid and the modules come from the page's
 * `areas`; each article is set in its module; the header, column rules and boxes are added.
 * Sees widths and items only, never fonts or Markdown.
 */
import { ContentError, type HouseStyle } from '../model/index.js';
import type { ItemizedEdition, ItemizedPage } from '../text/index.js';
import { layoutArticle, MEASURING_LINES, type Module } from './article.js';
import { baselineIn, pageGeometry } from './geometry.js';
import { layoutHeader } from './header.js';
import { cellsOf, solveRows } from './modules.js';
import { moduleRules } from './rules.js';
import type { ArticleLayout, ComposedPage, PlacedElement, PlacedRule } from './types.js';

export type * from './types.js';
export { pageGeometry, PT_PER_MM, type PageGeometry } from './geometry.js';

export function composePages(edition: ItemizedEdition, style: HouseStyle): ComposedPage[] {
  return edition.pages.map((page) => composePage(page, style));
}

function composePage(itemized: ItemizedPage, style: HouseStyle): ComposedPage {
  const { page } = itemized;
  const geometry = pageGeometry(page.size, page.columns, style);
  const pitch = geometry.pitch;
  const totalLines = Math.round(geometry.height / pitch);
  const header = layoutHeader(itemized.header, geometry, style);
  const cells = cellsOf(page);
  const articles = new Map(itemized.articles.map((a) => [a.id, a]));
  for (const id of cells.keys()) {
    if (!articles.has(id)) {
      throw new ContentError(`page ${page.number}: "${id}" continues an article of an earlier page; jumps are not set yet`, page.source, `place all of "${id}" on the page where it starts`);
    }
  }
  const moduleOf = (id: string, lines: number): Module => {
    const c = cells.get(id)!;
    const span = c.lastColumn - c.firstColumn + 1;
    return { x: geometry.left + c.firstColumn * (geometry.columnWidth + geometry.gutter), width: span * geometry.columnWidth + (span - 1) * geometry.gutter, basicColumns: span, lines };
  };
  const gapAbove = (id: string): number => (cells.get(id)!.firstRow > 0 ? 1 : 0);
  const heights = solveRows(page, totalLines, pitch, (id) => layoutArticle(articles.get(id)!, moduleOf(id, MEASURING_LINES), geometry, style).usedLines + gapAbove(id));

  const bandTopLine = heights.map((_, r) => heights.slice(0, r).reduce((a, b) => a + b, 0));
  const yOfLine = (line: number): number => geometry.top + line * pitch;
  const elements: PlacedElement[] = [...header.lines];
  const rules: PlacedRule[] = [...header.rules];
  const layouts: ArticleLayout[] = [];
  for (const article of itemized.articles) {
    const c = cells.get(article.id);
    if (!c) continue; // the parser has checked that every article is placed
    const topLine = bandTopLine[c.firstRow] + gapAbove(article.id);
    const lines = heights.slice(c.firstRow, c.lastRow + 1).reduce((a, b) => a + b, 0) - gapAbove(article.id);
    const module = moduleOf(article.id, lines);
    const setting = layoutArticle(article, module, geometry, style);
    if (setting.overflowChars > 0) {
      throw new ContentError(
        `article "${article.id}" does not fit its area on page ${page.number}: ${setting.overflowChars} characters of its columns could not be placed in ${lines} lines`,
        article.source,
        'give it more columns or bands in `areas`, or shorten it (jumps to a later page come in a later version)',
      );
    }
    const dy = yOfLine(topLine);
    for (const e of setting.elements) {
      elements.push(e.kind === 'line' ? { ...e, baseline: e.baseline + dy } : { ...e, y: e.y + dy });
    }
    for (const r of setting.rules) rules.push({ ...r, y1: r.y1 + dy, y2: r.y2 + dy });
    layouts.push({ ...setting.layout, x: module.x, y: dy, width: module.width, height: lines * pitch, moduleLines: lines });
  }
  const boxed = new Set(itemized.articles.filter((a) => a.box).map((a) => a.id));
  const bandTops = bandTopLine.map(yOfLine);
  const bandBottoms = heights.map((h, r) => yOfLine(bandTopLine[r] + h));
  rules.push(...moduleRules(page, geometry, bandTops, bandBottoms, boxed, style.rules.column));
  return {
    width: geometry.pageWidth,
    height: geometry.pageHeight,
    number: page.number,
    label: `第${page.number}版 ${page.section}`,
    elements,
    rules,
    fills: [],
    articles: layouts,
    grid: { pitch, firstBaseline: baselineIn(yOfLine(0), pitch, geometry.em), lines: totalLines },
    warnings: [],
  };
}
