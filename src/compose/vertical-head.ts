/**
 * A vertical headline (竖题): the headline set top to bottom in one or more columns (read right
 * to left) in a strip at the right or left edge of its article, from the article's top; the
 * body columns (and the rest of the head block, set across them) are narrowed to leave room.
 *
 * The strip is as deep as the head's longest column and a line of white below it; the article
 * is at least that deep. The columns are as long as the head's longest phrase (a typed space
 * starts a new column), up to MAX_COLUMN_CHARS characters, longer phrases breaking under the
 * same 禁则 as a line.
 */
import { ContentError, type HouseStyle, type SourcePos, type VerticalSide } from '../model/index.js';
import { widestPhrase, type ItemizedArticle, type SetText } from '../text/index.js';
import type { Line } from '../linebreak/index.js';
import type { PageGeometry } from './geometry.js';
import type { LineCache } from './line-cache.js';
import { setLines, visibleChars } from './slabs.js';
import type { PlacedLine } from './types.js';
import { placedLine } from './placed-line.js';

/** The longest column of a vertical headline, in characters (reference §2.3: a 竖题 is 8–9 characters wide when turned). */
export const MAX_COLUMN_CHARS = 12;
/** White under the head's longest column before the strip ends, in body line pitches. */
const WHITE_BELOW_PITCH = 1;

export interface VerticalHead {
  readonly article: string;
  /** Where the headline is written, for the error when its module is too narrow for it. */
  readonly source: SourcePos;
  readonly side: VerticalSide;
  /** Index of the headline among the article's blocks. */
  readonly block: number;
  readonly set: SetText;
  /** The columns, in reading order (right to left on the page). */
  readonly columns: readonly Line[];
  /** Length of a column (the measure), in points. */
  readonly length: number;
  /** Distance between the left edges of two columns: the head's leading. */
  readonly columnPitch: number;
  /** Width of the columns together, in points (the strip adds the gutter to the body). */
  readonly width: number;
  /** Depth of the strip in grid lines, white below included. */
  readonly gridLines: number;
}

/** The article's vertical headline, set: undefined when its headline is set across. */
export function layoutVerticalHead(article: ItemizedArticle, pitch: number, cache: LineCache): VerticalHead | undefined {
  const block = article.blocks.findIndex((b) => b.kind === 'text' && b.role === 'headline' && b.vertical !== undefined);
  const head = article.blocks[block];
  if (!head || head.kind !== 'text' || !head.vertical) return undefined;
  const { set } = head;
  const em = set.style.size;
  const phrase = widestPhrase(set.items);
  const cap = MAX_COLUMN_CHARS * em;
  // A phrase longer than the cap is shared evenly between the columns it needs.
  const length = phrase <= cap + 1e-6 ? phrase : Math.ceil(phrase / em / Math.ceil(phrase / cap - 1e-6)) * em;
  const columns = setLines(set, Math.max(em, length), cache);
  const longest = Math.max(em, ...columns.map((c) => c.naturalWidth));
  const columnPitch = set.style.leading;
  return {
    article: article.id,
    source: head.source,
    side: head.vertical,
    block,
    set,
    columns,
    length: longest,
    columnPitch,
    width: columns.length * columnPitch,
    gridLines: Math.ceil(longest / pitch - 1e-6) + WHITE_BELOW_PITCH,
  };
}

/** The text columns beside a vertical head (their count, characters, width, first left edge) and where the strip lies. */
export interface ColumnsBeside {
  readonly count: number;
  readonly chars: number;
  readonly width: number;
  readonly x0: number;
  /** Left edge and width of the strip the head stands in. */
  readonly stripX: number;
  readonly stripWidth: number;
}

/**
 * Body columns in what the strip leaves of the module (`x`, `width`: inside a box's padding):
 * as many of the page's basic width as fit, at least the style's narrowest, each a whole number
 * of characters; what is left over goes to the strip.
 */
export function columnsBeside(head: VerticalHead, x: number, width: number, geometry: PageGeometry, style: HouseStyle): ColumnsBeside {
  const { gutter, em } = geometry;
  const room = Math.max(em, width - head.width - gutter);
  const charsFor = (n: number): number => Math.floor(((room + gutter) / n - gutter) / em + 1e-6);
  if (charsFor(1) < style.textColumnChars.min) {
    throw new ContentError(
      `the vertical headline of article "${head.article}" leaves ${Math.max(0, charsFor(1))} characters a line for its body beside it, fewer than the ${style.textColumnChars.min} a text column takes`,
      head.source,
      'give the article more columns in `areas`, set the headline smaller ({size=…}) or in fewer columns (fewer spaces), or set it across: remove {.vertical}',
    );
  }
  let count = Math.max(1, Math.floor((room + gutter) / (geometry.columnWidth + gutter) + 1e-6));
  while (count > 1 && charsFor(count) < style.textColumnChars.min) count--;
  const chars = Math.max(1, Math.min(charsFor(count), geometry.columnChars));
  const columnWidth = chars * em;
  const total = count * columnWidth + (count - 1) * gutter;
  const stripWidth = width - total;
  return head.side === 'right'
    ? { count, chars, width: columnWidth, x0: x, stripX: x + total, stripWidth }
    : { count, chars, width: columnWidth, x0: x + stripWidth, stripX: x, stripWidth };
}

/**
 * The head's columns placed in its strip, `top` the strip's top: right to left in reading
 * order, the group centred in the strip less the gutter on the body's side, each column's em
 * boxes centred in its leading.
 */
export function placeVerticalHead(head: VerticalHead, articleId: string, beside: ColumnsBeside, gutter: number, top: number): PlacedLine[] {
  const em = head.set.style.size;
  const free = beside.stripWidth - gutter - head.width;
  const left = head.side === 'right' ? beside.stripX + gutter + free / 2 : beside.stripX + free / 2;
  return head.columns.map((line, i) => placedLine({
    x: left + head.width - (i + 1) * head.columnPitch + (head.columnPitch - em) / 2,
    baseline: top,
    measure: head.length,
    align: 'left',
    items: head.set.items,
    line,
    last: i === head.columns.length - 1,
    tag: { article: articleId, role: 'H1' },
    origin: { kind: 'block', index: head.block },
    onGrid: false,
    vertical: true,
  }));
}

/** Characters of the head a reader would miss when it is not placed. */
export function verticalHeadChars(head: VerticalHead): number {
  return visibleChars(head.set.text);
}
