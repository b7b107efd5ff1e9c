/** Bleed and crop marks (edition.yml `print:`): the sheet grows around the trimmed page. */
import { describe, expect, it } from 'vitest';
import { printSheet, translateOp } from '../../src/render/print-marks.js';

const MM = 72 / 25.4;

describe('printSheet', () => {
  it('without bleed or marks, the sheet is the page', () => {
    const sheet = printSheet(1000, 1400, { bleedMm: 0, cropMarks: false });
    expect(sheet.offset).toBe(0);
    expect(sheet.marks).toEqual([]);
    expect([sheet.width, sheet.height]).toEqual([1000, 1400]);
  });

  it('3 mm bleed with crop marks: 9 mm added each side, 8 hairlines outside the bleed', () => {
    const sheet = printSheet(1000, 1400, { bleedMm: 3, cropMarks: true });
    expect(sheet.offset).toBeCloseTo(9 * MM, 6);
    expect(sheet.width).toBeCloseTo(1000 + 18 * MM, 6);
    expect(sheet.boxes.trim).toEqual({ x: sheet.offset, y: sheet.offset, width: 1000, height: 1400 });
    expect(sheet.boxes.bleed.x).toBeCloseTo(sheet.offset - 3 * MM, 6);
    expect(sheet.boxes.bleed.width).toBeCloseTo(1000 + 6 * MM, 6);
    expect(sheet.marks).toHaveLength(8);
    for (const mark of sheet.marks) {
      if (mark.op !== 'rule') throw new Error('marks are rules');
      // Each mark lies on a trim edge's line and entirely outside the bleed box.
      const { bleed } = sheet.boxes;
      const outside = (x: number, y: number): boolean => x <= bleed.x + 1e-6 || x >= bleed.x + bleed.width - 1e-6 || y <= bleed.y + 1e-6 || y >= bleed.y + bleed.height - 1e-6;
      expect(outside(mark.x1, mark.y1) && outside(mark.x2, mark.y2)).toBe(true);
      expect(Math.hypot(mark.x2 - mark.x1, mark.y2 - mark.y1)).toBeCloseTo(5 * MM, 6);
    }
  });

  it('moves every kind of op', () => {
    expect(translateOp({ op: 'dot', cx: 1, cy: 2, r: 1, colour: { space: 'gray', value: 0 } }, 10, 20)).toMatchObject({ cx: 11, cy: 22 });
    expect(translateOp({ op: 'rule', x1: 0, y1: 0, x2: 5, y2: 0, width: 1, colour: { space: 'gray', value: 0 } }, 1, 1)).toMatchObject({ x1: 1, y1: 1, x2: 6, y2: 1 });
  });
});
