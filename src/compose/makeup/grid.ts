/**
 * A proposed layout as the content format writes a page: `areas` (one word per basic column,
 * one string per band) and `rows` (each band's depth in grid lines). Bands are cut wherever a
 * module starts or ends, so every module is a rectangle of whole bands.
 */
import type { BasicColumns, GridLines, Layout, PlacedModule } from './types.js';

/** The modules of a layout at their places, its top-left corner at (`column`, `line`). */
export function placeModules(layout: Layout, column: BasicColumns = 0, line: GridLines = 0): PlacedModule[] {
  switch (layout.kind) {
    case 'module':
      return [{ piece: layout.piece, column, columns: layout.columns, line, lines: layout.lines }];
    case 'stack': {
      const upper = placeModules(layout.upper, column, line);
      const depth = Math.max(...upper.map((m) => m.line + m.lines)) - line;
      return [...upper, ...placeModules(layout.lower, column, line + depth)];
    }
    case 'side':
      return [...placeModules(layout.left, column, line), ...placeModules(layout.right, column + layout.split, line)];
    default: {
      const never: never = layout;
      throw new Error(`unknown layout ${JSON.stringify(never)}`);
    }
  }
}

/** A rectangle of cells kept empty, in basic columns and grid lines. */
export interface KeptCells {
  readonly column: BasicColumns;
  readonly columns: BasicColumns;
  readonly line: GridLines;
  readonly lines: GridLines;
}

export interface ProposedGrid {
  readonly areas: string[][];
  /** Grid lines of each band. */
  readonly rows: GridLines[];
}

/** The areas and band depths of modules (named by `idOf`) and kept cells filling a page `columns` × `lines`. */
export function gridOf(modules: readonly PlacedModule[], kept: readonly KeptCells[], columns: BasicColumns, lines: GridLines, idOf: (piece: number) => string): ProposedGrid {
  const cuts = new Set<GridLines>([0, lines]);
  for (const r of [...modules, ...kept]) {
    cuts.add(r.line);
    cuts.add(r.line + r.lines);
  }
  const edges = [...cuts].filter((c) => c <= lines).sort((a, b) => a - b);
  const areas: string[][] = [];
  const rows: GridLines[] = [];
  for (let band = 0; band + 1 < edges.length; band++) {
    const line = edges[band];
    rows.push(edges[band + 1] - line);
    const cells = Array.from({ length: columns }, (_, column) => {
      const inside = (r: { column: number; columns: number; line: number; lines: number }): boolean => column >= r.column && column < r.column + r.columns && line >= r.line && line < r.line + r.lines;
      const module = modules.find(inside);
      return module ? idOf(module.piece) : '.';
    });
    areas.push(cells);
  }
  return { areas, rows };
}
