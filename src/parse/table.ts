/**
 * A GFM pipe table (markdown-it's `table_open` … `table_close`) → Table.
 *
 * Its title is the `{.table-title}` paragraph written just before it, its source line the
 * `{.source}` paragraph just after it; `{cols=N}` (its width in text columns) and `{rules=rows}`
 * (thin rules between the body rows) go in a paragraph of their own on the line after it, as
 * markdown-it-attrs reads them. A column with no alignment written whose body cells are all
 * figures (`47218.66`, `-0.1`, `5.0%`, `1,234`) is aligned on the decimal point.
 */
import type { Token } from 'markdown-it';
import type { Inline, SourcePos, Table, TableAlign, TableRow } from '../model/document.js';
import { plainText } from '../model/index.js';
import { at, fail } from './fail.js';
import { toInlines } from './inlines.js';
import { closing } from './markdown.js';

/** The class of the paragraph before a table that is its title, and after it, its source line. */
export const TABLE_TITLE_CLASS = 'table-title';
export const TABLE_SOURCE_CLASS = 'source';

/** The most columns and body rows a table may have: a table wider or longer is no newspaper table. */
export const MAX_TABLE_COLUMNS = 12;
export const MAX_TABLE_ROWS = 500;

const TABLE_SYNTAX = '| 项目 | 指数 |\n| --- | ---: |\n| 食品 | 101.2 |\n\n{cols=2 rules=rows}';

/** A figure as a table prints it: a sign, digits with , separators, a decimal point, a % or ‰. */
const FIGURE = /^[+\-−±]?\d[\d,，]*(?:[.．]\d+)?\s*[%‰％]?$/u;

function posOf(token: Token, file: string, fallback: SourcePos): SourcePos {
  return token.map ? at(file, token.map[0] + 1) : fallback;
}

const ALIGNS: Record<string, TableAlign> = { 'text-align:left': 'left', 'text-align:center': 'center', 'text-align:right': 'right' };

/** A cell's written alignment (from the delimiter row), or undefined; any other {…} on a cell is refused. */
function cellAlign(token: Token, pos: SourcePos): TableAlign | undefined {
  let align: TableAlign | undefined;
  for (const [key, value] of token.attrs ?? []) {
    if (key === 'style' && ALIGNS[value]) align = ALIGNS[value];
    else fail(pos, `{${key === 'class' ? `.${value}` : `${key}=${value}`}} on a table cell is not part of the content format`, 'a cell holds text, **strong** or *emphasis*; cells are not merged (no colspan or rowspan): write the value in each cell');
  }
  return align;
}

/** The rows of a `thead` or `tbody` from `open` to `close`, with each cell's written alignment. */
function rowsOf(tokens: readonly Token[], open: number, close: number, file: string, tablePos: SourcePos): { rows: TableRow[]; aligns: (TableAlign | undefined)[] } {
  const rows: TableRow[] = [];
  let aligns: (TableAlign | undefined)[] = [];
  for (let i = open + 1; i < close; i = closing(tokens, i) + 1) {
    const tr = tokens[i];
    const pos = posOf(tr, file, tablePos);
    const cells: Inline[][] = [];
    aligns = [];
    for (let j = i + 1; j < closing(tokens, i); j = closing(tokens, j) + 1) {
      const cell = tokens[j];
      aligns.push(cellAlign(cell, pos));
      cells.push(toInlines(tokens[j + 1]?.type === 'inline' ? (tokens[j + 1].children ?? []) : [], pos));
    }
    rows.push({ cells, source: pos });
  }
  return { rows, aligns };
}

/** The table's `{cols=N}` and `{rules=rows}`. */
function tableAttrs(token: Token, columns: number, pos: SourcePos): { cols?: number; rowRules: boolean } {
  let cols: number | undefined;
  let rowRules = false;
  const only = `a table takes {cols=N}, its width in text columns (1 to ${columns}), and {rules=rows} for thin rules between its rows, in a paragraph of their own after it:\n${TABLE_SYNTAX}`;
  for (const [key, value] of token.attrs ?? []) {
    if (key === 'cols') {
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (!(n >= 1 && n <= columns)) fail(pos, `{cols=${value}} is not a width between 1 and ${columns} columns`, only);
      cols = n;
    } else if (key === 'rules') {
      if (value !== 'rows' && value !== 'none') fail(pos, `{rules=${value}} is not rows or none`, only);
      rowRules = value === 'rows';
    } else {
      fail(pos, `unknown attribute {${key === 'class' ? `.${value}` : `${key}=${value}`}} on a table`, only);
    }
  }
  return { ...(cols === undefined ? {} : { cols }), rowRules };
}

