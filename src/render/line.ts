import type { PlacedLine } from '../compose/index.js';
import type { Colour, DrawOp, PlacedGlyph } from './draw-op.js';

const BLACK: Colour = { space: 'gray', value: 0 };

/**
 * Where the line's content starts and how much each glue grows or shrinks. Justified lines use
 * the breaker's ratio (a paragraph's last line is ragged: its fill glue takes the slack); other
 * alignments set the content at its natural width, shrinking only if it must.
 */
function adjustment(placed: PlacedLine): { x: number; ratio: number } {
  const { line, align, measure } = placed;
  if (align === 'justify') return { x: placed.x, ratio: line.ratio };
  const ratio = Math.min(0, line.ratio);
  const slack = Math.max(0, measure - line.naturalWidth);
  switch (align) {
    case 'left':
      return { x: placed.x, ratio };
    case 'center':
      return { x: placed.x + slack / 2, ratio };
    case 'right':
      return { x: placed.x + slack, ratio };
    default: {
      const never: never = align;
      throw new Error(`unknown alignment ${String(never)}`);
    }
  }
}

/**
 * A placed line as glyph runs: one DrawOp per stretch of boxes in the same face, size and
 * style, each glyph at its explicit position.
 */
export function renderLine(placed: PlacedLine): DrawOp[] {
  const ops: DrawOp[] = [];
  const { items, line } = placed;
  let { x, ratio } = adjustment(placed);
  let run: { face: string; size: number; x: number; glyphs: PlacedGlyph[] } | null = null;
  const flush = (): void => {
    if (run && run.glyphs.length > 0) {
      ops.push({ op: 'glyphs', face: run.face, size: run.size, x: run.x, y: placed.baseline, glyphs: run.glyphs, colour: BLACK, tag: placed.tag });
    }
    run = null;
  };
  for (let i = line.start; i < line.end; i++) {
    const item = items[i];
    if (item.kind === 'box') {
      if (item.run) {
        if (!run || run.face !== item.run.face || run.size !== item.run.size) {
          flush();
          run = { face: item.run.face, size: item.run.size, x: x + (item.run.glyphs[0]?.dx ?? 0), glyphs: [] };
        }
        for (const g of item.run.glyphs) run.glyphs.push({ id: g.id, dx: x + g.dx - run.x, text: g.text });
      }
      x += item.width;
    } else if (item.kind === 'glue') {
      x += item.width + (ratio >= 0 ? ratio * item.stretch : ratio * item.shrink);
    }
  }
  flush();
  return ops;
}
