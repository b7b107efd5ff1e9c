import type { Inline, Table, TableRow } from './document.js';

/** Every text of a table in reading order: title, head cells, body cells row by row, source line. */
export function tableTexts(table: Table): (readonly Inline[])[] {
  return [...(table.title ? [table.title] : []), ...table.head.cells, ...table.rows.flatMap((row) => row.cells), ...(table.note ? [table.note] : [])];
}

/** The table with `f` applied to each of its texts (normalisation). */
export function mapTableTexts(table: Table, f: (inlines: readonly Inline[]) => Inline[]): Table {
  const row = (r: TableRow): TableRow => ({ ...r, cells: r.cells.map(f) });
  return { ...table, head: row(table.head), rows: table.rows.map(row), ...(table.title ? { title: f(table.title) } : {}), ...(table.note ? { note: f(table.note) } : {}) };
}
