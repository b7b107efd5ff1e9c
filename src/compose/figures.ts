import type { ItemizedArticle } from '../text/index.js';
import { stackLines, type RelativeLine } from './slabs.js';

/** Space between a photo and its caption, in points of the body em. */
const CAPTION_GAP_EM = 0.4;
/** Columns a photo spans when the source does not say. */
const DEFAULT_FIGURE_COLUMNS = 2;

/** A photo with its caption placed at the top of some text columns. */
export interface PlacedFigure {
  readonly block: number;
  /** First text column and number of columns spanned. */
  readonly column: number;
  readonly span: number;
  /** Grid lines from the body top to the figure's top. */
  readonly topLine: number;
  /** Grid lines the figure and its caption take, space below included. */
  readonly gridLines: number;
  readonly image: { readonly dx: number; readonly width: number; readonly height: number; readonly src: string; readonly alt: string };
  readonly caption: readonly RelativeLine[];
}

/**
 * Place the article's photos at the top of its columns, left to right, each keeping its aspect
 * ratio across whole columns; a photo that does not fit beside the last goes below it.
 */
export function placeFigures(article: ItemizedArticle, columns: number, columnWidth: number, gutter: number, pitch: number, em: number): PlacedFigure[] {
  const placed: PlacedFigure[] = [];
  const depth = new Array<number>(columns).fill(0);
  let column = 0;
  article.blocks.forEach((block, index) => {
    if (block.kind !== 'figure') return;
    const span = Math.min(columns, Math.max(1, block.figure.cols ?? DEFAULT_FIGURE_COLUMNS));
    if (column + span > columns) column = 0;
    const topLine = Math.max(...depth.slice(column, column + span));
    const width = span * columnWidth + (span - 1) * gutter;
    const height = (width * block.figure.pixelHeight) / block.figure.pixelWidth;
    let captionLines: RelativeLine[] = [];
    let captionHeight = 0;
    if (block.caption) {
      const stacked = stackLines(block.caption, block.caption.style, width, { article: article.id, role: 'Caption' }, height + CAPTION_GAP_EM * em);
      captionLines = stacked.lines;
      captionHeight = CAPTION_GAP_EM * em + stacked.height;
    }
    const gridLines = Math.ceil((height + captionHeight) / pitch - 1e-6) + 1;
    placed.push({
      block: index,
      column,
      span,
      topLine,
      gridLines,
      image: { dx: 0, width, height, src: block.figure.src, alt: block.figure.alt },
      caption: captionLines,
    });
    for (let c = column; c < column + span; c++) depth[c] = topLine + gridLines;
    column += span;
  });
  return placed;
}
