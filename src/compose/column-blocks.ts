import type { TextRole } from '../model/index.js';
import type { ItemizedArticle, SetText } from '../text/index.js';
import { fitCharacterGrid, fitPhrases } from './fit.js';
import { HEAD_ROLES } from '../model/index.js';
import { baselineIn } from './geometry.js';
import { GridLineSlab } from './grid-line-slab.js';
import type { LineCache } from './line-cache.js';
import { hangWidth, markerLine, noteSlab } from './list-slabs.js';
import { tableSlabs } from './table.js';
import { isWideTable } from './table-wide.js';
import { setLines, stackLines, visibleChars, TEXT_START, type Slab, type TextPosition } from './slabs.js';
import type { StructureRole } from './types.js';

const STRUCTURE_ROLE: Record<Exclude<TextRole, 'series' | 'kicker' | 'headline' | 'subtitle' | 'byline'>, StructureRole> = {
  paragraph: 'P',
  note: 'Note',
  signature: 'Note',
  lede: 'P',
  pullquote: 'BlockQuote',
  'section-head': 'H2',
  'section-subhead': 'H3',
  credit: 'P',
  'list-item': 'P',
  brief: 'P',
  footnote: 'Note',
};

/** A section head a little wider than its column is set smaller to keep to one line, down to this share. */
const MIN_HEAD_SCALE = 0.85;

/** Grid lines of space around a pull quote and before a section head. */
const SPACE_LINES = 1;

function gap(block: number): Slab {
  return { lines: SPACE_LINES, content: [], keepWithNext: false, discardableAtTop: true, block, item: 0, chars: 0 };
}

/**
 * Lines set on the body grid, one slab per line: paragraphs, notes, credits, signatures. A
 * paragraph's first line keeps with its second (no orphan at a column foot) and its last line
 * is kept with the one before (no widow at a column head).
 */
function gridLineSlabs(set: SetText, role: StructureRole, measure: number, pitch: number, article: string, block: number, cache: LineCache, looseness = 0, offset = 0, dx = 0): Slab[] {
  const lines = setLines(set, measure, cache, looseness);
  // What every line of the block shares (immutable, like the slabs).
  const shared = { dx, dy: baselineIn(0, pitch, set.style.size), measure, set, tag: { article, role }, origin: { kind: 'block', index: block } as const };
  return lines.map((line, i) => new GridLineSlab(shared, block, offset + line.start, lines.length > 1 && (i === 0 || i === lines.length - 2), line, i === lines.length - 1));
}

/** A block set at its own leading, kept whole, centred in a whole number of grid lines. */
function wholeSlab(set: SetText, role: StructureRole, measure: number, pitch: number, article: string, block: number, keepWithNext: boolean, cache: LineCache): Slab {
  const origin = { kind: 'block', index: block } as const;
  const probe = stackLines(set, set.style, measure, { article, role }, origin, cache);
  const gridLines = Math.max(1, Math.ceil(probe.height / pitch - 1e-6));
  const top = (gridLines * pitch - probe.height) / 2;
  const stacked = stackLines(set, set.style, measure, { article, role }, origin, cache, top);
  return { lines: gridLines, content: stacked.lines, keepWithNext, discardableAtTop: false, block, item: 0, chars: visibleChars(set.text) };
}

/**
 * The article's blocks that flow in its columns, as slabs in reading order. `looseness` asks
 * some paragraphs (by block index) for a line more or fewer than their best (TeX \looseness),
 * which the page builder uses to make columns come out full. Each block's slabs are made once
 * per measure and looseness (the build's cache): a trial remakes only the blocks it changes.
 */
export function columnSlabs(article: ItemizedArticle, measure: number, pitch: number, cache: LineCache, looseness: ReadonlyMap<number, number> = new Map(), from: TextPosition = TEXT_START): Slab[] {
  const slabs: Slab[] = [];
  // Indexed loops: a make-up search asks for an article's slabs at every trial, mostly before
  // V8 optimises this, where an iterator makes an object a slab.
  const parts = columnSlabParts(article, measure, pitch, cache, looseness, from);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    for (let s = 0; s < part.length; s++) slabs.push(part[s]);
  }
  return slabs;
}

/**
 * columnSlabs block by block: each flowing block's slabs as the cache holds them (the same
 * array object for the same block, measure and looseness), so a caller trying many loosenesses
 * can tell which blocks changed without making the whole list.
 */
