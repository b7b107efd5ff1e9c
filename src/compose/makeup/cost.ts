/**
 * What makes one proposal better than another, in grid lines' worth of fault. Each term is a
 * make-up editor's rule: an article set near the depth it needs (white opened around its head
 * or its photos grown costs a little, text set tighter or photos cropped more), the weightier
 * story the wider (the lead's head across most of the page), and no two heads side by side at
 * one height (碰题).
 */
import type { StoryRank } from '../../model/index.js';
import type { BasicColumns, DepthRange, GridLines, Piece } from './types.js';

/** A line deeper than the article needs: white around its head, or its photos grown. */
const STRETCH_COST = 2;
/** A line shallower than it needs: paragraphs set a line tighter, photos cropped. */
const SHRINK_COST = 3;
/**
 * What each basic column short of the page's width costs a story of each rank: the lead's head
 * should read across the page, a brief's need not (reference §2.3: the head's size and width
 * show the story's weight).
 */
const NARROW_COST: Readonly<Record<StoryRank, number>> = { 1: 3, 2: 1.5, 3: 0.5, 4: 0 };
/**
 * Heads of different ranks side by side at one height: a lesser fault than 碰题 of equal heads
 * (forbidden), as their sizes already set them apart, but still one an editor avoids.
 */
export const NEAR_TOMBSTONE_COST = 8;

/**
 * What each line across the page given to an article that jumps is worth at first (a negative
 * cost): the more of it set on its first page, the less its continuation needs of the later one.
 * When the later page cannot hold the continuation, the page builder lays this page out again
 * with the line worth JUMP_ROOM_STEP times more (compose/index.ts).
 */
export const JUMP_ROOM_VALUE = 1;
export const JUMP_ROOM_STEP = 2;
/** The most a line given to a jump is worth: past it, more room here is not to be had. */
export const MAX_JUMP_ROOM_VALUE = 32;

/**
 * The cost of setting `piece` `lines` deep (its own lines) in `columns` of a page `pageColumns`
 * wide; a line across the page given to a jump is worth `jumpRoom`.
 */
export function moduleCost(piece: Piece, range: DepthRange, lines: GridLines, columns: BasicColumns, pageColumns: BasicColumns, jumpRoom: number): number {
  const depth = piece.elastic ? (-jumpRoom * lines * columns) / pageColumns : lines > range.natural ? (lines - range.natural) * STRETCH_COST : (range.natural - lines) * SHRINK_COST;
  return depth + NARROW_COST[piece.rank] * (pageColumns - columns);
}

/**
 * The head at a layout's top corner, for 碰题: `APART` when it may stand beside any other (a
 * box, a photo above its head), else its rank; `NONE` when no module starts at that corner.
 */
export type Corner = number;
export const APART: Corner = 0;

export function cornerOf(piece: Piece): Corner {
  return piece.apart ? APART : piece.rank;
}

/**
 * What two heads meeting at one height across a column rule cost: equal heads are 碰题 and
 * never allowed (undefined); heads of different ranks cost NEAR_TOMBSTONE_COST; a head set
 * apart costs nothing.
 */
export function besideCost(left: Corner, right: Corner): number | undefined {
  if (left === APART || right === APART) return 0;
  return left === right ? undefined : NEAR_TOMBSTONE_COST;
}
