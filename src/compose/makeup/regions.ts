/**
 * The page's free cells as regions for the search: the whole page, or, around a rectangle kept
 * empty at its foot (an advertisement), the page above it, or the two ways of cutting the L
 * shape a corner slot leaves: a full-depth side beside a shorter one over the slot, or a
 * full-width top over a shorter part beside the slot.
 */
import { besideCost } from './cost.js';
import { cheapest, layoutOf, type Entry, type Tables } from './search.js';
import type { KeptCells } from './grid.js';
import type { BasicColumns, GridLines, Layout } from './types.js';

/** Where the lead must go (template `lead:`): across the region's top, down its left side, or anywhere. */
export type LeadShape = 'top' | 'left' | 'any';

/** A layout of the page's free cells, in parts each placed at its top-left corner; its cost. */
export interface RegionLayout {
  readonly cost: number;
  readonly parts: readonly { readonly entry: Entry; readonly column: BasicColumns; readonly line: GridLines }[];
}

/** The layouts of a region layout's parts, each with its top-left corner. */
export function partsOf(found: RegionLayout): { readonly layout: Layout; readonly column: BasicColumns; readonly line: GridLines }[] {
  return found.parts.map((p) => ({ layout: layoutOf(p.entry), column: p.column, line: p.line }));
}

/** The entries of `mask` exactly `lines` deep. */
function at(search: Tables, mask: number, columns: BasicColumns, top: boolean, lines: GridLines): readonly Entry[] {
  return search.table(mask, columns, top, lines).at[lines] ?? [];
}

/** The cheapest layouts of `mask` exactly filling `columns` × `lines`, the lead placed as `shape` says when it is in the set. */
export function fill(search: Tables, mask: number, leadBit: number, columns: BasicColumns, lines: GridLines, top: boolean, shape: LeadShape): Entry[] {
  if (shape === 'any' || !(mask & leadBit) || mask === leadBit) return [...at(search, mask, columns, top, lines)];
  const rest = mask ^ leadBit;
  const found: Entry[] = [];
  if (shape === 'top') {
    const leads = search.table(leadBit, columns, top, lines);
    for (const depth of leads.depths) {
      const below = cheapest(at(search, rest, columns, false, lines - depth));
      const lead = cheapest(leads.at[depth]);
      if (below && lead) found.push({ cost: lead.cost + below.cost, left: lead.left, right: lead.right, shape: { kind: 'stack', upper: lead, lower: below } });
    }
  } else {
    for (let split = 1; split < columns; split++) {
      const lead = cheapest(at(search, leadBit, split, top, lines));
      if (!lead) continue;
      for (const r of at(search, rest, columns - split, top, lines)) {
        const meet = besideCost(lead.right, r.left);
        if (meet !== undefined) found.push({ cost: lead.cost + r.cost + meet, left: lead.left, right: r.right, shape: { kind: 'side', left: lead, right: r, split } });
      }
    }
  }
  return found;
}

/**
 * The cheapest layout of the pieces `all` over a page `columns` × `lines` less the kept cells:
 * `first` (the piece read first) starts the page.
 */
export function layoutPage(search: Tables, all: number, first: number, leadBit: number, columns: BasicColumns, lines: GridLines, kept: KeptCells | undefined, shape: LeadShape): RegionLayout | undefined {
  let best: RegionLayout | undefined;
  const offer = (cost: number, parts: RegionLayout['parts']): void => {
    if (!best || cost < best.cost) best = { cost, parts };
  };
  if (!kept || kept.columns === columns) {
    const depth = kept ? kept.line : lines;
    const entry = cheapest(fill(search, all, leadBit, columns, depth, true, shape));
    if (entry) offer(entry.cost, [{ entry, column: 0, line: 0 }]);
    return best;
  }
  // A corner slot: every split of the pieces between the two parts of the L, the first piece in the main one.
  const slotLeft = kept.column === 0;
  const rest = all ^ first;
  const width = columns - kept.columns;
  for (let sub = rest; ; sub = (sub - 1) & rest) {
    const main = first | sub;
    const other = all ^ main;
    if (other !== 0) {
      // The main part full depth beside the slot's column, the other over the slot.
      const mains = fill(search, main, leadBit, width, lines, true, shape);
      const overs = at(search, other, kept.columns, true, kept.line);
      for (const m of mains) {
        for (const o of overs) {
          const meet = slotLeft ? besideCost(o.right, m.left) : besideCost(m.right, o.left);
          if (meet === undefined) continue;
          offer(m.cost + o.cost + meet, [
            { entry: m, column: slotLeft ? kept.columns : 0, line: 0 },
            { entry: o, column: slotLeft ? 0 : width, line: 0 },
          ]);
        }
      }
      // The main part across the page over the slot's band, the other beside the slot.
      const top = cheapest(fill(search, main, leadBit, columns, kept.line, true, shape));
      const beside = cheapest(at(search, other, width, false, kept.lines));
      if (top && beside) offer(top.cost + beside.cost, [
        { entry: top, column: 0, line: 0 },
        { entry: beside, column: slotLeft ? kept.columns : 0, line: kept.line },
      ]);
    }
    if (sub === 0) break;
  }
  return best;
}
