/**
 * What an article's area could not take (overset): the characters and photos left over, the
 * first block not all set (where the audit points), and the left-over text set on below the
 * area's foot for a proof.
 */
import { blockText, type ItemizedArticle } from '../text/index.js';
import { oversetMarks } from './place.js';
import { slabChars, visibleChars, type Slab } from './slabs.js';
import { isWideTable } from './table-wide.js';
import type { OversetText } from './types.js';
import { verticalHeadChars, type VerticalHead } from './vertical-head.js';

/** The overset with a vertical head that the module was too shallow for. */
export function withVerticalHead(overset: OversetText | undefined, head: VerticalHead, lacking: number): OversetText {
  const chars = verticalHeadChars(head);
  if (!overset) return { chars, block: head.block, lacking, marks: [], depth: 0, figures: [] };
  return { ...overset, chars: overset.chars + chars, block: Math.min(overset.block, head.block), lacking: Math.max(overset.lacking, lacking) };
}

/** What is left over: the slabs not placed and the photos with no room, continued below the area for a proof. */
export function oversetOf(article: ItemizedArticle, left: readonly Slab[], captions: { chars: number; blocks: number[] }, columns: number, columnX: (c: number) => number, pitch: number): OversetText {
  const continued = oversetMarks(left, columns, columnX, pitch);
  return {
    chars: left.reduce((n, s) => n + slabChars(s), 0) + captions.chars,
    block: firstBlock(article, left, captions.blocks),
    lacking: continued.lines,
    marks: continued.marks,
    depth: continued.lines,
    figures: captions.blocks,
  };
}

/** The first block of the article that is (partly) overset: where the audit points. */
function firstBlock(article: ItemizedArticle, left: readonly Slab[], figures: readonly number[]): number {
  return Math.min(left[0]?.block ?? article.blocks.length, ...figures);
}

/** Characters of the captions of photos left out (all of them when `dropped` is omitted). */
export function figureCaptionChars(article: ItemizedArticle, continuation: boolean, dropped?: ReadonlySet<number>): { chars: number; blocks: number[] } {
  if (continuation) return { chars: 0, blocks: [] };
  const blocks = article.blocks.flatMap((b, i) => ((b.kind === 'figure' || isWideTable(b)) && (!dropped || dropped.has(i)) ? [i] : []));
  const chars = blocks.reduce((n, i) => {
    const b = article.blocks[i];
    return n + (b.kind === 'figure' ? (b.caption ? visibleChars(b.caption.text) : 0) : visibleChars(blockText(b)));
  }, 0);
  return { chars, blocks };
}
