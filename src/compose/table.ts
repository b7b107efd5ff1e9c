/**
 * A table set in a text column: its columns as wide as their widest cell, the rest of the
 * measure shared out; every row on whole body grid lines (a cell may wrap to several lines in
 * its column); the head row in the sans face; figures lined up on the decimal point; the
 * newspaper's rules — thick above and below, thin under the head row and, asked for, between
 * rows — kept in the space between the grid lines' em boxes, never on text. Each row is a slab
 * of the column flow: a table longer than its column goes on in the next with its head row
 * repeated above (the slab's carry), and the column it leaves gets its foot rule.
 */
import { LAST_RESORT_PENALTY, type Item, type ItemizedTable, type SetText } from '../text/index.js';
import { baselineIn } from './geometry.js';
import type { LineCache } from './line-cache.js';
import { setLines, visibleChars, type RelativeLine, type RelativeRule, type Slab, type SlabCarry } from './slabs.js';
import type { MarkOrigin, StructureRole } from './types.js';

/** Grid lines of space above and below a table (dropped at a column top). */
const SPACE_LINES = 1;

/** Width of a text set on one line: its boxes and glue at their natural width. */
export function naturalWidth(items: readonly Item[]): number {
  let width = 0;
  for (const item of items) {
    if (item.kind === 'box') width += item.width;
    else if (item.kind === 'glue' && item.glue !== 'paragraph-fill') width += item.width;
  }
  return width;
}

/** The widest piece a text is not broken inside (a character with the mark after it, a Latin word, a figure). */
function widestPiece(items: readonly Item[]): number {
  let widest = 0;
  let run = 0;
  items.forEach((item, i) => {
    // A break of last resort (inside a figure or a Latin word) does not count: the column is widened first.
    const breaksHere = (item.kind === 'penalty' && item.penalty < LAST_RESORT_PENALTY) || (item.kind === 'glue' && item.glue !== 'letter-space' && items[i - 1]?.kind === 'box');
    if (breaksHere) run = 0;
    else if (item.kind === 'box' || item.kind === 'glue') run += item.width;
    widest = Math.max(widest, run);
  });
  return widest;
}

/** Width of a figure from its decimal point on (0 for a whole number): what decimal alignment lines up. */
export function fractionWidth(items: readonly Item[]): number {
  let width = 0;
  let seen = false;
  for (const item of items) {
    if (item.kind === 'box' && item.run?.glyphs.some((g) => /[.．]/u.test(g.text))) seen = true;
    if (seen && (item.kind === 'box' || (item.kind === 'glue' && item.glue !== 'paragraph-fill'))) width += item.width;
  }
  return width;
}

/**
 * Widths of the table's columns in a measure: each column its widest cell, the measure left over
 * shared out evenly. When the widest cells do not fit side by side, the head row's cells wrap
 * first (each column as wide as its widest body cell, the room left setting whole the heads that
 * lack least); then the columns of text are narrowed (their cells wrap), down to their widest
 * unbreakable piece; columns of figures keep their width while they can; as a last resort every
 * column is narrowed alike.
 */
export function tableColumnWidths(table: ItemizedTable, measure: number): { widths: number[]; gap: number } {
  const count = table.head.length;
  const columns = Array.from({ length: count }, (_, c) => c);
  const body = (c: number): SetText[] => table.rows.flatMap((row) => (row[c] ? [row[c]] : []));
  const headWidth = columns.map((c) => naturalWidth(table.head[c].items));
  // A decimal column is as wide as its longest whole part and its longest fraction together.
  const figuresWidth = (c: number): number => {
    const cells = body(c);
    if (table.table.align[c] !== 'decimal') return Math.max(0, ...cells.map((s) => naturalWidth(s.items)));
    return Math.max(0, ...cells.map((s) => naturalWidth(s.items) - fractionWidth(s.items))) + Math.max(0, ...cells.map((s) => fractionWidth(s.items)));
  };
  const bodyWidth = columns.map((c) => Math.max(widestPiece(table.head[c].items), figuresWidth(c)));
  const full = columns.map((c) => Math.max(headWidth[c], bodyWidth[c]));
  const sum = (list: readonly number[]): number => list.reduce((a, b) => a + b, 0);
  // The gap between columns closes to its least before a head has to wrap.
  const { cell, columnGapEm, minColumnGapEm } = table.style;
  const gap = sum(full) + (count - 1) * columnGapEm * cell.size <= measure ? columnGapEm * cell.size : minColumnGapEm * cell.size;
  return { widths: shareOut(table, measure - (count - 1) * gap, full, bodyWidth, columns.map((c) => Math.max(widestPiece(table.head[c].items), ...body(c).map((s) => widestPiece(s.items))))), gap };
}

