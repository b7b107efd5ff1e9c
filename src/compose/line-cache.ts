/**
 * What the page builder works out more than once in a build, kept by the build: a paragraph
 * broken at a measure and looseness, and the slabs a block makes. The page builder measures
 * each article, sets it, then tries looser and tighter paragraphs, larger and smaller photos:
 * every trial reuses the blocks it does not change. One cache per build, passed in (never a
 * module global, so builds cannot see each other's work).
 */
import type { Line } from '../linebreak/index.js';
import type { SetText } from '../text/index.js';
import type { FlowResult } from './flow.js';
import type { Slab } from './slabs.js';

/** An article's paragraphs set looser or tighter to fill its columns, and the filling (loosen.ts). */
export interface Loosened {
  readonly slabs: Slab[];
  readonly flow: FlowResult | null;
}

export class LineCache {
  private readonly broken = new WeakMap<SetText, Map<string, Line[]>>();
  private readonly slabs = new WeakMap<object, Map<string, readonly Slab[]>>();
  private readonly loosenings = new WeakMap<object, Map<string, Loosened>>();
  /** Texts broken into lines and blocks made into slabs, and how often each was asked for again (for `npm run bench`). */
  readonly counts = { linesMade: 0, linesReused: 0, slabsMade: 0, slabsReused: 0 };

  /**
   * The lines of `set` at `measure` and `loosenesses[0]`. When not kept yet, `make` breaks the
   * text for all of `loosenesses` (in that order, as one pass of the breaker gives them) and
   * all are kept.
   */
  lines(set: SetText, measure: number, loosenesses: readonly number[], make: () => Line[][]): Line[] {
    let memo = this.broken.get(set);
    if (!memo) this.broken.set(set, (memo = new Map()));
    const kept = memo.get(`${measure}|${loosenesses[0]}`);
    if (kept) {
      this.counts.linesReused++;
      return kept;
    }
    this.counts.linesMade++;
    const made = make();
    loosenesses.forEach((l, i) => memo.set(`${measure}|${l}`, made[i]));
    return made[0];
  }

  /** The slabs of a block (keyed by the block object) at `measure` and `looseness`, from item `item` of its text, made once by `make`. */
  blockSlabs(block: object, measure: number, looseness: number, item: number, make: () => readonly Slab[]): readonly Slab[] {
    let memo = this.slabs.get(block);
    if (!memo) this.slabs.set(block, (memo = new Map()));
    const key = `${measure}|${looseness}|${item}`;
    let slabs = memo.get(key);
    if (slabs) this.counts.slabsReused++;
    else {
      this.counts.slabsMade++;
      memo.set(key, (slabs = make()));
    }
    return slabs;
  }

  /**
   * An article loosened (loosen.ts) into the columns `key` says (their measure, grid and
   * frames: all its filling reads besides the article), made once by `make`: the page builder's
   * measuring and setting steps often loosen an article into the same columns.
   */
  loosened(article: object, key: string, make: () => Loosened): Loosened {
    let memo = this.loosenings.get(article);
    if (!memo) this.loosenings.set(article, (memo = new Map()));
    let kept = memo.get(key);
    if (!kept) memo.set(key, (kept = make()));
    return kept;
  }
}
