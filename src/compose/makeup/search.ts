/**
 * The search over slicings of a region (Strecker and Hennig's grid variants, solved exactly by
 * dynamic programming over sets of pieces): a region is one module, or two regions one above the
 * other, or two side by side. For each set of pieces, width and top edge it keeps, per depth,
 * the cheapest layout for each pair of heads at its top corners — enough to refuse 碰题 where
 * two layouts meet — so the cheapest layout of the whole page is exact for the cost model.
 *
 * Up to EXACT_PIECES pieces every split of a set is weighed; past it, only splits between ranks
 * (a documented heuristic, `uppers`).
 *
 * Reading order binds the slicing: the highest-ranked piece of a set is in the upper or the
 * left part (rank order reads top to bottom, left to right), and no story is stacked above one
 * of a higher rank (boxes and continuations stand anywhere). The lead is at the page's top and
 * no module is wider than the lead's (`cap`).
 */
import { besideCost, cornerOf, moduleCost } from './cost.js';
import { cheapest, EMPTY, lowered, placeIn, type Entry, type Table } from './table.js';
import type { BasicColumns, DepthOracle, GridLines, Layout, Piece } from './types.js';

export { cheapest, layoutOf, type Entry, type Table } from './table.js';

/** Pieces on a page up to which the search is exact: past it, sets are cut only between ranks. */
export const EXACT_PIECES = 8;

/**
 * A table's key under its set's mask, as one number: top edge, depth, width, and the widths
 * that bind it (the lead's, the others' most) where they do.
 */
const KEY_DEPTH = 4096;
const KEY_COLUMNS = 32;

/** The widths a search binds: the lead's exactly, every other module's at most. */
export interface Cap {
  readonly lead: BasicColumns;
  readonly others: BasicColumns;
}

/** Corners take the values APART (0) and ranks 1–4; a pair of them indexes scratch arrays. */
const CORNER_VALUES = 5;
const CORNER_PAIRS = CORNER_VALUES * CORNER_VALUES;

function lowestBit(mask: number): number {
  return mask & -mask;
}

function bitIndex(bit: number): number {
  return 31 - Math.clz32(bit);
}

/** The layouts of sets of pieces in regions, for one width of the lead. */
export interface Tables {
  table(mask: number, columns: BasicColumns, top: boolean, depth: GridLines): Table;
}

export class MakeupSearch {
  /**
   * Tables by set, width, top edge and depth, and by the lead's width where that binds them (a
   * set holding the lead, or a region wider than the lead): one search for every lead width.
   */
  private readonly memo = new Map<number, Map<number, Table>>();
  /** Layouts weighed (entries formed), for the report. */
  tried = 0;
  private readonly leadBit: number;
  /** Scratch for stack(): per depth and pair of corners, the cheapest pair's cost and parts. */
  private readonly scratch = {
    cost: new Float64Array(KEY_DEPTH * CORNER_PAIRS),
    // Filled, not holey: writes far into an empty array would turn it into a dictionary.
    upper: new Array<Entry | undefined>(KEY_DEPTH * CORNER_PAIRS).fill(undefined),
    lower: new Array<Entry | undefined>(KEY_DEPTH * CORNER_PAIRS).fill(undefined),
    touched: [] as number[],
  };
  /** The weightiest and the least rank of each set's pieces not set apart. */
  private readonly rankMemo = new Map<number, { readonly best: number; readonly worst: number }>();

  constructor(
    private readonly pieces: readonly Piece[],
    private readonly oracle: DepthOracle,
    private readonly pageColumns: BasicColumns,
    /** The page's depth: no region is deeper. */
    private readonly pageLines: GridLines,
    /** What a line across the page given to a jump is worth (cost.ts). */
    private readonly jumpRoom: number,
  ) {
    const lead = pieces.findIndex((p) => p.lead);
    this.leadBit = lead < 0 ? 0 : 1 << lead;
  }

  /** The fewest lines the lead can be set in at `cap` columns (0 when it cannot be set there). */
  private leadLeast(cap: BasicColumns): GridLines {
    return this.oracle.range(bitIndex(this.leadBit), cap)?.least ?? 0;
  }

