/**
 * Invisible characters in paragraphs (Unicode §5.21 Default_Ignorable_Code_Point): they take no
 * width and draw nothing, and do what they are for: U+200B ZERO WIDTH SPACE is a break, U+2060
 * WORD JOINER and U+FEFF forbid one, U+00AD SOFT HYPHEN is a hyphenation point, a variation
 * selector picks its character's glyph. The line breaker always gets a well-formed item list.
 */
import { describe, expect, it } from 'vitest';
import { isBreakpoint } from '../../src/linebreak/measure.js';
import { TOKEN_BREAK_PENALTY } from '../../src/text/token-breaks.js';
import { HYPHEN_PENALTY } from '../../src/text/hyphenate.js';
import type { Item } from '../../src/text/index.js';
import { itemizeText, setParagraph } from '../helpers/set-paragraph.js';

const textOf = (item: Item): string => (item.kind === 'box' && item.run ? item.run.glyphs.map((g) => g.text).join('') : '');

/** The items as the line breaker sees them: kinds, widths, stretch, shrink and penalties (no text). */
function measures(items: readonly Item[]): string[] {
  return items.map((item) => {
    switch (item.kind) {
      case 'box':
        return `B${item.width}:${item.run?.glyphs.map((g) => `${g.id}@${g.dx}`).join(',') ?? ''}`;
      case 'glue':
        return `G${item.width}/${item.stretch}/${item.shrink}:${item.glue}`;
      case 'penalty':
        return `P${item.penalty}/${item.width}/${item.flagged}`;
    }
  });
}

/** Each line's text, and where each of its boxes starts, in ems. */
const layout = (text: string, widthEm: number): { text: string; x: number[] }[] =>
  setParagraph(text, widthEm, { indent: true }).map((l) => ({ text: l.text.replace(/[\u200b\u2060\ufeff\u00ad]/gu, ''), x: l.boxes.map((b) => b.x) }));

const PARAGRAPH = '近年来，江苏大力推进产业链党建工作，通过组织建在链上、服务沉在链上、资源聚在链上、作用融在链上，推动政企高效沟通。';

describe('U+200B ZERO WIDTH SPACE', () => {
  it('between two Han characters: the same items as without it, the ZWSP in the first one’s text', () => {
    const plain = itemizeText('零宽空格');
    const marked = itemizeText('零宽\u200b空格');
    expect(measures(marked)).toEqual(measures(plain));
    expect(marked.map(textOf).filter(Boolean)).toEqual(['零', '宽\u200b', '空', '格']);
  });

  it('in a paragraph: every line and box where it is without them', () => {
    const marked = PARAGRAPH.replace(/在链上/g, '在\u200b链上');
    expect(layout(marked, 13)).toEqual(layout(PARAGRAPH, 13));
  });

  it('between Han and Latin: the ¼ em of autospace as without it, and no more', () => {
    expect(measures(itemizeText('报道\u200bWeChat用户'))).toEqual(measures(itemizeText('报道WeChat用户')));
  });

  it('inside a Latin token: a free break there, with no hyphen', () => {
    const items = itemizeText('据 longword\u200bcompound 报道', { align: 'justify' });
    const at = items.findIndex((i) => textOf(i).endsWith('\u200b'));
    expect(items[at + 1]).toEqual({ kind: 'penalty', width: 0, penalty: TOKEN_BREAK_PENALTY.marked, flagged: false });
    expect(TOKEN_BREAK_PENALTY.marked).toBe(0);
    expect(isBreakpoint(items, at + 1)).toBe(true);
  });
});

describe('U+2060 WORD JOINER and U+FEFF ZERO WIDTH NO-BREAK SPACE', () => {
  it('forbid the break between two Han characters, and take no width', () => {
    const plain = itemizeText('党建引领');
    const joined = itemizeText('党建\u2060引领');
    const at = joined.findIndex((i) => textOf(i) === '建\u2060');
    expect(joined[at + 1]).toMatchObject({ kind: 'penalty', penalty: 10_000 });
    expect(joined.filter((i) => i.kind !== 'penalty').map((i) => i.width)).toEqual(plain.filter((i) => i.kind !== 'penalty').map((i) => i.width));
  });

  it('U+FEFF at the start of a paragraph (a byte-order mark) has nothing to act on and is left out', () => {
    expect(itemizeText('\ufeff段首有字节序标记。', { indent: true })).toEqual(itemizeText('段首有字节序标记。', { indent: true }));
  });

  it('inside a Latin token: no break after the joiner', () => {
    const items = itemizeText('据 ab\u2060cd 报道');
    const at = items.findIndex((i) => textOf(i).endsWith('\u2060'));
    expect(items[at + 1]?.kind).not.toBe('penalty');
  });
});

describe('U+00AD SOFT HYPHEN', () => {
  it('is the hyphenation point of its word (instead of the patterns), drawing nothing unless the line breaks there', () => {
    const items = itemizeText('多家 tele\u00adcommunications 公司', { align: 'justify' });
    const flagged = items.filter((i): i is Extract<Item, { kind: 'penalty' }> => i.kind === 'penalty' && i.flagged);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ penalty: HYPHEN_PENALTY });
    expect(textOf(items[items.indexOf(flagged[0]) - 1])).toBe('e\u00ad');
    const boxes = items.filter((i) => i.kind === 'box' && i.run);
    expect(boxes.map(textOf).join('')).toBe('多家tele\u00adcommunications公司');
  });
});

describe('variation selectors', () => {
  it('go with their character into one box, whose glyph is the variant', () => {
    const items = itemizeText('礼\ufe00貌');
    const boxes = items.filter((i): i is Extract<Item, { kind: 'box' }> => i.kind === 'box' && !!i.run);
    expect(boxes.map(textOf)).toEqual(['礼\ufe00', '貌']);
    expect(boxes[0].width).toBe(boxes[1].width);
    const plain = itemizeText('礼').find((i): i is Extract<Item, { kind: 'box' }> => i.kind === 'box' && !!i.run)!;
    expect(boxes[0].run!.glyphs[0].id).not.toBe(plain.run!.glyphs[0].id);
  });
});
