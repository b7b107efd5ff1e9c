import type { PrintSettings } from '../model/index.js';
import type { Colour, DrawOp, PageBoxes } from './draw-op.js';

/** Points per millimetre. */
const PT_PER_MM = 72 / 25.4;
/** Crop marks: 5 mm long, starting just outside the bleed, hairline 0.25 pt. */
const MARK_LENGTH_MM = 5;
const MARK_GAP_MM = 1;
const MARK_WIDTH = 0.25;
const REGISTRATION: Colour = { space: 'cmyk', c: 1, m: 1, y: 1, k: 1 };

/** An op moved by (dx, dy). */
export function translateOp(op: DrawOp, dx: number, dy: number): DrawOp {
  switch (op.op) {
    case 'glyphs':
    case 'image':
    case 'fill':
      return { ...op, x: op.x + dx, y: op.y + dy };
    case 'rule':
      return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy };
    case 'dot':
      return { ...op, cx: op.cx + dx, cy: op.cy + dy };
    default: {
      const never: never = op;
      throw new Error(`unknown op ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The sheet around a trimmed page for the printer: the page moved in by the bleed and the
 * marks' margin, its trim and bleed boxes, and crop marks at the four corners outside the
 * bleed (in registration colour, so they print on every plate).
 */
export function printSheet(width: number, height: number, print: PrintSettings): { offset: number; width: number; height: number; boxes: PageBoxes; marks: DrawOp[] } {
  const bleed = print.bleedMm * PT_PER_MM;
  const gap = MARK_GAP_MM * PT_PER_MM;
  const length = MARK_LENGTH_MM * PT_PER_MM;
  const offset = bleed + (print.cropMarks ? gap + length : 0);
  const trim = { x: offset, y: offset, width, height };
  const boxes: PageBoxes = { trim, bleed: { x: offset - bleed, y: offset - bleed, width: width + 2 * bleed, height: height + 2 * bleed } };
  const marks: DrawOp[] = [];
  if (print.cropMarks) {
    const out = bleed + gap; // marks start outside the bleed
    const rule = (x1: number, y1: number, x2: number, y2: number): DrawOp => ({ op: 'rule', x1, y1, x2, y2, width: MARK_WIDTH, colour: REGISTRATION });
    for (const x of [trim.x, trim.x + width]) {
      for (const y of [trim.y, trim.y + height]) {
        const sx = x === trim.x ? -1 : 1;
        const sy = y === trim.y ? -1 : 1;
        marks.push(rule(x + sx * out, y, x + sx * (out + length), y), rule(x, y + sy * out, x, y + sy * (out + length)));
      }
    }
  }
  return { offset, width: width + 2 * offset, height: height + 2 * offset, boxes, marks };
}
