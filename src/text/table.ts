/**
 * A table's texts set in the house style's table roles: each cell its own text (so a cell
 * breaks into lines within its column), the head row in the head style, the cells of a column
 * aligned as the column is (a decimal column right, the page builder lines up its points).
 */
import type { Align, HouseStyle, Inline, RoleStyle, SourcePos, Table, TableAlign, TableStyle } from '../model/index.js';
import type { SetText } from './index.js';

/** A table with its texts set. */
export interface ItemizedTable {
  readonly kind: 'table';
  readonly table: Table;
  readonly title?: SetText;
  readonly head: readonly SetText[];
  readonly rows: readonly (readonly SetText[])[];
  readonly note?: SetText;
  /** The house style's table: rules and column gap, for the page builder. */
  readonly style: TableStyle;
  readonly source: SourcePos;
}

const LINE_ALIGN: Record<TableAlign, Align> = { left: 'left', center: 'center', right: 'right', decimal: 'right' };

export function itemizeTable(table: Table, style: HouseStyle, set: (inlines: readonly Inline[], roleStyle: RoleStyle, source: SourcePos) => SetText): ItemizedTable {
  const styled = (base: RoleStyle, c: number): RoleStyle => ({ ...base, align: LINE_ALIGN[table.align[c] ?? 'left'] });
  return {
    kind: 'table',
    table,
    ...(table.title ? { title: set(table.title, style.table.title, table.source) } : {}),
    head: table.head.cells.map((cell, c) => set(cell, styled(style.table.head, c), table.head.source)),
    rows: table.rows.map((row) => row.cells.map((cell, c) => set(cell, styled(style.table.cell, c), row.source))),
    ...(table.note ? { note: set(table.note, style.table.note, table.source) } : {}),
    style: style.table,
    source: table.source,
  };
}

/** The texts of a set table in reading order: title, head row, body rows cell by cell, source line. */
export function tableSetTexts(table: ItemizedTable): SetText[] {
  return [...(table.title ? [table.title] : []), ...table.head, ...table.rows.flat(), ...(table.note ? [table.note] : [])];
}
