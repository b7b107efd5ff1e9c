/**
 * The search over slicings of a region (Strecker and Hennig's grid variants, solved exactly by
 * dynamic programming over sets of pieces): a region is one module, or two regions one above the
 * other, or two side by side. For each set of pieces, width and top edge it keeps, per depth,
 * the cheapest layout for each pair of heads at its top corners — enough to refuse 碰题 where
 * two layouts meet — so the cheapest layout of the whole page is exact for the cost model.
 *
 * Reading order binds the slicing: the highest-ranked piece of a set is in the upper or the
 * left part (rank order reads top to bottom, left to right), and no story is stacked above one
 * of a higher rank (boxes and continuations stand anywhere). The lead is at the page's top and
 * no module is wider than the lead's (`cap`).
 */
import { besideCost, cornerOf, moduleCost, type Corner } from './cost.js';
import type { BasicColumns, DepthOracle, GridLines, Layout, Piece } from './types.js';

/** The cheapest layout of a set at one depth with given heads at its top corners. */
export interface Entry {
  readonly cost: number;
  readonly left: Corner;
  readonly right: Corner;
  readonly layout: () => Layout;
}

/** Per depth (grid lines, the space above modules included), the entries by top corners. */
export type Table = ReadonlyMap<GridLines, readonly Entry[]>;

/** Corners take values APART (0) and ranks 1–4: a pair's key. */
const CORNER_KEYS = 8;

function lowestBit(mask: number): number {
  return mask & -mask;
}

function bitIndex(bit: number): number {
  return 31 - Math.clz32(bit);
}

export class MakeupSearch {
  private readonly memo = new Map<string, Table>();
  /** Layouts weighed (entries formed), for the report. */
  tried = 0;

  constructor(
    private readonly pieces: readonly Piece[],
    private readonly oracle: DepthOracle,
    private readonly pageColumns: BasicColumns,
    /** The lead's width: no module is wider, and the lead's is exactly this. */
    private readonly cap: BasicColumns,
    /** What a line across the page given to a jump is worth (cost.ts). */
    private readonly jumpRoom: number,
  ) {}

  private get leadBit(): number {
    const i = this.pieces.findIndex((p) => p.lead);
    return i < 0 ? 0 : 1 << i;
  }

  /**
   * The layouts of the pieces of `mask` in a region `columns` wide whose top is the page's top
   * (`top`) or not (a line of space above each module starting there), no deeper than `depth`.
   */
  table(mask: number, columns: BasicColumns, top: boolean, depth: GridLines): Table {
    const key = `${mask}|${columns}|${top ? 1 : 0}|${depth}`;
    const seen = this.memo.get(key);
    if (seen) return seen;
    const made = mask === lowestBit(mask) ? this.module(bitIndex(mask), columns, top, depth) : this.split(mask, columns, top, depth);
    this.memo.set(key, made);
    return made;
  }

  private module(index: number, columns: BasicColumns, top: boolean, depth: GridLines): Table {
    const piece = this.pieces[index];
    const table = new Map<GridLines, Entry[]>();
    if (piece.lead ? columns !== this.cap || !top : columns > this.cap) return table;
    const range = this.oracle.range(index, columns);
    if (!range) return table;
    const gap = top ? 0 : 1;
    const corner = cornerOf(piece);
    for (let lines = range.least; lines <= Math.min(range.most, depth - gap); lines++) {
      this.tried++;
      if (!this.oracle.settles(index, columns, lines)) continue;
      const layout: Layout = { kind: 'module', piece: index, columns, lines: lines + gap, top };
      table.set(lines + gap, [{ cost: moduleCost(piece, range, lines, columns, this.pageColumns, this.jumpRoom), left: corner, right: corner, layout: () => layout }]);
    }
    return table;
  }

  private split(mask: number, columns: BasicColumns, top: boolean, depth: GridLines): Table {
    const best = new Map<GridLines, Map<number, Entry>>();
    const offer = (lines: GridLines, entry: Entry): void => {
      this.tried++;
      let byCorners = best.get(lines);
      if (!byCorners) best.set(lines, (byCorners = new Map()));
      const key = entry.left * CORNER_KEYS + entry.right;
      const held = byCorners.get(key);
      if (!held || entry.cost < held.cost) byCorners.set(key, entry);
    };
    const first = lowestBit(mask);
    const rest = mask ^ first;
    // Every split of the set with its first (highest-ranked) piece in the upper or left part.
    for (let sub = (rest - 1) & rest; ; sub = (sub - 1) & rest) {
      const upper = first | sub;
      const lower = mask ^ upper;
      if (lower !== 0) this.stack(upper, lower, columns, top, depth, offer);
      for (let split = 1; split < columns; split++) this.side(upper, lower, split, columns, top, depth, offer);
      if (sub === 0) break;
    }
    const table = new Map<GridLines, Entry[]>();
    for (const lines of [...best.keys()].sort((a, b) => a - b)) table.set(lines, [...best.get(lines)!.values()]);
    return table;
  }

  /**
   * The story ranks of a set: the weightiest and the least of its pieces that are not set apart
   * (a box, a continuation may stand anywhere).
   */
  private ranks(mask: number): { readonly best: number; readonly worst: number } {
    let [best, worst] = [Infinity, -Infinity];
    this.pieces.forEach((p, i) => {
      if (!(mask & (1 << i)) || p.apart) return;
      best = Math.min(best, p.rank);
      worst = Math.max(worst, p.rank);
    });
    return { best, worst };
  }

  /** `upper` above `lower`, across the same columns: the heads at the top are the upper part's. */
  private stack(upper: number, lower: number, columns: BasicColumns, top: boolean, depth: GridLines, offer: (lines: GridLines, entry: Entry) => void): void {
    // The lead starts the page: it is never under another module. No story stands above one
    // that outranks it (a brief over a 二条): the page reads in rank order from the top.
    if (lower & this.leadBit || this.ranks(upper).worst > this.ranks(lower).best) return;
    const above = this.table(upper, columns, top, depth);
    if (above.size === 0) return;
    const below = this.table(lower, columns, false, depth);
    for (const [a, uppers] of above) {
      for (const [b, lowers] of below) {
        if (a + b > depth) break;
        const low = cheapest(lowers);
        for (const u of uppers) offer(a + b, { cost: u.cost + low.cost, left: u.left, right: u.right, layout: () => ({ kind: 'stack', upper: u.layout(), lower: low.layout() }) });
      }
    }
  }

  /** `left` beside `right`, `split` columns to the left, the same depth; their heads meeting at the top must not be 碰题. */
  private side(left: number, right: number, split: BasicColumns, columns: BasicColumns, top: boolean, depth: GridLines, offer: (lines: GridLines, entry: Entry) => void): void {
    if (right === 0) return;
    const lefts = this.table(left, split, top, depth);
    if (lefts.size === 0) return;
    const rights = this.table(right, columns - split, top, depth);
    for (const [lines, ls] of lefts) {
      const rs = rights.get(lines);
      if (!rs) continue;
      for (const l of ls) {
        for (const r of rs) {
          const meet = besideCost(l.right, r.left);
          if (meet === undefined) continue;
          offer(lines, { cost: l.cost + r.cost + meet, left: l.left, right: r.right, layout: () => ({ kind: 'side', left: l.layout(), right: r.layout(), split }) });
        }
      }
    }
  }
}

function cheapest(entries: readonly Entry[]): Entry {
  return entries.reduce((a, b) => (b.cost < a.cost ? b : a));
}
