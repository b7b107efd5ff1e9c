/**
 * A table as XHTML: `<table>` with its title as `<caption>`, the head row in `<thead>` (`<th
 * scope="col">`), the body rows in `<tbody>`, each column's alignment as a class (css.ts), and
 * the source line in a `<p class="table-source">` after it.
 */
import type { Table, TableAlign } from '../../model/document.js';
import { inlinesToXhtml, type InlineContext } from './inline-html.js';

/** The class a cell of a column aligned so takes (css.ts gives decimal columns tabular figures, right-aligned). */
const ALIGN_CLASS: Record<TableAlign, string> = { left: 'al-left', center: 'al-center', right: 'al-right', decimal: 'al-decimal' };

export function tableXhtml(table: Table, ctx: InlineContext): string {
  const cls = (c: number): string => ALIGN_CLASS[table.align[c] ?? 'left'];
  const lines: string[] = [`<table class="${table.rowRules ? 'table rules-rows' : 'table'}">`];
  if (table.title) lines.push(`<caption>${inlinesToXhtml(table.title, 'table-title', ctx)}</caption>`);
  lines.push('<thead>', `<tr>${table.head.cells.map((cell, c) => `<th scope="col" class="${cls(c)}">${inlinesToXhtml(cell, 'table-head', ctx)}</th>`).join('')}</tr>`, '</thead>');
  lines.push('<tbody>');
  for (const row of table.rows) lines.push(`<tr>${row.cells.map((cell, c) => `<td class="${cls(c)}">${inlinesToXhtml(cell, 'body', ctx)}</td>`).join('')}</tr>`);
  lines.push('</tbody>', '</table>');
  if (table.note) lines.push(`<p class="table-source">${inlinesToXhtml(table.note, 'caption', ctx)}</p>`);
  return lines.join('\n');
}
