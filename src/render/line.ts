import type { PlacedLine } from '../compose/index.js';
import type { Item } from '../text/index.js';
import type { Colour, DrawOp, PlacedGlyph } from './draw-op.js';
import { glueDeltas } from './justify.js';

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

/** Each box of a line with its left edge, after alignment and justification. */
export function placeBoxes(placed: PlacedLine): { readonly item: Extract<Item, { kind: 'box' }>; readonly x: number }[] {
  const { items, line } = placed;
  const deltas = glueDeltas(items, line, placed.align);
  const out: { item: Extract<Item, { kind: 'box' }>; x: number }[] = [];
  let x = startX(placed);
  for (let i = line.start; i < line.end; i++) {
    const item = items[i];
    if (item.kind === 'box') {
      out.push({ item, x });
      x += item.width;
    } else if (item.kind === 'glue') {
      // A word space's inkless space glyph, at the space's start (for text extraction).
      if (item.run) out.push({ item: { kind: 'box', width: 0, run: item.run }, x });
      x += item.width + deltas[i - line.start];
    }
  }
  // A line broken inside a word ends in the word's hyphen (its width is in the line's width).
  const breakItem = items[line.end];
  if (breakItem?.kind === 'penalty' && breakItem.run) out.push({ item: { kind: 'box', width: breakItem.width, run: breakItem.run }, x });
  return out;
}

/**
 * A placed line as glyph runs: one DrawOp per stretch of boxes in the same face, size and
 * style, each glyph at its explicit position.
 */
export function renderLine(placed: PlacedLine): DrawOp[] {
  const ops: DrawOp[] = [];
  let run: { face: string; size: number; x: number; glyphs: PlacedGlyph[] } | null = null;
  const dots: DrawOp[] = [];
  const flush = (): void => {
    if (run && run.glyphs.length > 0) {
      ops.push({ op: 'glyphs', face: run.face, size: run.size, x: run.x, y: placed.baseline, glyphs: run.glyphs, colour: BLACK, tag: placed.tag });
    }
    run = null;
  };
  const boxes = placeBoxes(placed);
  const lastInked = boxes.findLastIndex(({ item }) => (item.run?.glyphs.length ?? 0) > 0);
  boxes.forEach(({ item, x }, b) => {
    if (!item.run) return;
    if (!run || run.face !== item.run.face || run.size !== item.run.size) {
      flush();
      run = { face: item.run.face, size: item.run.size, x: x + (item.run.glyphs[0]?.dx ?? 0), glyphs: [] };
    }
    const glyphs = item.run.glyphs;
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i];
      const dx = x + g.dx - run.x;
      if (b === lastInked && i === glyphs.length - 1) {
        // The line's last glyph is set in what is left of its box (a trimmed mark: its ink half).
        run.glyphs.push({ id: g.id, dx, text: g.text, advance: item.width - g.dx });
      } else {
        run.glyphs.push({ id: g.id, dx, text: g.text });
      }
    }
    if (item.run.style === 'emphasis') dots.push(...emphasisDots(item, x, placed.baseline));
  });
  flush();
  return [...ops, ...dots];
}

/** Size of an emphasis dot and its distance below the baseline, in ems. */
const DOT_RADIUS_EM = 0.07;
const DOT_DROP_EM = 0.3;
const HAN = /\p{Script=Han}/u;

/**
 * 着重号: a dot centred under each Han character of the box, none under punctuation
 * (clreq #handling_interlinear_punctuation; w3c/clreq#238).
 */
function emphasisDots(item: Extract<Item, { kind: 'box' }>, x: number, baseline: number): DrawOp[] {
  if (!item.run || !HAN.test(item.run.glyphs.map((g) => g.text).join(''))) return [];
  const size = item.run.size;
  return [{ op: 'dot', cx: x + item.width / 2, cy: baseline + DOT_DROP_EM * size, r: DOT_RADIUS_EM * size, colour: BLACK }];
}
