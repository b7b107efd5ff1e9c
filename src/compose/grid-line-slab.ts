/**
 * A line of running text as the column filler moves it: a slab of one grid line (column-blocks.ts
 * gridLineSlabs). A paragraph is broken at every measure and looseness the page builder tries,
 * and the slabs of each are kept for the build (line-cache.ts), some 16,000 for the 20-page bench
 * edition against 10,000 lines set; filling reads only their lines and keeps. So a line slab
 * holds its line and what the lines of its block share, and makes the line's place in the block
 * (`content`) when it is placed: not an array, an object and its numbers for every line of every
 * trial, all kept, copied by the collector and promoted with the cache.
 */
import type { Line } from '../linebreak/index.js';
import type { SetText } from '../text/index.js';
import type { RelativeLine, Slab } from './slabs.js';
import type { MarkOrigin, StructureTag } from './types.js';

/** What every line of a block set on the body grid shares. */
export interface GridLineBlock {
  readonly dx: number;
  /** Baseline offset from the top of the line's grid line. */
  readonly dy: number;
  readonly measure: number;
  readonly set: SetText;
  readonly tag: StructureTag;
  readonly origin: MarkOrigin;
}

export class GridLineSlab implements Slab {
  readonly lines = 1;
  readonly discardableAtTop = false;

  constructor(
    private readonly shared: GridLineBlock,
    readonly block: number,
    readonly item: number,
    readonly keepWithNext: boolean,
    private readonly line: Line,
    private readonly last: boolean,
  ) {}

  /** The line in its grid line (made anew each time: read when the slab is placed). */
  get content(): readonly RelativeLine[] {
    const { dx, dy, measure, set, tag, origin } = this.shared;
    return [{ dx, dy, measure, set, line: this.line, last: this.last, tag, origin, onGrid: true }];
  }
}
