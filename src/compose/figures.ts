import type { FigurePlace } from '../model/index.js';
import type { ItemizedArticle } from '../text/index.js';
import { PT_PER_MM } from './geometry.js';
import type { LineCache } from './line-cache.js';
import { stackLines, type RelativeLine, type RelativeRule } from './slabs.js';
import { isWideTable, wideTableFigure } from './table-wide.js';

/** Space between a photo and its caption, in points of the body em. */
const CAPTION_GAP_EM = 0.4;
/** A photo within this many points of its natural height is drawn uncropped. */
const CROP_TOLERANCE = 0.01;
/** Columns a photo spans when the source does not say. */
const DEFAULT_FIGURE_COLUMNS = 2;
/** A photo may grow to this share above its natural depth to fill its module. */
export const MAX_FIGURE_GROWTH = 0.5;
/**
 * The least of its height a photo keeps when it is cropped to fit its area: a newsroom crops a
 * photo top and bottom to fit the page, but past a third of it the picture is another picture.
 */
const MIN_CROP_SHARE = 2 / 3;
/** A graphic is never cropped; to fit it is shown smaller, down to this share of its width. */
const MIN_GRAPHIC_SCALE = 2 / 3;
/** Grid lines of space kept below a figure's caption. */
const SPACE_BELOW = 1;

/** Where a photo stands in its columns (one above the headline is placed by the article). */
export type ColumnPlace = Exclude<FigurePlace, 'above'>;

/** The columns a module's figures are placed in. */
export interface FigureFrame {
  readonly columns: number;
  readonly columnWidth: number;
  readonly gutter: number;
  readonly pitch: number;
  readonly em: number;
}

/** A photo with its caption placed at the top (or foot) of some text columns. */
export interface PlacedFigure {
  readonly block: number;
  /** Its place among the article's figures: the index of its entry in `adjust`. */
  readonly ordinal: number;
  /** First text column and number of columns spanned. */
  readonly column: number;
  readonly span: number;
  /** Top of the columns (the default) or their foot. */
  readonly place: ColumnPlace;
  /** Grid lines from the body top down to the figure's top (place top), or from the body's
   *  foot up to the figure's top (place bottom). */
  readonly topLine: number;
  /** Grid lines the figure and its caption take, the line of space below included. */
  readonly gridLines: number;
  /** Its depth at the photo's own proportions, and the least and most the layout may give it. */
  readonly naturalLines: number;
  readonly minLines: number;
  readonly maxLines: number;
  /** The photo; absent for a wide table placed as a figure (table-wide.ts), whose lines are its `caption`. */
  readonly image?: {
    /** Offset from the columns' left edge (a graphic shown smaller is centred). */
    readonly dx: number;
    readonly width: number;
    readonly height: number;
    readonly src: string;
    readonly alt: string;
    readonly crop: boolean;
    readonly pixelWidth: number;
    readonly pixelHeight: number;
  };
  /** The layout may crop it (a photo, not a graphic). */
  readonly croppable: boolean;
  readonly caption: readonly RelativeLine[];
  /** A wide table's rules, relative to its top-left. */
  readonly rules?: readonly RelativeRule[];
  /** Characters of its caption, for what a proof and the audit report when it cannot be placed. */
  readonly captionChars: number;
}

/**
 * Place the article's photos at the top (or, with {place=bottom}, the foot) of its columns, left
 * to right, across whole columns; a photo that does not fit beside the last goes below (above)
 * it. Photo and caption take whole grid lines: at its natural depth the photo keeps its aspect
 * ratio, made just taller (cropped at the sides); `adjust[i]` lines more or fewer (within the
 * figure's min and max) crop it to a deeper or shallower frame. A graphic is never cropped: it
 * is shown whole, smaller when its frame is shallower, centred. `{height=…}` fixes the depth.
 * Figures whose block is in `dropped` are left out (the page builder found no room for them).
 */
export function placeFigures(article: ItemizedArticle, frame: FigureFrame, cache: LineCache, adjust: readonly number[] = [], dropped: ReadonlySet<number> = new Set()): PlacedFigure[] {
  const { columns, columnWidth, gutter, pitch } = frame;
  const placed: PlacedFigure[] = [];
  // Lines taken from the top and from the foot of each column, and the next free column at each end.
  const depth = { top: new Array<number>(columns).fill(0), bottom: new Array<number>(columns).fill(0) };
  const next = { top: 0, bottom: 0 };
  let k = -1;
  article.blocks.forEach((block, index) => {
    // A photo above the headline is the article's, not its columns' (article.ts sets it): it
    // has no ordinal among the figures of the columns.
    if (block.kind === 'figure' && block.figure.place === 'above') return;
    if (block.kind !== 'figure' && !isWideTable(block)) return;
    k++;
    if (dropped.has(index)) return;
    if (block.kind === 'table') {
      // A wide table goes where a photo at the top would (table-wide.ts).
      const span = Math.min(columns, block.table.cols ?? 1);
      if (next.top + span > columns) next.top = 0;
      const column = next.top;
      const taken = Math.max(...depth.top.slice(column, column + span));
      const figure = wideTableFigure(block, { article: article.id, block: index, ordinal: k, column, span, taken, width: span * columnWidth + (span - 1) * gutter, pitch }, cache);
      placed.push(figure);
      for (let c = column; c < column + span; c++) depth.top[c] = taken + figure.gridLines;
      next.top = column + span;
      return;
    }
    const asked = block.figure.place ?? 'top';
    const place: ColumnPlace = asked === 'above' ? 'top' : asked;
    const span = Math.min(columns, Math.max(1, block.figure.cols ?? DEFAULT_FIGURE_COLUMNS));
    if (next[place] + span > columns) next[place] = 0;
    const column = next[place];
    const taken = Math.max(...depth[place].slice(column, column + span));
    const width = span * columnWidth + (span - 1) * gutter;
    const framed = frameFigure(article.id, block, index, width, frame, cache, adjust[k] ?? 0);
    placed.push(placedFigure(framed, { ordinal: k, place, column, span, topLine: place === 'top' ? taken : taken + framed.gridLines }));
    for (let c = column; c < column + span; c++) depth[place][c] = taken + framed.gridLines;
    next[place] = column + span;
  });
  return placed;
}

