/**
 * How the running head's fields (报眉: folio, section, date, paper) share the width of the type
 * area: on one line while they fit, else on more lines. Every field is always set (a newsroom
 * expects each of them on every page); this file only decides rows, gaps and one size factor.
 */

/** The running head's fields, without the credit line under the type area. */
export type RunningField = 'folio' | 'section' | 'date' | 'paper';

/** One line of the running head: fields flush left (in order), fields flush right (in order). */
export interface RowSpec {
  readonly left: readonly RunningField[];
  readonly right: readonly RunningField[];
}

/**
 * The arrangements, in order of preference. One line, as on a broadsheet (第11版 党建 …
 * 2024年11月24日 星期日 人民日报). Two lines: the top keeps folio, section and paper where
 * they were, the date (the smallest field) goes under the paper. Three: the paper under the
 * folio and section, and the date under the paper, for the narrowest pages.
 */
export const ARRANGEMENTS: readonly (readonly RowSpec[])[] = [
  [{ left: ['folio', 'section'], right: ['date', 'paper'] }],
  [
    { left: ['folio', 'section'], right: ['paper'] },
    { left: [], right: ['date'] },
  ],
  [
    { left: ['folio', 'section'], right: [] },
    { left: [], right: ['paper'] },
    { left: [], right: ['date'] },
  ],
];

/** What the plan needs to know about the fields: their natural widths (points). */
export type FieldWidths = Readonly<Record<RunningField, number>>;

export interface HeaderLimits {
  /** The width the fields share: the type area's. */
  readonly width: number;
  /** Gap between two fields on one side when there is room, and the least gap (points). */
  readonly gap: number;
  readonly minGap: number;
  /** The least space between the left fields and the right ones, which takes what the line has over. */
  readonly minGroupGap: number;
  /** The smallest size factor the fields may be set at. */
  readonly minScale: number;
}

export interface HeaderPlan {
  readonly rows: readonly RowSpec[];
  /** Size factor of every field (1: the house style's sizes). */
  readonly scale: number;
  /** Gap between neighbouring fields on one side, per row. */
  readonly gaps: readonly number[];
}

/**
 * The first arrangement whose lines hold their fields: first with the gaps narrowed down to the
 * least, then with every field set smaller down to `minScale` (gaps at the least); undefined
 * when even the last arrangement does not fit at the smallest size.
 */
export function planHeader(widths: FieldWidths, limits: HeaderLimits): HeaderPlan | undefined {
  for (const rows of ARRANGEMENTS) {
    const plan = fitRows(rows, widths, limits);
    if (plan) return plan;
  }
  return undefined;
}

/** A line's text width, its gaps between fields on one side, and the space it keeps between the sides. */
function lineNeeds(row: RowSpec, widths: FieldWidths, limits: HeaderLimits): { text: number; gaps: number; group: number } {
  const text = [...row.left, ...row.right].reduce((sum, f) => sum + widths[f], 0);
  const gaps = Math.max(0, row.left.length - 1) + Math.max(0, row.right.length - 1);
  const group = row.left.length > 0 && row.right.length > 0 ? limits.minGroupGap : 0;
  return { text, gaps, group };
}

function fitRows(rows: readonly RowSpec[], widths: FieldWidths, limits: HeaderLimits): HeaderPlan | undefined {
  const needs = rows.map((row) => lineNeeds(row, widths, limits));
  // At the house style's sizes, with gaps as wide as the line allows (at most the preferred one).
  const room = needs.map((n) => (n.gaps === 0 ? Infinity : (limits.width - n.text - n.group) / n.gaps));
  if (needs.every((n, i) => n.text + n.group <= limits.width && room[i] >= limits.minGap)) {
    return { rows, scale: 1, gaps: room.map((r) => Math.min(limits.gap, r)) };
  }
  // Smaller, with the least gaps: the one factor that fits the fullest line.
  const scale = Math.min(...needs.map((n) => (limits.width - n.gaps * limits.minGap - n.group) / n.text));
  if (!(scale >= limits.minScale)) return undefined;
  return { rows, scale, gaps: rows.map(() => limits.minGap) };
}
