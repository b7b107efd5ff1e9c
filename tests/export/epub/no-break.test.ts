/** Marks that never start a line, kept with the character before them in the EPUB. */
import { describe, expect, it } from 'vitest';
import { noBreakPieces } from '../../../src/export/epub/no-break.js';

describe('noBreakPieces', () => {
  it('keeps a kicker’s closing —— with its last character', () => {
    expect(noBreakPieces('科技协同创新——')).toEqual([
      { text: '科技协同创', keep: false },
      { text: '新——', keep: true },
    ]);
  });

  it('keeps ·, – and ～ with the character before; a dash that opens the text stays as it is', () => {
    expect(noBreakPieces('深度关注·高质量')).toEqual([
      { text: '深度关', keep: false },
      { text: '注·', keep: true },
      { text: '高质量', keep: false },
    ]);
    expect(noBreakPieces('1–2').filter((p) => p.keep).map((p) => p.text)).toEqual(['1–']);
    expect(noBreakPieces('——编者')).toEqual([{ text: '——编者', keep: false }]);
    expect(noBreakPieces('没有破折号')).toEqual([{ text: '没有破折号', keep: false }]);
  });
});
