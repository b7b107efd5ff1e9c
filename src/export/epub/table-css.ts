/**
 * Tables in the e-book, from the house style's table (model/style.ts): the newspaper's rules as
 * borders — thick above and below, thin under the head row and, with `{rules=rows}`, between
 * rows — the head in its sans face (the role table), cells a size below the text, figures right
 * and in tabular digits so their decimal points line up.
 */
import { DEFAULT_STYLE } from '../../model/index.js';

/** Widths are written to two decimals of a point. */
const PT_DECIMALS = 2;

const pt = (value: number): string => `${Number(value.toFixed(PT_DECIMALS))}pt`;

export function tableCss(): string {
  const { table, body } = DEFAULT_STYLE;
  const size = Number((table.cell.size / body.size).toFixed(PT_DECIMALS));
  return `/* Tables: rules and sizes from the house style, as in print. */
table.table {
  width: 100%;
  margin: 1em 0;
  border-collapse: collapse;
  border-top: ${pt(table.rules.outer)} solid currentColor;
  border-bottom: ${pt(table.rules.outer)} solid currentColor;
  font-size: ${size}em;
  line-height: 1.5;
}

table.table caption {
  caption-side: top;
  padding-bottom: 0.3em;
  text-align: center;
}

table.table th, table.table td {
  padding: 0.1em 0.5em;
  vertical-align: top;
  text-align: left;
}

table.table thead th {
  border-bottom: ${pt(table.rules.head)} solid currentColor;
}

table.rules-rows tbody tr + tr td {
  border-top: ${pt(table.rules.row)} solid currentColor;
}

table.table .al-center {
  text-align: center;
}

table.table .al-right, table.table .al-decimal {
  text-align: right;
  font-variant-numeric: tabular-nums;
}

p.table-source {
  margin-bottom: 1em;
  font-size: ${Number((table.note.size / body.size).toFixed(PT_DECIMALS))}em;
  text-indent: 0;
  text-align: left;
}`;
}
