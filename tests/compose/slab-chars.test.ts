/**
 * The characters a slab holds (src/compose/slabs.ts slabChars), what an overset report adds
 * up: a line of running text counts its own line's characters when asked, a list item's hung
 * numeral not among them; a slab made whole says its count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { columnSlabs } from '../../src/compose/column-blocks.js';
import { itemChars } from '../../src/compose/line-chars.js';
import { LineCache } from '../../src/compose/line-cache.js';
import { slabChars, visibleChars } from '../../src/compose/slabs.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { DEFAULT_STYLE } from '../../src/model/index.js';
import { itemizeEdition, type ItemizedArticle } from '../../src/text/index.js';
import { article, edition } from './helpers.js';

let story: ItemizedArticle;

beforeAll(() => {
  const lines = [
    '# 党建聚合力 发展增动能',
    '截至目前，江苏省累计建立产业链党建联盟（党委）901个，3.61万个基层党组织纳入其中，覆盖企业6.7万家。',
    '## 强组织，建机制',
    '1. 建立产业链党建联盟，把链上企业党组织聚合起来，推动上下游企业协同发力。',
    '2. 选派党建指导员，帮助链上企业解决融资、用工、技术等方面问题。',
  ];
  story = itemizeEdition(edition(['lead lead lead . . . . .'], ['auto'], [article('lead', lines)]), loadFontBook(), DEFAULT_STYLE).pages[0].articles[0];
});

describe('slabChars', () => {
  it('counts each slab’s text as the text of its blocks counts, numerals and space apart', () => {
    const slabs = columnSlabs(story, 117, 13.5, new LineCache());
    const byBlock = new Map<number, number>();
    for (const slab of slabs) byBlock.set(slab.block, (byBlock.get(slab.block) ?? 0) + slabChars(slab));
    const flowing = [...byBlock.keys()];
    expect(flowing.length).toBeGreaterThanOrEqual(4);
    for (const index of flowing) {
      const block = story.blocks[index];
      if (block.kind !== 'text') continue;
      expect(byBlock.get(index), `block ${index} (${block.role})`).toBe(visibleChars(block.set.text));
    }
  });

  it('leaves a line of running text uncounted until asked, and counts its line alone: a list item’s first line without its numeral', () => {
    const slabs = columnSlabs(story, 117, 13.5, new LineCache());
    const listFirst = slabs.find((s) => s.content.some((line) => line.origin.kind === 'marker'))!;
    expect(listFirst.chars).toBeUndefined();
    const text = listFirst.content.find((line) => line.origin.kind === 'block')!;
    expect(slabChars(listFirst)).toBe(itemChars(text.set, text.line.start, text.line.end));
    expect(slabChars({ ...listFirst, chars: 7 })).toBe(7);
  });
});