  /**
   * The search with the lead `lead` columns wide, and no other module wider than `others`
   * (the lead's width, unless the lead stands down the page's side: `lead: left`).
   */
  at(lead: BasicColumns, others: BasicColumns = lead): Tables {
    const cap: Cap = { lead, others };
    return { table: (mask, columns, top, depth) => this.table(mask, columns, top, depth, cap) };
  }

  /** Forget every table holding piece `index`: a depth of it was struck off. */
  forget(index: number): void {
    const bit = 1 << index;
    for (const mask of [...this.memo.keys()]) if (mask & bit) this.memo.delete(mask);
  }

  /**
   * The layouts of the pieces of `mask` in a region `columns` wide whose top is the page's top
   * (`top`) or not (a line of space above each module starting there), no deeper than `depth`.
   */
  private table(mask: number, columns: BasicColumns, top: boolean, depth: GridLines, cap: Cap): Table {
    // The lead starts the page at the cap's width: a set holding it elsewhere has no layout.
    if (mask & this.leadBit && (!top || columns < cap.lead)) return EMPTY;
    // A region wider than the columns beside the lead overlaps the lead's columns, so it lies
    // under the lead: no deeper than the page less the lead's least depth (the line of space
    // between them is the region's own).
    const under = this.leadBit !== 0 && !(mask & this.leadBit) && columns > this.pageColumns - cap.lead;
    const limit = under ? Math.min(depth, this.pageLines - this.leadLeast(cap.lead)) : depth;
    const bound = mask & this.leadBit || columns > cap.others || under ? cap.lead * KEY_COLUMNS + cap.others : 0;
    const key = ((bound * KEY_COLUMNS + columns) * KEY_DEPTH + depth) * 2 + (top ? 1 : 0);
    let tables = this.memo.get(mask);
    if (!tables) this.memo.set(mask, (tables = new Map()));
    const seen = tables.get(key);
    if (seen) return seen;
    // A region that does not start the page is the one that does with a line of space above
    // each module at its top: the same layouts, one line deeper (made once, shifted).
    const made = !top ? lowered(this.table(mask, columns, true, depth, cap), limit) : limit <= 0 ? EMPTY : mask === lowestBit(mask) ? this.module(bitIndex(mask), columns, top, limit, cap) : this.split(mask, columns, top, limit, cap);
    tables.set(key, made);
    return made;
  }

  private module(index: number, columns: BasicColumns, top: boolean, depth: GridLines, cap: Cap): Table {
    const piece = this.pieces[index];
    if (piece.lead ? columns !== cap.lead || !top : columns > cap.others) return EMPTY;
    const range = this.oracle.range(index, columns);
    if (!range) return EMPTY;
    const gap = top ? 0 : 1;
    const corner = cornerOf(piece);
    const depths: GridLines[] = [];
    const at: Entry[][] = [];
    for (let lines = range.least; lines <= Math.min(range.most, depth - gap); lines++) {
      this.tried++;
      if (!this.oracle.offers(index, columns, lines)) continue;
      const layout: Layout = { kind: 'module', piece: index, columns, lines: lines + gap, top };
      depths.push(lines + gap);
      at[lines + gap] = [{ cost: moduleCost(piece, range, lines, columns, this.pageColumns, this.jumpRoom), left: corner, right: corner, shape: { kind: 'module', layout } }];
    }
    return { depths, at };
  }

  private split(mask: number, columns: BasicColumns, top: boolean, depth: GridLines, cap: Cap): Table {
    const at: Entry[][] = [];
    for (const upper of this.uppers(mask)) {
      const lower = mask ^ upper;
      this.stack(upper, lower, columns, top, depth, cap, at);
      for (let split = 1; split < columns; split++) this.side(upper, lower, split, columns, top, depth, cap, at);
    }
    const depths: GridLines[] = [];
    for (let lines = 0; lines < at.length; lines++) if (at[lines]) depths.push(lines);
    return { depths, at };
  }

  /**
   * The upper (or left) parts a set is split into: every subset holding its first (highest-
   * ranked) piece, short of the whole — or, on a page of more than EXACT_PIECES pieces, the
   * first one, two, … of them in rank order (the heuristic: a set is cut only between ranks, so
   * the sets met are runs of the rank order, a number that grows with the square of the pieces,
   * not as three to the power of them).
   */
  private *uppers(mask: number): Generator<number> {
    const first = lowestBit(mask);
    const rest = mask ^ first;
    if (this.pieces.length <= EXACT_PIECES) {
      for (let sub = (rest - 1) & rest; ; sub = (sub - 1) & rest) {
        if ((first | sub) !== mask) yield first | sub;
        if (sub === 0) return;
      }
    }
    let prefix = 0;
    for (let left = mask; left !== 0; left ^= lowestBit(left)) {
      prefix |= lowestBit(left);
      if (prefix !== mask) yield prefix;
    }
  }