/** Widths of the columns in `room`: see tableColumnWidths. */
function shareOut(table: ItemizedTable, room: number, full: readonly number[], bodyWidth: readonly number[], least: readonly number[]): number[] {
  const count = full.length;
  const columns = Array.from({ length: count }, (_, c) => c);
  const sum = (list: readonly number[]): number => list.reduce((a, b) => a + b, 0);
  if (sum(full) <= room) return full.map((w) => w + (room - sum(full)) / count);
  if (sum(bodyWidth) <= room) {
    // Some heads wrap: the room left sets whole the heads that lack least, the rest share what remains.
    const widths = [...bodyWidth];
    let left = room - sum(bodyWidth);
    const byLack = [...columns].sort((a, b) => full[a] - bodyWidth[a] - (full[b] - bodyWidth[b]));
    for (const c of byLack) {
      const give = Math.min(left, full[c] - bodyWidth[c]);
      widths[c] += give;
      left -= give;
    }
    return widths;
  }
  const textual = columns.map((c) => table.table.align[c] === 'left' || table.table.align[c] === 'center');
  const fixed = sum(columns.map((c) => (textual[c] ? 0 : bodyWidth[c])));
  const flexible = sum(bodyWidth) - fixed;
  const scale = flexible > 0 ? (room - fixed) / flexible : 0;
  const narrowed = columns.map((c) => (textual[c] ? Math.max(least[c], bodyWidth[c] * scale) : bodyWidth[c]));
  if (sum(narrowed) <= room + 1e-6) return columns.map((c) => narrowed[c] + (textual[c] && flexible > 0 ? ((room - sum(narrowed)) * bodyWidth[c]) / flexible : 0));
  return narrowed.map((w) => (w * room) / sum(narrowed));
}

/** Where a table's slabs come from: the article and block, the column's measure and pitch. */
export interface TableFrame {
  readonly article: string;
  readonly block: number;
  readonly measure: number;
  readonly pitch: number;
}

/** A row of cells set side by side, each cell's lines one grid line apart from the row top. */
function setRow(cells: readonly SetText[], widths: readonly number[], xs: readonly number[], pads: readonly number[], frame: TableFrame, origin: MarkOrigin, cache: LineCache): { lines: RelativeLine[]; gridLines: number } {
  const lines: RelativeLine[] = [];
  let gridLines = 1;
  cells.forEach((set, c) => {
    const measure = widths[c] - pads[c];
    const broken = setLines(set, measure, cache);
    gridLines = Math.max(gridLines, broken.length);
    broken.forEach((line, k) => {
      lines.push({ dx: xs[c], dy: baselineIn(k * frame.pitch, frame.pitch, set.style.size), measure, set, line, last: k === broken.length - 1, tag: { article: frame.article, role: 'P' }, origin, onGrid: false });
    });
  });
  return { lines, gridLines };
}

/** A text across the table's measure, one grid line a line (its title, its source line). */
function setSpanning(set: SetText, role: StructureRole, frame: TableFrame, cache: LineCache): { lines: RelativeLine[]; gridLines: number } {
  const broken = setLines(set, frame.measure, cache);
  const lines = broken.map((line, k): RelativeLine => ({ dx: 0, dy: baselineIn(k * frame.pitch, frame.pitch, set.style.size), measure: frame.measure, set, line, last: k === broken.length - 1, tag: { article: frame.article, role }, origin: { kind: 'block', index: frame.block }, onGrid: false }));
  return { lines, gridLines: Math.max(1, broken.length) };
}

function textChars(sets: readonly SetText[]): number {
  return sets.reduce((n, s) => n + visibleChars(s.text), 0);
}

