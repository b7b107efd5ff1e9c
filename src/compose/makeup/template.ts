/**
 * The template's kept cells (`template: areas:` with `.`): one rectangle at the page's foot, its
 * depth the sum of its bands' `rows` (which must be given: an advertisement has a size).
 */
import { ContentError, type AutoMakeup, type Page } from '../../model/index.js';
import { fixedLines } from '../bands.js';
import type { PageGeometry } from '../geometry.js';
import type { KeptCells } from './grid.js';
import type { GridLines } from './types.js';

export function keptCells(page: Page & { readonly auto: AutoMakeup }, geometry: PageGeometry, lines: GridLines): KeptCells | undefined {
  const template = page.auto.template;
  if (!template) return undefined;
  const keptRows = template.map((band, row) => ({ band, row })).filter(({ band }) => band.includes('.'));
  if (keptRows.length === 0) return undefined;
  let depth = 0;
  for (const { row } of keptRows) {
    const fixed = fixedLines(page.rows[row], lines, geometry.pitch);
    if (fixed === undefined) throw new ContentError(`page ${page.number}: band ${row + 1} of the template keeps cells empty but its row is auto`, page.source, `give the kept band a depth in rows, e.g. rows: [auto, "30%"] (or "120mm", "20 lines")`);
    depth += fixed;
  }
  if (depth >= lines) throw new ContentError(`page ${page.number}: the template keeps ${depth} of the page's ${lines} lines empty, leaving none for its articles`, page.source, 'give the kept bands less depth in rows');
  const band = keptRows[0].band;
  const column = band.indexOf('.');
  const columns = band.lastIndexOf('.') - column + 1;
  return { column, columns, line: lines - depth, lines: depth };
}
