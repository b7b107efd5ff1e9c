/**
 * 压题照片: the photo set above its article's headline (`{place=above}`), across the article's
 * text columns (or the first `{cols=N}` of them), its caption under it, then the headline block.
 */
import type { ItemizedArticle } from '../text/index.js';
import { frameFigure, type FramedFigure } from './figures.js';
import type { PageGeometry } from './geometry.js';
import type { LineCache } from './line-cache.js';

/** The text columns the photo spans: how many there are and how wide each is. */
export interface AboveColumns {
  readonly count: number;
  readonly width: number;
}

/** The article's photo above its headline, framed `adjust` lines off its natural depth; none when it has none. */
export function framePhotoAbove(article: ItemizedArticle, columns: AboveColumns, geometry: PageGeometry, cache: LineCache, adjust: number): FramedFigure | undefined {
  const index = article.blocks.findIndex((b) => b.kind === 'figure' && b.figure.place === 'above');
  if (index < 0) return undefined;
  const block = article.blocks[index];
  if (block.kind !== 'figure') return undefined;
  const span = Math.min(columns.count, block.figure.cols ?? columns.count);
  const width = span * columns.width + (span - 1) * geometry.gutter;
  return frameFigure(article.id, block, index, width, { pitch: geometry.pitch, em: geometry.em }, cache, adjust);
}