/**
 * The slabs of a table: space, title, head row, body rows, source line, space. A slab's `item`
 * is its place in that order (0 the space, 1 the title, 2 the head row, FIRST_ROW_ITEM + r body
 * row r, then the source line's and the space's): a continuation on a later page takes up from
 * item `from` (a body row there gets its head row repeated above it by its carry), and nothing
 * placed before it is set again.
 */
/** Items of a table's slabs (positions a continuation takes up from). */
const SPACE_ITEM = 0;
const TITLE_ITEM = 1;
const HEAD_ITEM = 2;
export const FIRST_ROW_ITEM = 3;

export function tableSlabs(table: ItemizedTable, frame: TableFrame, cache: LineCache, from = 0): Slab[] {
  const slabs = allSlabs(table, frame, cache);
  return from > 0 ? slabs.filter((slab) => slab.item >= from) : slabs;
}

function allSlabs(table: ItemizedTable, frame: TableFrame, cache: LineCache): Slab[] {
  const { measure, pitch, block } = frame;
  const { widths, gap } = tableColumnWidths(table, measure);
  const xs = widths.map((_, c) => widths.slice(0, c).reduce((a, b) => a + b, 0) + c * gap);
  const { rules: strokes } = table.style;
  const rule = (dy: number, width: number): RelativeRule => ({ dx: 0, dy, length: measure, width });
  const base = { discardableAtTop: false, block } as const;
  const space = (item: number): Slab => ({ ...base, lines: SPACE_LINES, content: [], keepWithNext: false, discardableAtTop: true, item, chars: 0 });

  // Decimal columns: each figure set short of its column's right edge by what its fraction lacks.
  const fraction = table.head.map((_, c) => (table.table.align[c] === 'decimal' ? Math.max(0, ...table.rows.map((row) => (row[c] ? fractionWidth(row[c].items) : 0))) : 0));
  const padsOf = (row: readonly SetText[]): number[] => row.map((set, c) => (table.table.align[c] === 'decimal' ? fraction[c] - fractionWidth(set.items) : 0));

  const head = setRow(table.head, widths, xs, table.head.map(() => 0), frame, { kind: 'block', index: block }, cache);
  const headRules = [rule(0, strokes.outer), rule(head.gridLines * pitch, strokes.head)];
  const repeated = setRow(table.head, widths, xs, table.head.map(() => 0), frame, { kind: 'table-head', index: block }, cache);
  const carry: SlabCarry = { lines: repeated.gridLines, content: repeated.lines, rules: headRules };

  const slabs: Slab[] = [];
  slabs.push(space(SPACE_ITEM));
  if (table.title) {
    const title = setSpanning(table.title, 'Caption', frame, cache);
    slabs.push({ ...base, lines: title.gridLines, content: title.lines, keepWithNext: true, item: TITLE_ITEM, chars: visibleChars(table.title.text) });
  }
  slabs.push({ ...base, lines: head.gridLines, content: head.lines, keepWithNext: true, item: HEAD_ITEM, chars: textChars(table.head), rules: headRules });
  table.rows.forEach((row, r) => {
    const set = setRow(row, widths, xs, padsOf(row), frame, { kind: 'block', index: block }, cache);
    const last = r === table.rows.length - 1;
    const rules = [...(table.table.rowRules && r > 0 ? [rule(0, strokes.row)] : []), ...(last ? [rule(set.gridLines * pitch, strokes.outer)] : [])];
    slabs.push({
      ...base,
      lines: set.gridLines,
      content: set.lines,
      // The last row keeps the source line with it; the first two rows stay together under the head.
      keepWithNext: (last && table.note !== undefined) || (r === 0 && table.rows.length > 1),
      item: FIRST_ROW_ITEM + r,
      chars: textChars(row),
      rules,
      carry,
      ...(last ? {} : { closeRule: rule(set.gridLines * pitch, strokes.outer) }),
    });
  });
  if (table.note) {
    const note = setSpanning(table.note, 'Caption', frame, cache);
    slabs.push({ ...base, lines: note.gridLines, content: note.lines, keepWithNext: false, item: FIRST_ROW_ITEM + table.rows.length, chars: visibleChars(table.note.text) });
  }
  slabs.push(space(FIRST_ROW_ITEM + table.rows.length + 1));
  return slabs;
}
