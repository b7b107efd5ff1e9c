/**
 * The make-up proposer's model (areas: auto): the pieces to place, what each may be set in, and
 * the layouts it proposes. Plain data in grid lines and basic columns; no fonts, no text.
 */
import type { StoryRank } from '../../model/index.js';

/** Grid lines of the page's body grid (not points). */
export type GridLines = number;
/** Basic columns of the page grid. */
export type BasicColumns = number;

/** An article (or the part of one) the page must place. */
export interface Piece {
  readonly id: string;
  readonly rank: StoryRank;
  /**
   * Its head may stand beside another at the same height without 碰题 (tombstoning): it is
   * boxed, opens with a photo above its headline, has a vertical headline, or is a continuation
   * (its head the headline in short over 上接).
   */
  readonly apart: boolean;
  /** It goes on to a later page: it takes whatever depth it is given past a start. */
  readonly elastic: boolean;
  /** The page's lead (头条): the first of its own articles in rank order. */
  readonly lead: boolean;
}

/**
 * The depths an article can be set in at one width, in grid lines of its own (the line of space
 * above a module that does not start the page not counted): the fewest without overset, what
 * it needs, the most it fills to the house's limit of blank (Infinity for an elastic piece).
 */
export interface DepthRange {
  readonly least: GridLines;
  readonly natural: GridLines;
  readonly most: GridLines;
}

/** What the proposer asks of the page builder about one piece at one width. */
export interface DepthOracle {
  /** The piece's depths at `columns` basic columns; undefined when it cannot be set that narrow or needs more than the page. */
  range(piece: number, columns: BasicColumns): DepthRange | undefined;
  /**
   * Whether the depth may be offered: not yet found, when set, to leave text over or its area
   * more than the house's share blank (the proposer sets only the modules of a proposal, and
   * strikes off what fails).
   */
  offers(piece: number, columns: BasicColumns, lines: GridLines): boolean;
}

/** A proposed layout: a slicing of the region into modules (how a make-up editor draws a page). */
export type Layout =
  | { readonly kind: 'module'; readonly piece: number; readonly columns: BasicColumns; readonly lines: GridLines; readonly top: boolean }
  /** One layout above the other, across the same columns. */
  | { readonly kind: 'stack'; readonly upper: Layout; readonly lower: Layout }
  /** Side by side, the same depth: `left` takes `split` basic columns. */
  | { readonly kind: 'side'; readonly left: Layout; readonly right: Layout; readonly split: BasicColumns };

/** A module placed: a piece's rectangle on the grid, lines counted from the region's top. */
export interface PlacedModule {
  readonly piece: number;
  readonly column: BasicColumns;
  readonly columns: BasicColumns;
  readonly line: GridLines;
  readonly lines: GridLines;
}
