import type { PlacedLine } from '../compose/index.js';
import { box, type Item } from '../text/index.js';
import type { Colour, DrawOp } from './draw-op.js';
import { GlyphsBuilder } from './placed-glyphs.js';
import { glueDeltas } from './justify.js';
import { placeVerticalBoxes, renderVerticalLine } from './vertical-line.js';
import { leaderDots } from './leader.js';

const BLACK: Colour = { space: 'gray', value: 0 };

/** Width of the glue after a line's last box (a closing mark's blank): not part of its ink. */
function trailingGlue(placed: PlacedLine): number {
  let width = 0;
  for (let i = placed.line.end - 1; i >= placed.line.start; i--) {
    const item = placed.items[i];
    if (item.kind === 'box') break;
    if (item.kind === 'glue') width += item.width;
  }
  return width;
}

/** Where the line's content starts: flush left, centred or flush right in its measure. */
function startX(placed: PlacedLine): number {
  const { line, align, measure } = placed;
  const slack = Math.max(0, measure - (line.naturalWidth - trailingGlue(placed)));
  switch (align) {
    case 'justify':
    case 'left':
      return placed.x;
    case 'center':
      return placed.x + slack / 2;
    case 'right':
      return placed.x + slack;
    default: {
      const never: never = align;
      throw new Error(`unknown alignment ${String(never)}`);
    }
  }
}

/** A box of a line and its left edge (a column of a vertical head: its offset down from the top). */
export interface PlacedBox {
  readonly item: Extract<Item, { kind: 'box' }>;
  readonly x: number;
}

/** Each box of a line with its left edge, after alignment and justification. */
export function placeBoxes(placed: PlacedLine): PlacedBox[] {
  const { items, line } = placed;
  const deltas = glueDeltas(items, line, placed.align);
  const out: PlacedBox[] = [];
  let x = startX(placed);
  for (let i = line.start; i < line.end; i++) {
    const item = items[i];
    if (item.kind === 'box') {
      out.push({ item, x });
      x += item.width;
    } else if (item.kind === 'glue') {
      // A word space's inkless space glyph, at the space's start (for text extraction).
      if (item.run) out.push({ item: box(0, item.run), x });
      x += item.width + deltas[i - line.start];
    }
  }
  // A line broken inside a word ends in the word's hyphen (its width is in the line's width).
  const breakItem = items[line.end];
  if (breakItem?.kind === 'penalty' && breakItem.run) out.push({ item: box(breakItem.width, breakItem.run), x });
  return out;
}

/** A line's boxes placed: along it, or down the column of a vertical head. */
export function placedBoxes(placed: PlacedLine): PlacedBox[] {
  return placed.vertical ? placeVerticalBoxes(placed) : placeBoxes(placed);
}

/** A run of a line's glyphs being gathered: its face, size, rise and origin. */
interface OpenRun {
  face: string;
  size: number;
  rise: number;
  x: number;
}

/** The DrawOp of the run gathered in `builder`. */
function glyphsOp(placed: PlacedLine, run: OpenRun, builder: GlyphsBuilder, ink: Colour): DrawOp {
  const y = placed.baseline - run.rise;
  // Two literals, not a spread of the optional field: a run a line, mostly before V8 optimises this.
  return placed.overprint
    ? { op: 'glyphs', face: run.face, size: run.size, x: run.x, y, glyphs: builder.glyphs(), colour: ink, tag: placed.tag, overprint: true }
    : { op: 'glyphs', face: run.face, size: run.size, x: run.x, y, glyphs: builder.glyphs(), colour: ink, tag: placed.tag };
}

/**
 * A placed line as glyph runs: one DrawOp per stretch of boxes in the same face, size and
 * style, each glyph at its explicit position. `builder` gathers each run's glyphs (a page's
 * lines share one: renderPage).
 */
export function renderLine(placed: PlacedLine, boxes: readonly PlacedBox[] = placedBoxes(placed), builder: GlyphsBuilder = new GlyphsBuilder()): DrawOp[] {
  if (placed.vertical) return renderVerticalLine(placed, boxes, builder);
  const ops: DrawOp[] = [];
  // Black (pure K in print) unless the layout gave the line a house colour or paper white.
  const ink: Colour = placed.colour ?? BLACK;
  let run: OpenRun | undefined;
  const dots: DrawOp[] = leaderDots(placed);
  // An indexed loop: every line of an edition passes here, mostly before V8 optimises it.
  for (let b = 0; b < boxes.length; b++) {
    const { item, x } = boxes[b];
    const boxRun = item.run;
    if (!boxRun) continue;
    const rise = boxRun.rise ?? 0;
    if (!run || run.face !== boxRun.face || run.size !== boxRun.size || run.rise !== rise) {
      if (run && builder.length > 0) ops.push(glyphsOp(placed, run, builder, ink));
      builder.reset();
      run = { face: boxRun.face, size: boxRun.size, rise, x: x + (boxRun.glyphs[0]?.dx ?? 0) };
    }
    const glyphs = boxRun.glyphs;
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i];
      builder.push(g.id, x + g.dx - run.x, g.text, g.advance === undefined ? undefined : setWidth(boxes, b, i));
    }
    if (boxRun.style === 'emphasis') dots.push(...emphasisDots(item, x, placed.baseline, ink));
  }
  if (run && builder.length > 0) ops.push(glyphsOp(placed, run, builder, ink));
  return dots.length === 0 ? ops : [...ops, ...dots];
}

/** Below this (points) a mark's set width counts as its full advance. */
const NARROWED_EPSILON = 0.01;

/**
 * The width a punctuation mark is set in when that is less than its advance: its blank half
 * compressed against a neighbouring mark (clreq #h-adjustment_of_adjacent_punctuation_marks),
 * squeezed by line compression, or trimmed at the line end (GB/T 15834 5.1.10). Measured from
 * the glyph's origin to the next glyph's origin, or to the end of its box at the line end.
 * The PDF gives the glyph that width, so that text extraction does not see it overlap the next
 * glyph (poppler starts a new line there) or reach into the gutter.
 */
function setWidth(boxes: readonly PlacedBox[], b: number, i: number): number | undefined {
  const { item, x } = boxes[b];
  const glyphs = item.run!.glyphs;
  const glyph = glyphs[i];
  const origin = x + glyph.dx;
  let end = i + 1 < glyphs.length ? x + glyphs[i + 1].dx : x + item.width;
  for (let k = b + 1; i + 1 >= glyphs.length && k < boxes.length; k++) {
    const next = boxes[k].item.run?.glyphs[0];
    if (next) {
      end = boxes[k].x + next.dx;
      break;
    }
  }
  const set = end - origin;
  return set < glyph.advance! - NARROWED_EPSILON ? set : undefined;
}

/** Size of an emphasis dot and its distance below the baseline, in ems. */
const DOT_RADIUS_EM = 0.07;
const DOT_DROP_EM = 0.3;
const HAN = /\p{Script=Han}/u;

/**
 * 着重号: a dot centred under each Han character of the box, none under punctuation
 * (clreq #handling_interlinear_punctuation; w3c/clreq#238).
 */
function emphasisDots(item: Extract<Item, { kind: 'box' }>, x: number, baseline: number, colour: Colour): DrawOp[] {
  if (!item.run || !HAN.test(item.run.glyphs.map((g) => g.text).join(''))) return [];
  const size = item.run.size;
  return [{ op: 'dot', cx: x + item.width / 2, cy: baseline + DOT_DROP_EM * size, r: DOT_RADIUS_EM * size, colour }];
}
