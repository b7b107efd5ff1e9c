import { breakLines, DEFAULT_BREAK_OPTIONS, type Line } from '../linebreak/index.js';
import type { RoleStyle } from '../model/index.js';
import type { SetText } from '../text/index.js';
import { baselineIn } from './geometry.js';
import type { MarkOrigin, StructureTag } from './types.js';

/** A line of a set text, relative to the top of the block it is in. */
export interface RelativeLine {
  readonly dx: number;
  /** Baseline offset from the block top. */
  readonly dy: number;
  readonly measure: number;
  readonly set: SetText;
  readonly line: Line;
  readonly last: boolean;
  readonly tag: StructureTag;
  readonly origin: MarkOrigin;
  /** On the body grid (see PlacedLine). */
  readonly onGrid: boolean;
}

/**
 * A slab: what the column filler moves as one piece, a whole number of grid lines tall.
 * A body line is a slab of one line; a section head with its space above is one slab; a figure
 * with its caption is one slab.
 */
export interface Slab {
  readonly lines: number;
  readonly content: readonly RelativeLine[];
  /** Must end a column together with the next slab (heads, a paragraph's first line; widow/orphan control). */
  readonly keepWithNext: boolean;
  /** Blank space that disappears at the top of a column. */
  readonly discardableAtTop: boolean;
  /** Index of the article block it comes from: the reading order. */
  readonly block: number;
  /** Characters it holds, for overflow reports. */
  readonly chars: number;
}

/** Break a set text into lines at `measure`. */
export function setLines(set: SetText, measure: number, looseness = 0): Line[] {
  // The page builder asks again for the same paragraph at the same measure (measuring, then
  // setting, then trying looseness): break it once.
  let memo = BROKEN.get(set);
  if (!memo) BROKEN.set(set, (memo = new Map()));
  const key = `${measure}|${looseness}`;
  let lines = memo.get(key);
  if (!lines) memo.set(key, (lines = breakSet(set, measure, looseness)));
  return lines;
}

/** Lines already broken, per set text, measure and looseness. */
const BROKEN = new WeakMap<SetText, Map<string, Line[]>>();

function breakSet(set: SetText, measure: number, looseness: number): Line[] {
  // A centred or flush line is not stretched, so a short line is no worse than a full one:
  // any stretch ratio is acceptable, and the penalties (phrase breaks) decide.
  const ragged = set.style.align !== 'justify';
  return breakLines(set.items, measure, { ...DEFAULT_BREAK_OPTIONS, mode: set.lineBreaking, looseness, ...(ragged ? { tolerance: Number.POSITIVE_INFINITY, ragged, fitnessDemerits: 0 } : {}) });
}

/** Lines of a text stacked at the text's own leading, relative to a top at 0. */
export function stackLines(set: SetText, style: RoleStyle, measure: number, tag: StructureTag, origin: MarkOrigin, top = 0, dx = 0): { lines: RelativeLine[]; height: number } {
  const broken = setLines(set, measure);
  const lines = broken.map((line, i) => ({
    dx,
    dy: baselineIn(top + i * style.leading, style.leading, style.size),
    measure,
    set,
    line,
    last: i === broken.length - 1,
    tag,
    origin,
    onGrid: false,
  }));
  return { lines, height: broken.length * style.leading };
}

/** Count of characters of a text that a reader would miss, for overflow messages. */
export function visibleChars(text: string): number {
  return Array.from(text.replace(/\s/g, '')).length;
}
