/** Lines of a block put at their place in a module, and the text left over continued below it. */
import { EM_BOX_ASCENT } from './geometry.js';
import { balanceColumns } from './flow.js';
import type { RelativeLine, Slab } from './slabs.js';
import type { PlacedElement, PlacedLine } from './types.js';
import { placedLine } from './placed-line.js';

/** A line of a block placed at its module position: `x` its left edge, `top` the top its `dy` is measured from. */
export function placeLine(line: RelativeLine, x: number, top: number): PlacedLine {
  return placedLine({
    x: x + line.dx,
    baseline: top + line.dy,
    measure: line.measure,
    align: line.set.style.align,
    items: line.set.items,
    line: line.line,
    last: line.last,
    tag: line.tag,
    origin: line.origin,
    onGrid: line.onGrid,
  });
}

/** Bottom of a line's slot (its text's leading centred on the em box), from the top its `dy` is measured from. */
export function lineBoxBottom(line: RelativeLine): number {
  const { size, leading } = line.set.style;
  return line.dy + (1 - EM_BOX_ASCENT) * size + (leading - size) / 2;
}

/** Depth, in grid lines, the overset text is continued to when it will not end (an upper bound for balancing). */
const CONTINUE_SLACK = 1;

/**
 * The slabs an area could not take, set on in its columns as if they went on below its foot
 * (y from 0 at the foot): what a proof prints in red so the editor sees what to cut. Returns the
 * marks and the grid lines they take.
 */
export function oversetMarks(left: readonly Slab[], columns: number, columnX: (c: number) => number, pitch: number): { marks: PlacedElement[]; lines: number } {
  if (left.length === 0) return { marks: [], lines: 0 };
  const total = left.reduce((n, s) => n + s.lines, 0) + CONTINUE_SLACK;
  const frames = Array.from({ length: columns }, () => ({ top: 0, bottom: total }));
  const flow = balanceColumns(left, frames);
  if (!flow) return { marks: [], lines: 0 };
  const marks: PlacedElement[] = [];
  flow.placements.forEach((placement, i) => {
    if (placement.kind === 'dropped') return;
    for (const line of left[i].content) marks.push(placeLine(line, columnX(placement.column), placement.line * pitch));
  });
  return { marks, lines: flow.level };
}
