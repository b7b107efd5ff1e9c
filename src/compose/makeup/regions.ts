/**
 * The page's free cells as regions for the search: the whole page, or, around a rectangle kept
 * empty at its foot (an advertisement), the page above it, or the two ways of cutting the L
 * shape a corner slot leaves: a full-depth side beside a shorter one over the slot, or a
 * full-width top over a shorter part beside the slot.
 */
import { besideCost } from './cost.js';
import type { MakeupSearch, Entry } from './search.js';
import type { KeptCells } from './grid.js';
import type { BasicColumns, GridLines, Layout } from './types.js';

/** Where the lead must go (template `lead:`): across the region's top, down its left side, or anywhere. */
export type LeadShape = 'top' | 'left' | 'any';

/** A layout of the page's free cells and where it starts; its cost. */
export interface RegionLayout {
  readonly cost: number;
  readonly parts: readonly { readonly layout: Layout; readonly column: BasicColumns; readonly line: GridLines }[];
}

/** The cheapest entry of `table` exactly `lines` deep. */
function at(search: MakeupSearch, mask: number, columns: BasicColumns, top: boolean, lines: GridLines): readonly Entry[] {
  return search.table(mask, columns, top, lines).get(lines) ?? [];
}

function cheapest(entries: readonly Entry[]): Entry | undefined {
  return entries.reduce<Entry | undefined>((a, b) => (a === undefined || b.cost < a.cost ? b : a), undefined);
}

/** The cheapest layouts of `mask` exactly filling `columns` × `lines`, the lead placed as `shape` says when it is in the set. */
export function fill(search: MakeupSearch, mask: number, leadBit: number, columns: BasicColumns, lines: GridLines, top: boolean, shape: LeadShape): Entry[] {
  if (shape === 'any' || !(mask & leadBit) || mask === leadBit) return [...at(search, mask, columns, top, lines)];
  const rest = mask ^ leadBit;
  const found: Entry[] = [];
  if (shape === 'top') {
    for (const [depth, leads] of search.table(leadBit, columns, top, lines)) {
      const below = cheapest(at(search, rest, columns, false, lines - depth));
      const lead = cheapest(leads);
      if (below && lead) found.push({ cost: lead.cost + below.cost, left: lead.left, right: lead.right, layout: () => ({ kind: 'stack', upper: lead.layout(), lower: below.layout() }) });
    }
  } else {
    for (let split = 1; split < columns; split++) {
      const lead = cheapest(at(search, leadBit, split, top, lines));
      if (!lead) continue;
      for (const r of at(search, rest, columns - split, top, lines)) {
        const meet = besideCost(lead.right, r.left);
        if (meet !== undefined) found.push({ cost: lead.cost + r.cost + meet, left: lead.left, right: r.right, layout: () => ({ kind: 'side', left: lead.layout(), right: r.layout(), split }) });
      }
    }
  }
  return found;
}

/**
 * The cheapest layout of the pieces `all` over a page `columns` × `lines` less the kept cells:
 * `first` (the piece read first) starts the page.
 */
export function layoutPage(search: MakeupSearch, all: number, first: number, leadBit: number, columns: BasicColumns, lines: GridLines, kept: KeptCells | undefined, shape: LeadShape): RegionLayout | undefined {
  let best: RegionLayout | undefined;
  const offer = (cost: number, parts: RegionLayout['parts']): void => {
    if (!best || cost < best.cost) best = { cost, parts };
  };
  if (!kept || kept.columns === columns) {
    const depth = kept ? kept.line : lines;
    const entry = cheapest(fill(search, all, leadBit, columns, depth, true, shape));
    if (entry) offer(entry.cost, [{ layout: entry.layout(), column: 0, line: 0 }]);
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
            { layout: m.layout(), column: slotLeft ? kept.columns : 0, line: 0 },
            { layout: o.layout(), column: slotLeft ? 0 : width, line: 0 },
          ]);
        }
      }
      // The main part across the page over the slot's band, the other beside the slot.
      const top = cheapest(fill(search, main, leadBit, columns, kept.line, true, shape));
      const beside = cheapest(at(search, other, width, false, kept.lines));
      if (top && beside) offer(top.cost + beside.cost, [
        { layout: top.layout(), column: 0, line: 0 },
        { layout: beside.layout(), column: slotLeft ? kept.columns : 0, line: kept.line },
      ]);
    }
    if (sub === 0) break;
  }
  return best;
}