  /**
   * The story ranks of a set: the weightiest and the least of its pieces that are not set apart
   * (a box, a continuation may stand anywhere).
   */
  private ranks(mask: number): { readonly best: number; readonly worst: number } {
    const seen = this.rankMemo.get(mask);
    if (seen) return seen;
    let [best, worst] = [Infinity, -Infinity];
    this.pieces.forEach((p, i) => {
      if (!(mask & (1 << i)) || p.apart) return;
      best = Math.min(best, p.rank);
      worst = Math.max(worst, p.rank);
    });
    const ranks = { best, worst };
    this.rankMemo.set(mask, ranks);
    return ranks;
  }

  /** `upper` above `lower`, across the same columns: the heads at the top are the upper part's. */
  private stack(upper: number, lower: number, columns: BasicColumns, top: boolean, depth: GridLines, cap: Cap, at: Entry[][]): void {
    // The lead starts the page: it is never under another module. No story stands above one
    // that outranks it (a brief over a 二条): the page reads in rank order from the top.
    if (lower & this.leadBit || this.ranks(upper).worst > this.ranks(lower).best) return;
    const above = this.table(upper, columns, top, depth, cap);
    if (above.depths.length === 0) return;
    const below = this.table(lower, columns, false, depth, cap);
    if (below.depths.length === 0) return;
    const lows = below.depths.map((b) => cheapest(below.at[b])!);
    // The cheapest pair for each depth and pair of top corners first, in scratch arrays; then
    // one entry each, where it betters what the table holds (most pairs are never kept).
    const { cost: best, upper: ups, lower: downs, touched } = this.scratch;
    for (const a of above.depths) {
      const uppers = above.at[a]!;
      for (let k = 0; k < below.depths.length; k++) {
        const lines = a + below.depths[k];
        if (lines > depth) break;
        const low = lows[k];
        for (const u of uppers) {
          this.tried++;
          const cost = u.cost + low.cost;
          const slot = lines * CORNER_PAIRS + u.left * CORNER_VALUES + u.right;
          if (ups[slot] === undefined) touched.push(slot);
          else if (cost >= best[slot]) continue;
          best[slot] = cost;
          ups[slot] = u;
          downs[slot] = low;
        }
      }
    }
    for (const slot of touched) {
      const lines = Math.floor(slot / CORNER_PAIRS);
      const u = ups[slot]!;
      const entries = (at[lines] ??= []);
      const i = placeIn(entries, best[slot], u.left, u.right);
      if (i >= 0) entries[i] = { cost: best[slot], left: u.left, right: u.right, shape: { kind: 'stack', upper: u, lower: downs[slot]! } };
      ups[slot] = undefined;
      downs[slot] = undefined;
    }
    touched.length = 0;
  }

  /** `left` beside `right`, `split` columns to the left, the same depth; their heads meeting at the top must not be 碰题. */
  private side(left: number, right: number, split: BasicColumns, columns: BasicColumns, top: boolean, depth: GridLines, cap: Cap, at: Entry[][]): void {
    const lefts = this.table(left, split, top, depth, cap);
    if (lefts.depths.length === 0) return;
    const rights = this.table(right, columns - split, top, depth, cap);
    for (const lines of lefts.depths) {
      const rs = rights.at[lines];
      if (!rs) continue;
      const ls = lefts.at[lines]!;
      for (const l of ls) {
        for (const r of rs) {
          this.tried++;
          const meet = besideCost(l.right, r.left);
          if (meet === undefined) continue;
          const cost = l.cost + r.cost + meet;
          const slot = (at[lines] ??= []);
          const i = placeIn(slot, cost, l.left, r.right);
          if (i >= 0) slot[i] = { cost, left: l.left, right: r.right, shape: { kind: 'side', left: l, right: r, split } };
        }
      }
    }
  }
}
