/** The pure parts of the PDF exporter: TJ arithmetic, letter-spacing test, numbers, colours. */
import { describe, expect, it } from 'vitest';
import { colourOperator } from '../../../src/export/pdf/colour.js';
import { drawingOrder, isLetterSpaced as isLetterSpacedRun, tjArray as tjArrayRun, type ShownGlyphs } from '../../../src/export/pdf/glyph-run.js';
import { pdfNumber } from '../../../src/export/pdf/pdf-number.js';

interface Glyph {
  readonly hex: string;
  readonly width: number;
  readonly dx: number;
}
const g = (cid: number, dx: number, width = 1000): Glyph => ({ hex: cid.toString(16).padStart(4, '0'), width, dx });
/** Glyphs as a run's parallel arrays. */
const shown = (glyphs: readonly Glyph[]): ShownGlyphs => ({ hex: glyphs.map((x) => x.hex), width: glyphs.map((x) => x.width), dx: glyphs.map((x) => x.dx) });
const tjArray = (glyphs: readonly Glyph[], size: number): string => tjArrayRun(shown(glyphs), size);
const isLetterSpaced = (glyphs: readonly Glyph[], size: number): boolean => isLetterSpacedRun(shown(glyphs), size);

/** Replays a TJ array the way a viewer does: where each glyph origin ends up, in points. */
function replay(tj: string, widths: Map<string, number>, size: number): number[] {
  const origins: number[] = [];
  let pen = 0;
  for (const token of tj.slice(1, -1).split(' ')) {
    if (token.startsWith('<')) {
      for (let i = 1; i < token.length - 1; i += 4) {
        origins.push(pen);
        pen += (widths.get(token.slice(i, i + 4))! * size) / 1000;
      }
    } else {
      pen -= (Number(token) * size) / 1000;
    }
  }
  return origins;
}

describe('tjArray', () => {
  it('writes glyphs at their nominal advance as one string', () => {
    expect(tjArray([g(1, 0), g(2, 10), g(3, 20)], 10)).toBe('[<000100020003>]');
  });

  it('turns extra and reduced gaps into adjustments (adj = -(gap - advance) × 1000/size)', () => {
    expect(tjArray([g(1, 0), g(2, 12), g(3, 24)], 10)).toBe('[<0001> -200 <0002> -200 <0003>]');
    expect(tjArray([g(1, 0, 500), g(2, 5, 500), g(3, 9)], 10)).toBe('[<00010002> 100 <0003>]');
    expect(tjArray([g(1, 0), g(2, 5, 500), g(3, 9)], 10)).toBe('[<0001> 500 <0002> 100 <0003>]');
  });

  it('measures from the first glyph, whatever its dx', () => {
    expect(tjArray([g(1, 3), g(2, 15)], 10)).toBe('[<0001> -200 <0002>]');
  });

  it('does not accumulate rounding along a long run', () => {
    const size = 10.5;
    const glyphs = Array.from({ length: 400 }, (_, i) => g(1 + (i % 7), i * 10.5003 + (i % 3) * 0.01, 1000));
    const widths = new Map(glyphs.map((x) => [x.hex, x.width]));
    const origins = replay(tjArray(glyphs, size), widths, size);
    origins.forEach((x, i) => expect(Math.abs(x - glyphs[i].dx)).toBeLessThan(1e-4));
  });

  it('handles a single glyph', () => {
    expect(tjArray([g(42, 7)], 9)).toBe('[<002a>]');
  });
});

describe('isLetterSpaced', () => {
  it('is true only when a gap exceeds the advance by more than 0.1 em', () => {
    expect(isLetterSpaced([g(1, 0), g(2, 10), g(3, 20)], 10)).toBe(false);
    expect(isLetterSpaced([g(1, 0), g(2, 11), g(3, 22)], 10)).toBe(false);
    expect(isLetterSpaced([g(1, 0), g(2, 10), g(3, 21.01)], 10)).toBe(true);
    expect(isLetterSpaced([g(1, 0), g(2, 5)], 10)).toBe(false);
  });
});

describe('drawingOrder', () => {
  it('keeps a run set left to right in its own order (no reordering)', () => {
    expect(drawingOrder([0, 0, 10])).toBeUndefined();
  });

  it('draws a right-to-left stretch (logical order, dx going down) from left to right', () => {
    expect(drawingOrder([0, 30, 20, 10, 40])).toEqual([0, 3, 2, 1, 4]);
  });

  it('keeps glyphs at the same dx (a mark and its letter) in their order', () => {
    expect(drawingOrder([10, 10, 0])).toEqual([2, 0, 1]);
  });
});

describe('pdfNumber', () => {
  it('rounds to six decimals without exponents or negative zero', () => {
    expect(pdfNumber(1 / 3)).toBe('0.333333');
    expect(pdfNumber(1e-7)).toBe('0');
    expect(pdfNumber(-1e-9)).toBe('0');
    expect(pdfNumber(841.89)).toBe('841.89');
    expect(pdfNumber(-12.5)).toBe('-12.5');
    expect(() => pdfNumber(NaN)).toThrow();
  });
});

describe('colourOperator', () => {
  it('writes grey as DeviceGray and CMYK as DeviceCMYK, fill or stroke', () => {
    expect(colourOperator({ space: 'gray', value: 0 }, false)).toBe('0 g');
    expect(colourOperator({ space: 'gray', value: 0.25 }, true)).toBe('0.25 G');
    expect(colourOperator({ space: 'cmyk', c: 0.1, m: 1, y: 0, k: 0.3 }, false)).toBe('0.1 1 0 0.3 k');
    expect(colourOperator({ space: 'cmyk', c: 1, m: 0, y: 0, k: 0 }, true)).toBe('1 0 0 0 K');
  });

  it('rejects channels outside 0–1', () => {
    expect(() => colourOperator({ space: 'gray', value: 1.5 }, false)).toThrow(/outside/);
    expect(() => colourOperator({ space: 'cmyk', c: 0, m: -0.1, y: 0, k: 0 }, false)).toThrow(/outside/);
  });
});
