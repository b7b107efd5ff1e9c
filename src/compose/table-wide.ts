/**
 * A table wider than one text column (`{cols=N}`, N > 1) is placed as a photo is: across N
 * columns at the top of the article's columns (figures.ts), the text flowing under it. It is
 * set whole — a wide table does not go on in the next column — at its natural depth (never
 * cropped nor grown), with a line of space below it.
 */
import type { ItemizedBlock, ItemizedTable } from '../text/index.js';
import type { PlacedFigure } from './figures.js';
import type { LineCache } from './line-cache.js';
import { slabChars, type RelativeLine, type RelativeRule } from './slabs.js';
import { tableSlabs } from './table.js';

/** Is the block a table set across more than one column (placed as a figure, not flowed)? */
export function isWideTable(block: ItemizedBlock): block is ItemizedTable {
  return block.kind === 'table' && (block.table.cols ?? 1) > 1;
}

/** Where a wide table goes and what it is set in. */
export interface WideTablePlace {
  readonly article: string;
  readonly block: number;
  readonly ordinal: number;
  readonly column: number;
  readonly span: number;
  /** Grid lines above it already taken at the top of its columns. */
  readonly taken: number;
  readonly width: number;
  readonly pitch: number;
}

/** The table set at the width of its columns, as a figure with no image: its lines and rules. */
export function wideTableFigure(table: ItemizedTable, at: WideTablePlace, cache: LineCache): PlacedFigure {
  // Its slabs stacked, without the space above (the columns' top is its top).
  const slabs = tableSlabs(table, { article: at.article, block: at.block, measure: at.width, pitch: at.pitch }, cache).slice(1);
  const lines: RelativeLine[] = [];
  const rules: RelativeRule[] = [];
  let y = 0;
  for (const slab of slabs) {
    for (const line of slab.content) lines.push({ ...line, dy: line.dy + y * at.pitch });
    for (const rule of slab.rules ?? []) rules.push({ ...rule, dy: rule.dy + y * at.pitch });
    y += slab.lines;
  }
  return {
    block: at.block,
    ordinal: at.ordinal,
    column: at.column,
    span: at.span,
    place: 'top',
    topLine: at.taken,
    gridLines: y,
    naturalLines: y,
    minLines: y,
    maxLines: y,
    croppable: false,
    caption: lines,
    rules,
    captionChars: slabs.reduce((n, slab) => n + slabChars(slab), 0),
  };
}
