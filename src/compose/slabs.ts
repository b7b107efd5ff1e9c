import { breakLinesLoose, DEFAULT_BREAK_OPTIONS, type Line } from '../linebreak/index.js';
import type { RoleStyle } from '../model/index.js';
import { codePointCount, type SetText } from '../text/index.js';
import { baselineIn } from './geometry.js';
import { lineChars } from './line-chars.js';
import type { LineCache } from './line-cache.js';
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
  /** Item of the block's text where the slab starts (0 for a block set whole): where a continuation takes up the text. */
  readonly item: number;
  /**
   * Characters it holds, for overflow reports. A line of running text (column-blocks.ts
   * gridLineSlabs) has none written: its characters are its text line's, counted when a report
   * asks (slabChars), not each time its paragraph is broken at another measure or looseness.
   */
  readonly chars?: number;
  /** Rules drawn with it (a table's), relative to its top-left. */
  readonly rules?: readonly RelativeRule[];
  /** What it repeats above itself when it starts a column: a table's head row over its rows continued. */
  readonly carry?: SlabCarry;
  /** A rule drawn under it when it ends its column and the slab after it goes on elsewhere (a table's foot rule). */
  readonly closeRule?: RelativeRule;
}

/** A horizontal rule relative to the top-left of its slab. */
export interface RelativeRule {
  readonly dx: number;
  readonly dy: number;
  readonly length: number;
  /** Stroke width in points. */
  readonly width: number;
}

/** Lines and rules a slab repeats above itself at the top of a column, whole grid lines tall. */
export interface SlabCarry {
  readonly lines: number;
  readonly content: readonly RelativeLine[];
  readonly rules: readonly RelativeRule[];
}

/**
 * A place in an article's text, independent of any measure: block index, and item of the
 * block's text where a line starts. A jumping article goes on from here on its next page, in
 * columns that may be wider or narrower.
 */
export interface TextPosition {
  readonly block: number;
  readonly item: number;
}

/** The start of an article's text. */
export const TEXT_START: TextPosition = { block: 0, item: 0 };

/**
 * Break a set text into lines at `measure`. The page builder asks again for the same paragraph
 * at the same measure (measuring, then setting, then trying looseness): the build's cache
 * breaks it once.
 */
export function setLines(set: SetText, measure: number, cache: LineCache, looseness = 0): Line[] {
  // A paragraph tried a line looser is tried a line tighter too (compose/loosen.ts): one pass of
  // the breaker gives both.
  const loosenesses = looseness === 0 ? [0] : [looseness, -looseness];
  return cache.lines(set, measure, loosenesses, () => breakSet(set, measure, loosenesses));
}

function breakSet(set: SetText, measure: number, loosenesses: readonly number[]): Line[][] {
  // A centred or flush line is not stretched, so a short line is no worse than a full one:
  // any stretch ratio is acceptable, and the penalties (phrase breaks) decide.
  const ragged = set.style.align !== 'justify';
  return breakLinesLoose(set.items, measure, { ...DEFAULT_BREAK_OPTIONS, mode: set.lineBreaking, ...(ragged ? { tolerance: Number.POSITIVE_INFINITY, ragged, fitnessDemerits: 0 } : {}) }, loosenesses);
}

/** Lines of a text stacked at the text's own leading, relative to a top at 0. */
export function stackLines(set: SetText, style: RoleStyle, measure: number, tag: StructureTag, origin: MarkOrigin, cache: LineCache, top = 0, dx = 0): { lines: RelativeLine[]; height: number } {
  const broken = setLines(set, measure, cache);
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

/** Count of characters of a text that a reader would miss, for overflow messages: its code
 *  points but white space (a pair of surrogates is one, as `Array.from` counts them). */
export function visibleChars(text: string): number {
  return codePointCount(text.replace(WHITE_SPACE, ''));
}

const WHITE_SPACE = /\s/g;

/** The characters a slab holds: its `chars`, or those of its text lines (a list item's hung numeral is not its text). */
export function slabChars(slab: Slab): number {
  if (slab.chars !== undefined) return slab.chars;
  let chars = 0;
  for (const line of slab.content) if (line.origin.kind === 'block') chars += lineChars(line);
  return chars;
}
