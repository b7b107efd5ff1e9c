/**
 * The marks the page adds before a list item or a note: an ordered item's numeral (①–⑳, or
 * `21.` in a longer list), a bullet (●, small), a note's number (`1.`). They hang in the item's indent
 * (compose/list-slabs.ts); the EPUB has its own (`<ol>`, `<ul>`, the note's number).
 */
import type { TextBlock } from '../model/index.js';

/** ① is U+2460; the circled numbers go on to ⑳. */
const CIRCLED_ONE = 0x2460;
const CIRCLED_LAST = 20;
/** The bullet of an unordered list: ●, set smaller than the text (at text size it is too heavy for a body column). */
export const BULLET = '●';
/** The bullet's size as a share of the item's. */
export const BULLET_SCALE = 0.6;

/** The size a block's mark is set at: a bullet smaller than the text, a numeral at the text's size. */
export function markerSize(block: TextBlock, size: number): number {
  return block.list?.kind === 'bullet' ? size * BULLET_SCALE : size;
}

/** The mark set before a block, or undefined for a block that has none (an index item has none: its reference ends it). */
export function markerText(block: TextBlock): string | undefined {
  if (block.role === 'footnote' && block.note) return `${block.note.number}.`;
  if (block.role !== 'list-item' || !block.list) return undefined;
  const { kind, number, highest } = block.list;
  switch (kind) {
    case 'bullet':
      return BULLET;
    case 'index':
      return undefined;
    case 'ordered':
      // One style for the whole list: circled numbers when every number of it has one.
      return highest <= CIRCLED_LAST && number >= 1 ? String.fromCodePoint(CIRCLED_ONE + number - 1) : `${number}.`;
    default: {
      const never: never = kind;
      throw new Error(`unknown list kind ${String(never)}`);
    }
  }
}
