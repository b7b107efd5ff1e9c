/** Hanging marks (src/compose/list-slabs.ts): how far a list item's lines are indented, and where its mark sits. */
import { describe, expect, it } from 'vitest';
import { hangWidth, markerLine } from '../../src/compose/list-slabs.js';
import { LineCache } from '../../src/compose/line-cache.js';
import type { RelativeLine } from '../../src/compose/slabs.js';
import { DEFAULT_STYLE } from '../../src/model/index.js';
import type { SetText } from '../../src/text/index.js';

const SIZE = DEFAULT_STYLE.body.size;

/** A one-box mark of `width` points at `size`. */
function mark(width: number, size = SIZE): SetText {
  const style = { ...DEFAULT_STYLE.body, size, indentEm: 0, align: 'left' as const };
  return {
    style,
    text: '①',
    lineBreaking: 'total-fit',
    items: [
      { kind: 'box', width, run: { face: 'song', size, glyphs: [{ id: 1, dx: 0, text: '①' }], style: 'plain' } },
      { kind: 'penalty', width: 0, penalty: 10_000, flagged: false },
      { kind: 'glue', width: 0, stretch: 100_000, shrink: 0, glue: 'paragraph-fill' },
      { kind: 'penalty', width: 0, penalty: -10_000, flagged: false },
    ],
  };
}

describe('hanging marks', () => {
  it('indent the item by its mark and a quarter em, rounded up to half ems', () => {
    expect(hangWidth(mark(SIZE), SIZE)).toBeCloseTo(1.5 * SIZE, 9); // ①: 1 em → 1½ em
    expect(hangWidth(mark(0.6 * SIZE), SIZE)).toBeCloseTo(1 * SIZE, 9); // a small bullet → 1 em
    expect(hangWidth(mark(1.3 * SIZE), SIZE)).toBeCloseTo(2 * SIZE, 9); // 12. → 2 em
  });

  it('sit on the first line’s baseline, a smaller mark raised to centre on the text, as text the page adds', () => {
    const first = { dx: 13.5, dy: 10, measure: 100, set: { ...mark(SIZE), style: DEFAULT_STYLE.body }, line: { start: 0, end: 1, ratio: 0, naturalWidth: 9, width: 100, overfull: false }, last: false, tag: { article: 'a', role: 'P' }, origin: { kind: 'block', index: 3 }, onGrid: true } as RelativeLine;
    const same = markerLine(mark(SIZE), 13.5, first, 3, new LineCache());
    expect([same.dx, same.dy, same.measure, same.origin, same.onGrid]).toEqual([0, 10, 13.5, { kind: 'marker', index: 3 }, false]);
    const small = markerLine(mark(0.6 * SIZE, 0.6 * SIZE), 9, first, 3, new LineCache());
    expect(small.dy).toBeCloseTo(10 - 0.38 * 0.4 * SIZE, 9);
  });
});
