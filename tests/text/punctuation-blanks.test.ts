/**
 * The blank halves of a paragraph's marks (text/cjk/punctuation.ts paragraphBlanks), as columns:
 * each unit's left and right blank in ems of its advance, and its kind, with adjacent marks
 * compressed (clreq #h-adjustment_of_adjacent_punctuation_marks; GB/T 15834 5.1.2).
 */
import { describe, expect, it } from 'vitest';
import type { CharClass } from '../../src/text/cjk/classes.js';
import { paragraphBlanks } from '../../src/text/cjk/punctuation.js';

/** Units of a string, one a character, classed by hand. */
function units(text: string, classes: Record<string, CharClass>): { cls: CharClass; shown: string }[] {
  return Array.from(text, (shown) => ({ cls: classes[shown] ?? 'han', shown }));
}

const MARKS: Record<string, CharClass> = { '“': 'opening', '”': 'closing', '《': 'opening', '》': 'closing', '。': 'stop', '，': 'stop', '？': 'stop', '！': 'stop' };

function columns(text: string, style: Parameters<typeof paragraphBlanks>[1] = 'mainland'): { left: number[]; right: number[]; kind: string[] } {
  const b = paragraphBlanks(units(text, MARKS), style);
  return { left: Array.from(b.left), right: Array.from(b.right), kind: [...b.kind] };
}

describe('paragraphBlanks', () => {
  it('gives a Han character no blank, an opening mark its left half and a closing mark or stop its right', () => {
    expect(columns('字“字”字。')).toEqual({
      left: [0, 0.5, 0, 0, 0, 0],
      right: [0, 0, 0, 0.5, 0, 0.5],
      kind: ['pause-blank', 'bracket-blank', 'pause-blank', 'bracket-blank', 'pause-blank', 'stop-blank'],
    });
  });

  it('takes the blank between two adjacent marks off the side away from the text', () => {
    // 。” : the stop loses its right blank; “《 : the 《 loses its left; ，“ : the “ loses its left.
    expect(columns('字。”')).toMatchObject({ left: [0, 0, 0], right: [0, 0, 0.5] });
    expect(columns('“《字')).toMatchObject({ left: [0.5, 0, 0], right: [0, 0, 0] });
    expect(columns('字，“字')).toMatchObject({ left: [0, 0, 0, 0], right: [0, 0.5, 0, 0] });
  });

  it('sets two chained ？！ in one em together, but not three', () => {
    expect(columns('字？！')).toMatchObject({ right: [0, 0, 0] });
    expect(columns('字？！？')).toMatchObject({ right: [0, 0, 0, 0.5] });
  });

  it('leaves adjacent marks whole in 行末半角式 (hangmobanjiao)', () => {
    expect(columns('字。”', 'hangmobanjiao')).toMatchObject({ right: [0, 0.5, 0.5] });
  });
});
