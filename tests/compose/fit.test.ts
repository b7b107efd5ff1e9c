/** Fitting a block's size to its measure (src/compose/fit.ts): the character grid of a pull quote. */
import { describe, expect, it } from 'vitest';
import { fitCharacterGrid } from '../../src/compose/fit.js';
import { DEFAULT_STYLE } from '../../src/model/index.js';
import type { SetText } from '../../src/text/index.js';

/** Three Han boxes with inter-character glue at `size`, in the pull quote's style. */
function set(size: number): SetText {
  const box = { kind: 'box' as const, width: size, run: { face: 'song-bold', size, glyphs: [{ id: 1, dx: 0, text: '群' }], style: 'plain' as const } };
  const glue = { kind: 'glue' as const, width: 0, stretch: 0.15 * size, shrink: 0, glue: 'inter-character' as const };
  return {
    style: { ...DEFAULT_STYLE.roles.pullquote, size, leading: size * 1.45 },
    items: [box, glue, box, glue, box],
    text: '群群群',
    lineBreaking: 'total-fit',
  };
}

describe('fitCharacterGrid', () => {
  it('14 pt in 117 pt (8.36 characters) → 8 characters of 14.625 pt, leading and items scaled alike', () => {
    const fitted = fitCharacterGrid(set(14), 117);
    expect(fitted.style.size).toBeCloseTo(14.625, 9);
    expect(fitted.style.leading).toBeCloseTo(14.625 * 1.45, 9);
    expect(fitted.items[0]).toMatchObject({ width: 14.625, run: { size: 14.625 } });
    expect(fitted.items[1]).toMatchObject({ stretch: 0.15 * 14.625 });
  });

  it('13.5 pt (8.67 characters) → the nearer whole count, 9 characters of 13 pt', () => {
    expect(fitCharacterGrid(set(13.5), 117).style.size).toBeCloseTo(13, 9);
  });

  it('a size that already fits a whole number is left as it is', () => {
    const exact = set(9);
    expect(fitCharacterGrid(exact, 117)).toBe(exact);
  });
});
