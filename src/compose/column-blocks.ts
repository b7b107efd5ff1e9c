import type { TextRole } from '../model/index.js';
import type { ItemizedArticle, SetText } from '../text/index.js';
import { fitCharacterGrid, fitPhrases } from './fit.js';
import { HEAD_ROLES } from './head-block.js';
import { baselineIn } from './geometry.js';
import { setLines, stackLines, visibleChars, type Slab } from './slabs.js';
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
};

/** A section head a little wider than its column is set smaller to keep to one line, down to this share. */
const MIN_HEAD_SCALE = 0.85;

/** Grid lines of space around a pull quote and before a section head. */
const SPACE_LINES = 1;

function gap(block: number): Slab {
  return { lines: SPACE_LINES, content: [], keepWithNext: false, discardableAtTop: true, block, chars: 0 };
}

/**
 * Lines set on the body grid, one slab per line: paragraphs, notes, credits, signatures. A
 * paragraph's first line keeps with its second (no orphan at a column foot) and its last line
 * is kept with the one before (no widow at a column head).
 */
function gridLineSlabs(set: SetText, role: StructureRole, measure: number, pitch: number, article: string, block: number, looseness = 0): Slab[] {
  const lines = setLines(set, measure, looseness);
  return lines.map((line, i) => ({
    lines: 1,
    content: [
      {
        dx: 0,
        dy: baselineIn(0, pitch, set.style.size),
        measure,
        set,
        line,
        last: i === lines.length - 1,
        tag: { article, role },
        origin: { kind: 'block', index: block },
        onGrid: true,
      },
    ],
    keepWithNext: lines.length > 1 && (i === 0 || i === lines.length - 2),
    discardableAtTop: false,
    block,
    chars: visibleChars(lineText(set, line.start, line.end)),
  }));
}

function lineText(set: SetText, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) {
    const item = set.items[i];
    if (item.kind === 'box' && item.run) for (const g of item.run.glyphs) text += g.text;
  }
  return text;
}

/** A block set at its own leading, kept whole, centred in a whole number of grid lines. */
function wholeSlab(set: SetText, role: StructureRole, measure: number, pitch: number, article: string, block: number, keepWithNext: boolean): Slab {
  const origin = { kind: 'block', index: block } as const;
  const probe = stackLines(set, set.style, measure, { article, role }, origin);
  const gridLines = Math.max(1, Math.ceil(probe.height / pitch - 1e-6));
  const top = (gridLines * pitch - probe.height) / 2;
  const stacked = stackLines(set, set.style, measure, { article, role }, origin, top);
  return { lines: gridLines, content: stacked.lines, keepWithNext, discardableAtTop: false, block, chars: visibleChars(set.text) };
}

/**
 * The article's blocks that flow in its columns, as slabs in reading order. `looseness` asks
 * some paragraphs (by block index) for a line more or fewer than their best (TeX \looseness),
 * which the page builder uses to make columns come out full.
 */
export function columnSlabs(article: ItemizedArticle, measure: number, pitch: number, looseness: ReadonlyMap<number, number> = new Map()): Slab[] {
  const slabs: Slab[] = [];
  article.blocks.forEach((block, index) => {
    if (block.kind !== 'text' || HEAD_ROLES.has(block.role)) return;
    const role = STRUCTURE_ROLE[block.role as keyof typeof STRUCTURE_ROLE];
    switch (block.role) {
      case 'section-head':
        slabs.push(gap(index), wholeSlab(fitPhrases(block.set, measure, MIN_HEAD_SCALE).set, role, measure, pitch, article.id, index, true));
        break;
      case 'section-subhead': {
        const previous = article.blocks[index - 1];
        if (!(previous?.kind === 'text' && previous.role === 'section-head')) slabs.push(gap(index));
        slabs.push(wholeSlab(fitPhrases(block.set, measure, MIN_HEAD_SCALE).set, role, measure, pitch, article.id, index, true));
        break;
      }
      case 'pullquote':
        slabs.push(gap(index), wholeSlab(fitCharacterGrid(block.set, measure), role, measure, pitch, article.id, index, false), gap(index));
        break;
      case 'paragraph':
      case 'note':
      case 'lede':
      case 'signature':
      case 'credit':
        slabs.push(...gridLineSlabs(block.set, role, measure, pitch, article.id, index, looseness.get(index) ?? 0));
        if ((block.role === 'signature' || block.role === 'lede') && index + 1 < article.blocks.length) slabs.push(gap(index));
        break;
      default:
        break;
    }
  });
  return slabs;
}
