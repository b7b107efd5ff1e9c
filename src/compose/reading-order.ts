import type { MarkOrigin } from './types.js';

/**
 * Where a mark of an article falls in its reading order: the headline in short and 上接 of a
 * continuation first, then the box's column label, then the article's blocks in source order,
 * and 下转 last of all.
 */
export function readingRank(origin: MarkOrigin): number {
  switch (origin.kind) {
    case 'short-head':
      return -3;
    case 'jump-in':
      return -2;
    case 'label':
      return -1;
    case 'block':
    case 'marker':
    case 'table-head':
      return origin.index;
    case 'jump-out':
      return Number.MAX_SAFE_INTEGER;
    case 'header':
    case 'masthead':
      return Number.MIN_SAFE_INTEGER;
    default: {
      const never: never = origin;
      throw new Error(`unknown origin ${JSON.stringify(never)}`);
    }
  }
}