export function columnSlabParts(article: ItemizedArticle, measure: number, pitch: number, cache: LineCache, looseness: ReadonlyMap<number, number> = new Map(), from: TextPosition = TEXT_START): (readonly Slab[])[] {
  return flowingBlocks(article, from).map((index) => blockPart(article, index, measure, pitch, cache, looseness.get(index) ?? 0, from));
}

/** The article's blocks (by index) that flow in its columns from `from` on, in reading order. */
export function flowingBlocks(article: ItemizedArticle, from: TextPosition = TEXT_START): number[] {
  const flowing: number[] = [];
  article.blocks.forEach((block, index) => {
    if (block.kind === 'figure' || isWideTable(block) || (block.kind === 'text' && HEAD_ROLES.has(block.role)) || index < from.block) return;
    flowing.push(index);
  });
  return flowing;
}

/** One flowing block's slabs at `looseness`, as the cache holds them (columnSlabParts). */
export function blockPart(article: ItemizedArticle, index: number, measure: number, pitch: number, cache: LineCache, looseness: number, from: TextPosition = TEXT_START): readonly Slab[] {
  const item = index === from.block ? from.item : 0;
  return cache.blockSlabs(article.blocks[index], measure, looseness, item, () => blockSlabs(article, index, measure, pitch, cache, looseness, item));
}

/** The slabs of one block; a paragraph taken up at `item` (a continuation) is broken again from there. */
function blockSlabs(article: ItemizedArticle, index: number, measure: number, pitch: number, cache: LineCache, looseness: number, item: number): Slab[] {
  const block = article.blocks[index];
  if (block.kind === 'table') return tableSlabs(block, { article: article.id, block: index, measure, pitch }, cache, item);
  if (block.kind !== 'text') return [];
  const role = STRUCTURE_ROLE[block.role as keyof typeof STRUCTURE_ROLE];
  switch (block.role) {
    case 'section-head':
      return [gap(index), wholeSlab(fitPhrases(block.set, measure, MIN_HEAD_SCALE).set, role, measure, pitch, article.id, index, true, cache)];
    case 'section-subhead': {
      const previous = article.blocks[index - 1];
      const slab = wholeSlab(fitPhrases(block.set, measure, MIN_HEAD_SCALE).set, role, measure, pitch, article.id, index, true, cache);
      return previous?.kind === 'text' && previous.role === 'section-head' ? [slab] : [gap(index), slab];
    }
    case 'pullquote':
      // The space after it belongs to what follows: a continuation that starts there does not repeat the quote.
      return [gap(index), wholeSlab(fitCharacterGrid(block.set, measure), role, measure, pitch, article.id, index, false, cache), gap(index + 1)];
    case 'list-item': {
      // The numeral or bullet hangs in the indent, beside the first line only.
      const set = item > 0 ? { ...block.set, items: block.set.items.slice(item) } : block.set;
      if (!block.marker) return gridLineSlabs(set, role, measure, pitch, article.id, index, cache, looseness, item);
      const hang = hangWidth(block.marker, block.set.style.size);
      const lines = gridLineSlabs(set, role, measure - hang, pitch, article.id, index, cache, looseness, item, hang);
      if (item > 0 || lines.length === 0) return lines;
      const [first, ...rest] = lines;
      return [{ ...first, content: [markerLine(block.marker, hang, first.content[0], index, cache), ...first.content] }, ...rest];
    }
    case 'brief': {
      // Briefs are set apart by a line of space (not at a column head).
      const previous = article.blocks[index - 1];
      const lines = gridLineSlabs(item > 0 ? { ...block.set, items: block.set.items.slice(item) } : block.set, role, measure, pitch, article.id, index, cache, looseness, item);
      return previous?.kind === 'text' && previous.role === 'brief' && item === 0 ? [gap(index), ...lines] : lines;
    }
    case 'footnote': {
      // The notes follow the text, a line of space above the first.
      const previous = article.blocks[index - 1];
      const note = block.marker ? noteSlab(block.set, block.marker, role, measure, pitch, article.id, index, cache) : wholeSlab(block.set, role, measure, pitch, article.id, index, false, cache);
      return previous?.kind === 'text' && previous.role === 'footnote' ? [note] : [gap(index), note];
    }
    case 'paragraph':
    case 'note':
    case 'lede':
    case 'signature':
    case 'credit': {
      const set = item > 0 ? { ...block.set, items: block.set.items.slice(item) } : block.set;
      const lines = gridLineSlabs(set, role, measure, pitch, article.id, index, cache, looseness, item);
      return (block.role === 'signature' || block.role === 'lede') && index + 1 < article.blocks.length ? [...lines, gap(index + 1)] : lines;
    }
    default:
      return [];
  }
}
