import type { Page } from '../model/index.js';

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

