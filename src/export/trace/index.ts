/**
 * Trace exporter: DrawOps as text, one op per line, for golden tests (after SILE's debug
 * outputter). Numbers are rounded to 0.01 pt so traces are stable and diffable.
 */
import type { Colour, DrawOp, RenderedPage } from '../../render/index.js';
import { glyphList } from '../../render/placed-glyphs.js';

const n = (v: number): string => (Math.round(v * 100) / 100).toFixed(2).replace(/\.?0+$/, '') || '0';

/** A mark's ink when it is not black (black, the usual, is left out so traces stay short). */
function ink(colour: Colour): string {
  if (colour.space === 'gray') return colour.value === 0 ? '' : ` gray(${n(colour.value)})`;
  return ` cmyk(${[colour.c, colour.m, colour.y, colour.k].map(n).join(',')})`;
}

function traceOp(op: DrawOp): string {
  switch (op.op) {
    case 'glyphs': {
      const text = op.glyphs.text.join('');
      // A vertical head's glyph (竖题) has its own y: `id@dx,dy`; a narrowed mark its set width: `/w`.
      const positions = glyphList(op.glyphs).map((g) => `${g.id}@${n(g.dx)}${g.dy === undefined ? '' : `,${n(g.dy)}`}${g.advance === undefined ? '' : `/${n(g.advance)}`}`).join(' ');
      return `glyphs ${op.face} ${n(op.size)} ${n(op.x)},${n(op.y)} ${op.tag.article}/${op.tag.role} ${JSON.stringify(text)} ${positions}${ink(op.colour)}${op.overprint ? ' overprint' : ''}`;
    }
    case 'rule':
      return `rule ${n(op.x1)},${n(op.y1)} ${n(op.x2)},${n(op.y2)} w${n(op.width)}${ink(op.colour)}`;
    case 'fill':
      return `fill ${n(op.x)},${n(op.y)} ${n(op.width)}x${n(op.height)}${ink(op.colour)}`;
    case 'dot':
      return `dot ${n(op.cx)},${n(op.cy)} r${n(op.r)}`;
    case 'image':
      return `image ${op.src.split('/').pop()} ${n(op.x)},${n(op.y)} ${n(op.width)}x${n(op.height)} ${op.tag.article}`;
    default: {
      const never: never = op;
      throw new Error(`unknown op ${JSON.stringify(never)}`);
    }
  }
}

export function traceOps(pages: readonly RenderedPage[]): string {
  const out: string[] = [];
  for (const page of pages) {
    out.push(`page ${page.number} ${n(page.width)}x${n(page.height)} ${JSON.stringify(page.label)}`);
    for (const op of page.ops) out.push(traceOp(op));
  }
  return `${out.join('\n')}\n`;
}
