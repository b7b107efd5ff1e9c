/**
 * The search's tables (search.ts): per depth of a region, the cheapest layout for each pair of
 * heads at its top corners, each entry saying how it is made; and the layout an entry stands for.
 */
import type { Corner } from './cost.js';
import type { BasicColumns, GridLines, Layout } from './types.js';

/** How an entry is made: one module, or two entries one above the other or side by side. */
export type EntryShape =
  | { readonly kind: 'module'; readonly layout: Layout }
  | { readonly kind: 'stack'; readonly upper: Entry; readonly lower: Entry }
  | { readonly kind: 'side'; readonly left: Entry; readonly right: Entry; readonly split: BasicColumns }
  /** The entry's layout not at the page's top: each module at its top a line deeper, for the space above it. */
  | { readonly kind: 'lowered'; readonly entry: Entry };

/** The cheapest layout of a set at one depth with given heads at its top corners. */
export interface Entry {
  readonly cost: number;
  readonly left: Corner;
  readonly right: Corner;
  readonly shape: EntryShape;
}

/** The layout an entry stands for. */
export function layoutOf(entry: Entry): Layout {
  const shape = entry.shape;
  switch (shape.kind) {
    case 'module':
      return shape.layout;
    case 'lowered':
      return lowerLayout(layoutOf(shape.entry));
    case 'stack':
      return { kind: 'stack', upper: layoutOf(shape.upper), lower: layoutOf(shape.lower) };
    case 'side':
      return { kind: 'side', left: layoutOf(shape.left), right: layoutOf(shape.right), split: shape.split };
    default: {
      const never: never = shape;
      throw new Error(`unknown entry ${JSON.stringify(never)}`);
    }
  }
}

/** A layout moved off the page's top: the modules at its top take a line of space above them. */
function lowerLayout(layout: Layout): Layout {
  switch (layout.kind) {
    case 'module':
      return { ...layout, lines: layout.lines + 1, top: false };
    case 'stack':
      return { ...layout, upper: lowerLayout(layout.upper) };
    case 'side':
      return { ...layout, left: lowerLayout(layout.left), right: lowerLayout(layout.right) };
    default: {
      const never: never = layout;
      throw new Error(`unknown layout ${JSON.stringify(never)}`);
    }
  }
}

/** A table of layouts at the page's top, moved off it: every depth one more, none past `depth`. */
export function lowered(table: Table, depth: GridLines): Table {
  const depths: GridLines[] = [];
  const at: Entry[][] = [];
  for (const d of table.depths) {
    if (d + 1 > depth) break;
    depths.push(d + 1);
    at[d + 1] = table.at[d]!.map((entry) => ({ cost: entry.cost, left: entry.left, right: entry.right, shape: { kind: 'lowered', entry } }));
  }
  return { depths, at };
}

/** Per depth (grid lines, the space above modules included), the entries by top corners; `depths` lists those present, shallowest first. */
export interface Table {
  readonly depths: readonly GridLines[];
  readonly at: readonly (readonly Entry[] | undefined)[];
}

export const EMPTY: Table = { depths: [], at: [] };

/** The cheapest of a depth's entries. */
export function cheapest(entries: readonly Entry[] | undefined): Entry | undefined {
  if (!entries || entries.length === 0) return undefined;
  let best = entries[0];
  for (const e of entries) if (e.cost < best.cost) best = e;
  return best;
}

/**
 * Where an entry of `cost` with corners (`left`, `right`) goes among a depth's entries: the index
 * of the one it betters, `slot.length` when its corners are new, or -1 when it betters none.
 */
export function placeIn(slot: readonly Entry[], cost: number, left: Corner, right: Corner): number {
  for (let i = 0; i < slot.length; i++) {
    const e = slot[i];
    if (e.left === left && e.right === right) return cost < e.cost ? i : -1;
  }
  return slot.length;
}