/** A photo and its caption framed in whole grid lines at one width: what is placed, wherever it goes. */
export type FramedFigure = Omit<PlacedFigure, 'ordinal' | 'place' | 'column' | 'span' | 'topLine'>;

/**
 * A framed figure where it is placed, its fields written out in the order a spread would give
 * them: the page builder places the same figures at every trial, and a spread of a figure's
 * dozen fields cost more than the rest of the placing.
 */
function placedFigure(framed: FramedFigure, where: Pick<PlacedFigure, 'ordinal' | 'place' | 'column' | 'span' | 'topLine'>): PlacedFigure {
  const { image } = framed;
  if (!image || framed.rules) return { ...framed, ...where };
  const { block, gridLines, naturalLines, minLines, maxLines, croppable, caption, captionChars } = framed;
  return { block, gridLines, naturalLines, minLines, maxLines, image, croppable, caption, captionChars, ordinal: where.ordinal, place: where.place, column: where.column, span: where.span, topLine: where.topLine };
}

/** The figure block of an itemized article. */
type FigureBlock = Extract<ItemizedArticle['blocks'][number], { kind: 'figure' }>;

/**
 * Frame one photo `width` wide: at its natural depth it keeps its aspect ratio, made just taller
 * (cropped at the sides); `adjust` lines more or fewer (within its min and max) crop it to a
 * deeper or shallower frame. A graphic is never cropped: it is shown whole, smaller when its
 * frame is shallower, centred. `{height=…}` fixes the depth.
 */
export function frameFigure(articleId: string, block: FigureBlock, index: number, width: number, frame: Pick<FigureFrame, 'pitch' | 'em'>, cache: LineCache, adjust: number): FramedFigure {
  const { pitch, em } = frame;
  const natural = (width * block.figure.pixelHeight) / block.figure.pixelWidth;
  const tag = { article: articleId, role: 'Caption' } as const;
  const origin = { kind: 'block', index } as const;
  const captionHeight = block.caption ? CAPTION_GAP_EM * em + stackLines(block.caption, block.caption.style, width, tag, origin, cache).height : 0;
  const croppable = block.figure.crop !== false;
  const linesFor = (imageHeight: number): number => Math.ceil((imageHeight + captionHeight) / pitch - 1e-6) + SPACE_BELOW;
  const asked = block.figure.height;
  const fixed = asked === undefined ? undefined : SPACE_BELOW + (asked.unit === 'lines' ? asked.value : Math.ceil((asked.value * PT_PER_MM) / pitch - 1e-6));
  const naturalLines = fixed ?? linesFor(natural);
  const minLines = fixed ?? Math.max(linesFor(0) + 1, linesFor(natural * (croppable ? MIN_CROP_SHARE : MIN_GRAPHIC_SCALE)));
  const maxLines = fixed ?? (croppable ? naturalLines + Math.floor(naturalLines * MAX_FIGURE_GROWTH) : naturalLines);
  const gridLines = Math.min(maxLines, Math.max(minLines, naturalLines + adjust));
  // The frame: every line above the caption; one line of space stays below. A photo covers
  // it (cropped); a graphic is scaled to fit inside it, whole.
  const box = (gridLines - SPACE_BELOW) * pitch - captionHeight;
  const scale = croppable ? 1 : Math.min(1, box / natural);
  const height = croppable ? box : natural * scale;
  const captionLines = block.caption ? stackLines(block.caption, block.caption.style, width, tag, origin, cache, box + CAPTION_GAP_EM * em).lines : [];
  return {
    block: index,
    gridLines,
    naturalLines,
    minLines,
    maxLines,
    image: {
      dx: (width - width * scale) / 2,
      width: width * scale,
      height,
      src: block.figure.src,
      alt: block.figure.alt,
      crop: croppable && Math.abs(height - natural) > CROP_TOLERANCE,
      pixelWidth: block.figure.pixelWidth,
      pixelHeight: block.figure.pixelHeight,
    },
    croppable,
    caption: captionLines,
    captionChars: block.caption ? Array.from(block.caption.text.replace(/\s/g, '')).length : 0,
  };
}

/** Grid lines the figures take from the top and from the foot of column `c`. */
export function figureDepths(figures: readonly PlacedFigure[], c: number): { top: number; bottom: number } {
  // A loop, no lists made: the fill search asks for every column of every trial.
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    if (c < f.column || c >= f.column + f.span) continue;
    if (f.place === 'top') top = Math.max(top, f.topLine + f.gridLines);
    else bottom = Math.max(bottom, f.topLine);
  }
  return { top, bottom };
}

/**
 * True when the figures fit a body `depth` grid lines deep: no column's photos from the top and
 * from the foot together deeper than the body. The line of space under a figure at the top may
 * fall at the foot (nothing follows it), so it does not count. `lastKeeps` lines at the foot of
 * the last column are kept for something else (下转第N版).
 */
export function figuresFit(figures: readonly PlacedFigure[], columns: number, depth: number, lastKeeps = 0): boolean {
  for (let c = 0; c < columns; c++) {
    const { top, bottom } = figureDepths(figures, c);
    if (Math.max(0, top - SPACE_BELOW) + bottom > depth - (c === columns - 1 ? lastKeeps : 0)) return false;
  }
  return true;
}
