/** The audit's small measures: how two texts differ, and a photo's resolution at its placed size. */
import { describe, expect, it } from 'vitest';
import { textDifference } from '../../src/check/characters.js';
import { placedPpi } from '../../src/check/images.js';

describe('textDifference', () => {
  it('is null for the same characters, whatever the white space', () => {
    expect(textDifference('党建聚合力 发展增动能', '党建聚合力\n发展增动能')).toBeNull();
  });

  it('counts and quotes what is missing, after what came before it', () => {
    expect(textDifference('一二三四五', '一二五')).toEqual({ kind: 'lost', message: '2 of its 5 characters are not on the page: “三四” after “一二”' });
    expect(textDifference('一二三', '')).toEqual({ kind: 'lost', message: '3 of its 3 characters are not on the page: “一二三” at its start' });
  });

  it('calls characters it does not have repeated, and a change lost', () => {
    expect(textDifference('一二三', '一二三三')).toEqual({ kind: 'repeated', message: '1 character is on the page that it does not have there (placed twice?): “三” after “一二三”' });
    expect(textDifference('一二三', '一X三')?.kind).toBe('lost');
    expect(textDifference('一二三', '一X三')?.message).toBe('it reads “X” where it has “二” after “一”');
  });
});

describe('placedPpi', () => {
  it('is pixels per inch at the placed size, the smaller side when cropped to cover its frame', () => {
    expect(placedPpi({ pixelWidth: 300, pixelHeight: 200, width: 72, height: 48 })).toBe(300);
    // Cropped: 300 × 200 pixels over a 1 × 1 inch frame covers it at 200 ppi.
    expect(placedPpi({ pixelWidth: 300, pixelHeight: 200, width: 72, height: 72 })).toBe(200);
  });
});