/** Is every non-empty body cell of column `c` a figure (and one at least)? */
function figuresColumn(rows: readonly TableRow[], c: number): boolean {
  let any = false;
  for (const row of rows) {
    const cell = row.cells[c] ?? [];
    if (cell.some((inline) => inline.kind !== 'text')) return false;
    const text = plainText(cell).trim();
    if (text === '' || text === '—' || text === '-') continue;
    if (!FIGURE.test(text)) return false;
    any = true;
  }
  return any;
}

/**
 * The table whose `table_open` is `tokens[open]`, with the title given (from the paragraph before
 * it) and the `{.source}` paragraph after it, if there is one. Returns the table and the index of
 * the last token it took.
 */
export function toTable(tokens: readonly Token[], open: number, ctx: { readonly file: string; readonly columns: number; readonly lines: readonly string[] }, title: readonly Inline[] | undefined): { table: Table; last: number } {
  const { file, columns } = ctx;
  const pos = at(file, (tokens[open].map?.[0] ?? 0) + 1);
  const close = closing(tokens, open);
  let head: TableRow | undefined;
  let body: TableRow[] = [];
  let written: (TableAlign | undefined)[] = [];
  for (let i = open + 1; i < close; i = closing(tokens, i) + 1) {
    const part = rowsOf(tokens, i, closing(tokens, i), file, pos);
    if (tokens[i].type === 'thead_open') {
      head = part.rows[0];
      written = part.aligns;
    } else body = part.rows;
  }
  if (!head) return fail(pos, 'a table with no head row', `write a head row, then a delimiter row: ${TABLE_SYNTAX}`);
  if (head.cells.length > MAX_TABLE_COLUMNS) fail(pos, `a table of ${head.cells.length} columns, more than the ${MAX_TABLE_COLUMNS} a column of newsprint can show`, 'split it into two tables, or leave out columns');
  // markdown-it drops the cells a row has beyond the head's: refuse them, nothing is lost.
  for (const tr of tokens.slice(open, close).filter((t) => t.type === 'tr_open' && t.map)) {
    const written = cellsWritten(ctx.lines[tr.map![0]] ?? '');
    if (written > head.cells.length) fail(at(file, tr.map![0] + 1), `a row of ${written} cells under a head row of ${head.cells.length}`, 'give the head row a cell for every column, or remove the extra cells (a | inside a cell is written \\|)');
  }
  if (body.length === 0) fail(pos, 'a table with no rows under its head', 'write its rows under the delimiter row (| --- |), one row a line');
  if (body.length > MAX_TABLE_ROWS) fail(pos, `a table of ${body.length} rows, more than the ${MAX_TABLE_ROWS} a page can hold`, 'split it, or print the full list elsewhere and keep its top rows');
  const align = head.cells.map((_, c): TableAlign => written[c] ?? (figuresColumn(body, c) ? 'decimal' : 'left'));
  const { cols, rowRules } = tableAttrs(tokens[open], columns, pos);
  let last = close;
  let note: Inline[] | undefined;
  const after = tokens[close + 1];
  if (after?.type === 'paragraph_open' && classOf(after) === TABLE_SOURCE_CLASS) {
    note = toInlines(tokens[close + 2].children ?? [], posOf(after, file, pos));
    if (note.length === 0) fail(posOf(after, file, pos), 'a source line with no text', 'write the source before {.source}: 来源：国家统计局 {.source}');
    last = closing(tokens, close + 1);
  }
  const table: Table = {
    kind: 'table',
    head,
    rows: body,
    align,
    ...(title && title.length > 0 ? { title } : {}),
    ...(note ? { note } : {}),
    ...(cols === undefined ? {} : { cols }),
    rowRules,
    source: pos,
  };
  return { table, last };
}

/** Cells written on a table row's line: its | separators, the outer ones and escaped \| aside. */
function cellsWritten(line: string): number {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).length;
}

/** The single class of a paragraph (`{.table-title}`), if it has exactly that. */
export function classOf(token: Token): string | undefined {
  const attrs = token.attrs ?? [];
  return attrs.length === 1 && attrs[0][0] === 'class' ? attrs[0][1].trim() : undefined;
}
