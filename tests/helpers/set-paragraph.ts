/**
 * Set one paragraph with the real fonts, as the pipeline does (text → linebreak → render), and
 * describe the result in ems: each line's text and each box's position. For clreq case tests.
 */
import type { PlacedLine } from '../../src/compose/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { breakLines, type Line } from '../../src/linebreak/index.js';
import { DEFAULT_STYLE, DEFAULT_TYPOGRAPHY, type Align, type Inline, type RoleStyle, type Typography } from '../../src/model/index.js';
import { placeBoxes, renderLine } from '../../src/render/index.js';
import type { DrawOp } from '../../src/render/index.js';
import { classify } from '../../src/text/cjk/classes.js';
import { makeTextOptions, type Item } from '../../src/text/index.js';
import { itemizeInlines } from '../../src/text/itemize.js';
import { Shaper } from '../../src/text/shape.js';

export const EM = DEFAULT_STYLE.body.size;
let fonts: FontBook | undefined;

export interface SetBox {
  readonly text: string;
  /** Left edge and width of the box, in ems from the line start. */
  readonly x: number;
  readonly width: number;
  /** Glyph origins in ems. */
  readonly glyphX: readonly number[];
}

export interface SetLine {
  readonly text: string;
  readonly boxes: readonly SetBox[];
  /** Right edge of the last box, in ems. */
  readonly end: number;
  readonly line: Line;
  readonly ops: readonly DrawOp[];
}

export interface SetOptions {
  readonly typography?: Partial<Typography>;
  readonly indent?: boolean;
  readonly align?: Align;
  readonly style?: Partial<RoleStyle>;
}

export function itemizeText(text: string | readonly Inline[], options: SetOptions = {}): Item[] {
  fonts ??= loadFontBook();
  const typography: Typography = { ...DEFAULT_TYPOGRAPHY, ...options.typography };
  const style: RoleStyle = { ...DEFAULT_STYLE.body, indentEm: options.indent ? 2 : 0, ...options.style };
  const inlines: readonly Inline[] = typeof text === 'string' ? [{ kind: 'text', text }] : text;
  return itemizeInlines(inlines, style, new Shaper(fonts, []), makeTextOptions(typography));
}

/** Set `text` at a measure of `widthEm` ems. */
export function setParagraph(text: string | readonly Inline[], widthEm: number, options: SetOptions = {}): SetLine[] {
  const items = itemizeText(text, options);
  const size = options.style?.size ?? EM;
  const lines = breakLines(items, widthEm * size, { mode: options.typography?.linebreak ?? 'total-fit', tolerance: 2, linePenalty: 10, fitnessDemerits: 10_000 });
  return lines.map((line, i) => {
    const placed: PlacedLine = {
      kind: 'line',
      x: 0,
      baseline: 0,
      measure: widthEm * size,
      align: options.align ?? 'justify',
      items,
      line,
      last: i === lines.length - 1,
      tag: { article: 't', role: 'P' },
      origin: { kind: 'block', index: 0 },
      onGrid: true,
    };
    const boxes = joinTokens(
      placeBoxes(placed)
        .filter((b) => b.item.run)
        .map(({ item, x }) => ({
          text: item.run!.glyphs.map((g) => g.text).join(''),
          x: x / size,
          width: item.width / size,
          glyphX: item.run!.glyphs.map((g) => (x + g.dx) / size),
        })),
    );
    const last = boxes[boxes.length - 1];
    return { text: boxes.map((b) => b.text).join(''), boxes, end: last ? last.x + last.width : 0, line, ops: renderLine(placed) };
  });
}

/** Same position, in ems. */
const TOUCHING_EM = 1e-9;
const western = (text: string): boolean => text !== '' && Array.from(text).every((ch) => classify(ch) === 'western');

/**
 * The pieces of a Western token (src/text/split-token.ts) that sit side by side read as one box,
 * the token, as a reader sees it: `WeChat`, not `W`, `e`, `C` …
 */
function joinTokens(boxes: readonly SetBox[]): SetBox[] {
  const out: SetBox[] = [];
  for (const b of boxes) {
    const prev = out[out.length - 1];
    if (prev && western(prev.text) && western(b.text) && Math.abs(prev.x + prev.width - b.x) < TOUCHING_EM) {
      out[out.length - 1] = { text: prev.text + b.text, x: prev.x, width: b.x + b.width - prev.x, glyphX: [...prev.glyphX, ...b.glyphX] };
    } else {
      out.push(b);
    }
  }
  return out;
}
