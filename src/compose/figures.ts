import type { FigurePlace } from '../model/index.js';
import type { ItemizedArticle } from '../text/index.js';
import { stackLines, type RelativeLine } from './slabs.js';

/** Space between a photo and its caption, in points of the body em. */
const CAPTION_GAP_EM = 0.4;
/** A photo within this many points of its natural height is drawn uncropped. */
const CROP_TOLERANCE = 0.01;
/** Columns a photo spans when the source does not say. */
const DEFAULT_FIGURE_COLUMNS = 2;

/** A photo with its caption placed at the top of some text columns. */
export interface PlacedFigure {
  readonly block: number;
  /** First text column and number of columns spanned. */
  readonly column: number;
  readonly span: number;
  /** Top of the columns (the default) or their foot. */
  readonly place: FigurePlace;
  /** Grid lines from the body top down to the figure's top (place top), or from the body's
   *  foot up to the figure's top (place bottom). */
  readonly topLine: number;
  /** Grid lines the figure and its caption take, space below included. */
  readonly gridLines: number;
  readonly image: {
    readonly dx: number;
    readonly width: number;
    readonly height: number;
    readonly src: string;
    readonly alt: string;
    readonly crop: boolean;
    readonly pixelWidth: number;
    readonly pixelHeight: number;
  };
  /** The layout may crop it, so it may also grow to fill the module (a photo, not a graphic). */
  readonly croppable: boolean;
  readonly caption: readonly RelativeLine[];
}

/**
 * Place the article's photos at the top (or, with {place=bottom}, the foot) of its columns, left
 * to right, across whole columns; a photo that does not fit beside the last goes below (above) it. A photo keeps its aspect ratio, made
 * just taller (cropped at the sides) so that photo and caption fill whole grid lines, plus
 * `extra[i]` lines when the page builder grows the i-th photo to fill the module. A figure that
 * may not be cropped (a graphic) is shown whole at its own height and never grows.
 */
export function placeFigures(article: ItemizedArticle, columns: number, columnWidth: number, gutter: number, pitch: number, em: number, extra: readonly number[] = []): PlacedFigure[] {
  const placed: PlacedFigure[] = [];
  // Lines taken from the top and from the foot of each column, and the next free column at each end.
  const depth = { top: new Array<number>(columns).fill(0), bottom: new Array<number>(columns).fill(0) };
  const next = { top: 0, bottom: 0 };
  article.blocks.forEach((block, index) => {
    if (block.kind !== 'figure') return;
    const place = block.figure.place ?? 'top';
    const span = Math.min(columns, Math.max(1, block.figure.cols ?? DEFAULT_FIGURE_COLUMNS));
    if (next[place] + span > columns) next[place] = 0;
    const column = next[place];
    const taken = Math.max(...depth[place].slice(column, column + span));
    const width = span * columnWidth + (span - 1) * gutter;
    const natural = (width * block.figure.pixelHeight) / block.figure.pixelWidth;
    let captionHeight = 0;
    if (block.caption) {
      captionHeight = CAPTION_GAP_EM * em + stackLines(block.caption, block.caption.style, width, { article: article.id, role: 'Caption' }, { kind: 'block', index }).height;
    }
    const croppable = block.figure.crop !== false;
    const grow = croppable ? (extra[placed.length] ?? 0) : 0;
    const gridLines = Math.ceil((natural + captionHeight) / pitch - 1e-6) + 1 + grow;
    // A photo takes every line above its caption; one line of space stays below. A graphic
    // keeps its own height, whole, and the rest of its last line stays white above the caption.
    const frame = (gridLines - 1) * pitch - captionHeight;
    const height = croppable ? frame : natural;
    const captionLines: RelativeLine[] = block.caption
      ? stackLines(block.caption, block.caption.style, width, { article: article.id, role: 'Caption' }, { kind: 'block', index }, frame + CAPTION_GAP_EM * em).lines
      : [];
    const topLine = place === 'top' ? taken : taken + gridLines;
    placed.push({
      block: index,
      place,
      column,
      span,
      topLine,
      gridLines,
      image: {
        dx: 0,
        width,
        height,
        src: block.figure.src,
        alt: block.figure.alt,
        crop: Math.abs(height - natural) > CROP_TOLERANCE,
        pixelWidth: block.figure.pixelWidth,
        pixelHeight: block.figure.pixelHeight,
      },
      croppable,
      caption: captionLines,
    });
    for (let c = column; c < column + span; c++) depth[place][c] = taken + gridLines;
    next[place] = column + span;
  });
  return placed;
}
