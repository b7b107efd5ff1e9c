import { ContentError, type Page, type RowHeight } from '../model/index.js';
import { PT_PER_MM } from './geometry.js';

/** An article's cells in the page's areas grid: bands [firstRow, lastRow], columns [firstColumn, lastColumn]. */
export interface Cells {
  readonly id: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** Each id's rectangle of cells (the parser has checked that the cells form one rectangle). */
export function cellsOf(page: Page): Map<string, Cells> {
  const found = new Map<string, Cells>();
  page.areas.forEach((band, row) => {
    band.forEach((id, column) => {
      if (id === '.') return;
      const seen = found.get(id);
      found.set(
        id,
        seen
          ? { id, firstRow: Math.min(seen.firstRow, row), lastRow: Math.max(seen.lastRow, row), firstColumn: Math.min(seen.firstColumn, column), lastColumn: Math.max(seen.lastColumn, column) }
          : { id, firstRow: row, lastRow: row, firstColumn: column, lastColumn: column },
      );
    });
  });
  return found;
}

/**
 * Band heights in grid lines. Fixed bands (`40%`, `120mm`) take their share; `auto` bands are
 * as deep as the articles that end in them need, top to bottom; lines left over go to the last
 * auto band. `need` gives an article's lines, space above it included.
 */
export function solveRows(page: Page, available: number, pitch: number, need: (id: string) => number): number[] {
  const cells = [...cellsOf(page).values()];
  const heights = page.rows.map((row: RowHeight) => {
    switch (row.kind) {
      case 'percent':
        return Math.floor((available * row.value) / 100);
      case 'mm':
        return Math.floor((row.value * PT_PER_MM) / pitch);
      case 'auto':
        return 0;
      default: {
        const never: never = row;
        throw new Error(`unknown row ${JSON.stringify(never)}`);
      }
    }
  });
  page.rows.forEach((row, r) => {
    if (row.kind !== 'auto') return;
    for (const c of cells) {
      if (c.lastRow !== r) continue;
      const above = heights.slice(c.firstRow, r).reduce((a, b) => a + b, 0);
      heights[r] = Math.max(heights[r], need(c.id) - above);
    }
  });
  const total = heights.reduce((a, b) => a + b, 0);
  const autoRows = page.rows.map((row, r) => (row.kind === 'auto' ? r : -1)).filter((r) => r >= 0);
  const lastAuto = autoRows[autoRows.length - 1];
  if (total < available && lastAuto !== undefined) heights[lastAuto] += available - total;
  if (total > available) {
    if (lastAuto === undefined || heights[lastAuto] - (total - available) < 1) {
      throw new ContentError(
        `page ${page.number}: the articles need ${total} lines but the page has ${available}`,
        page.source,
        'give the bands fixed heights (rows), spread the articles over more columns, or shorten them',
      );
    }
    heights[lastAuto] -= total - available;
  }
  return heights;
}
