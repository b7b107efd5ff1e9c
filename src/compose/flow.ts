import type { Slab } from './slabs.js';

/** A text column of an article: its grid lines [top, bottom), counted from the module top. */
export interface ColumnFrame {
  readonly top: number;
  readonly bottom: number;
}

/**
 * Where each slab went: a column and grid line, or nowhere (a gap dropped at a column top). A
 * slab that starts a column with a carry (a table row under its repeated head row) has the
 * carry's lines above `line`, and says so with `carried`.
 */
export type Placement = { readonly kind: 'placed'; readonly column: number; readonly line: number; readonly carried?: boolean } | { readonly kind: 'dropped' };

const DROPPED: Placement = { kind: 'dropped' };

/** Where the columns end: the deepest column's end line, and the lines in each column. */
export interface ColumnEnds {
  /** Grid line where the deepest column ends. */
  readonly level: number;
  readonly linesPerColumn: readonly number[];
}

export interface FlowResult extends ColumnEnds {
  readonly placements: readonly Placement[];
}

/**
 * What a filling of the columns is for: `measure` only finds where the columns end (the many
 * trials of balancing), `set` also places every slab (the trial chosen).
 */
type FlowMode = 'measure' | 'set';

/** The bottom of a column a level allows: one level for all, or one per column. */
type Level = number | readonly number[];

/**
 * Fill columns in reading order (top to bottom, left to right) without passing line `level`.
 * A slab that keeps with the next moves to the next column with it unless it already starts a
 * column (clreq #adjustments_of_orphans_and_widows; TeX's \clubpenalty/\widowpenalty as rules).
 * Returns null if the slabs do not fit.
 */
export function fillColumns(slabs: readonly Slab[], frames: readonly ColumnFrame[], level: Level): FlowResult | null {
  return flow(slabs, frames, level, 'set') as FlowResult | null;
}

function flow(slabs: readonly Slab[], frames: readonly ColumnFrame[], level: Level, mode: FlowMode): ColumnEnds | FlowResult | null {
  const placements: Placement[] = [];
  const set = mode === 'set';
  // The bottom each column may reach; the current column's top and bottom kept at hand. The
  // balancing search runs this over every line of an article dozens of times: its lists are
  // made by loops, and the list of where each column ends becomes that of its lines.
  const used: number[] = [];
  const limits: number[] = [];
  for (let c = 0; c < frames.length; c++) {
    used.push(0);
    limits.push(Math.min(typeof level === 'number' ? level : level[c], frames[c].bottom));
  }
  let column = 0;
  let top = frames.length > 0 ? frames[0].top : 0;
  let limit = frames.length > 0 ? limits[0] : 0;
  let y = top;
  for (let i = 0; i < slabs.length; i++) {
    const slab = slabs[i];
    if (column >= frames.length) return null;
    if (slab.discardableAtTop && y === top) {
      if (set) placements.push(DROPPED);
      continue;
    }
    // A chain of keeps (head, first line, second line) goes to the column foot together.
    let keep = 0;
    for (let j = i; j + 1 < slabs.length && slabs[j].keepWithNext; j++) keep += slabs[j + 1].lines;
    // What it repeats above itself at a column top (a table's head row) takes lines there too.
    const carryLines = slab.carry?.lines ?? 0;
    while (y + (carryLines > 0 && y === top ? carryLines : 0) + slab.lines + keep > limit) {
      if (y === top && y + carryLines + slab.lines <= limit) break; // at a column top the keep is waived
      column++;
      if (column >= frames.length) return null;
      y = top = frames[column].top;
      limit = limits[column];
      if (slab.discardableAtTop) break;
    }
    if (slab.discardableAtTop && y === top) {
      if (set) placements.push(DROPPED);
      continue;
    }
    const carried = carryLines > 0 && y === top ? carryLines : 0;
    if (set) placements.push(carried > 0 ? { kind: 'placed', column, line: y + carried, carried: true } : { kind: 'placed', column, line: y });
    y += carried + slab.lines;
    used[column] = y;
  }
  let deepest = 0;
  for (let c = 0; c < used.length; c++) {
    deepest = Math.max(deepest, used[c]);
    used[c] = Math.max(0, used[c] - frames[c].top);
  }
  return set ? { placements, level: deepest, linesPerColumn: used } : { level: deepest, linesPerColumn: used };
}

/**
 * Balance: the lowest level at which everything fits, so the columns end level and only the
 * last may be shorter (clreq #major_differences_between_horizontal_and_vertical_writing_modes).
 */
export function balanceColumns(slabs: readonly Slab[], frames: readonly ColumnFrame[]): FlowResult | null {
  let best = deepestFill(slabs, frames);
  if (!best) return null;
  const lowest = Math.min(...frames.map((f) => f.top));
  const deepest = Math.max(...frames.map((f) => f.bottom));
  // More room never hurts, so the lowest level that fits is the first that fits counting up.
  // No level whose columns hold fewer lines than the slabs that must be set can fit: the count
  // starts there and gallops (1, 2, 4… lines further), then bisects its last step. The search
  // only measures; the level chosen is set at the end.
  const need = slabs.reduce((n, s) => n + (s.discardableAtTop ? 0 : s.lines), 0);
  const start = firstLevelHolding((level) => capacityAt(frames, level), need, lowest, deepest);
  let fails = start - 1; // the highest level known not to fit
  let high = deepest; // the lowest level known to fit
  for (let step = 1; fails + step < high; step *= 2) {
    const result = flow(slabs, frames, fails + step, 'measure');
    if (result) {
      best = result;
      high = fails + step;
      break;
    }
    fails += step;
  }
  let low = fails + 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const result = flow(slabs, frames, mid, 'measure');
    if (result) {
      best = result;
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  // A head kept with its lines can leave a column short at the lowest level; a line or two
  // lower may end the columns more evenly. Take the level with the least space left at the
  // feet of the columns but the last.
  let chosen: { ends: ColumnEnds; level: Level } = { ends: best, level: high };
  let cost = raggedFeet(best, frames);
  for (let level = best.level + 1; level <= Math.min(deepest, best.level + LEVEL_SEARCH); level++) {
    const result = flow(slabs, frames, level, 'measure');
    if (!result) continue;
    const c = raggedFeet(result, frames) + (level - best.level) * LEVEL_COST;
    if (c < cost) {
      chosen = { ends: result, level };
      cost = c;
    }
  }
  const even = evenFeet(slabs, frames, chosen);
  return new MeasuredFilling(slabs, frames, even.level, even.ends);
}

/**
 * A balanced filling as its measuring found it: where the columns end, and where each slab goes
 * worked out when asked (a second pass that places them). Most balancing is a trial (the page
 * builder's looser and tighter paragraphs, larger and smaller photos) that reads only where the
 * columns end: a list of placements for every slab of every trial was made for nothing.
 */
class MeasuredFilling implements FlowResult {
  readonly level: number;
  readonly linesPerColumn: readonly number[];
  readonly #slabs: readonly Slab[];
  readonly #frames: readonly ColumnFrame[];
  readonly #at: Level;
  #placements: readonly Placement[] | undefined;

  constructor(slabs: readonly Slab[], frames: readonly ColumnFrame[], at: Level, ends: ColumnEnds) {
    this.level = ends.level;
    this.linesPerColumn = ends.linesPerColumn;
    this.#slabs = slabs;
    this.#frames = frames;
    this.#at = at;
  }

  get placements(): readonly Placement[] {
    // The same filling as measured (flow places what it measures), so it fits.
    return (this.#placements ??= fillColumns(this.#slabs, this.#frames, this.#at)!.placements);
  }
}

/**
 * Where the columns end filled to their deepest, or null when the slabs do not fit them: what
 * decides whether balanceColumns finds a filling (it then only looks for a higher level that
 * fits too, and sets the level it finds).
 */
function deepestFill(slabs: readonly Slab[], frames: readonly ColumnFrame[]): ColumnEnds | null {
  if (frames.length === 0) return null;
  const total = slabs.reduce((n, s) => n + s.lines, 0);
  const capacity = frames.reduce((n, f) => n + Math.max(0, f.bottom - f.top), 0);
  if (total > capacity) return null;
  return flow(slabs, frames, Math.max(...frames.map((f) => f.bottom)), 'measure');
}

/**
 * Whether balanceColumns would find a filling, without finding it: a search that asks only
 * whether text fits (the shallowest foot for an article, the least a photo must be cropped)
 * does not balance and set every trial.
 */
export function balances(slabs: readonly Slab[], frames: readonly ColumnFrame[]): boolean {
  return deepestFill(slabs, frames) !== null;
}

/**
 * Greedy filling leaves the whole shortfall to the last column. Spread it instead: the later
 * columns stop one line higher, as many as it takes for the last to end within a line of the
 * others (reference §4 case 34: line counts differ by at most one). Returns the level to set
 * and the filling measured there.
 */
function evenFeet(slabs: readonly Slab[], frames: readonly ColumnFrame[], chosen: { ends: ColumnEnds; level: Level }): { ends: ColumnEnds; level: Level } {
  // How far apart the feet of the columns with lines are.
  const spread = (result: ColumnEnds): number => {
    let highest = Infinity;
    let lowest = -Infinity;
    for (let c = 0; c < frames.length; c++) {
      if (result.linesPerColumn[c] <= 0) continue;
      const end = frames[c].top + result.linesPerColumn[c];
      highest = Math.min(highest, end);
      lowest = Math.max(lowest, end);
    }
    return highest === Infinity ? 0 : lowest - highest;
  };
  if (spread(chosen.ends) <= 1) return chosen;
  let best = chosen;
  for (let k = frames.length - 1; k >= 1; k--) {
    const levels = frames.map((_, c) => (c >= k ? chosen.ends.level - 1 : chosen.ends.level));
    const result = flow(slabs, frames, levels, 'measure');
    if (result && spread(result) < spread(best.ends)) best = { ends: result, level: levels };
    if (spread(best.ends) <= 1) break;
  }
  return best;
}

/**
 * All a filling of columns reads of its slabs (flow above): their lines, keeps, drops at a
 * column top and carried lines. Slabs of the same shape fill the same columns the same way.
 */
export function flowShape(slabs: readonly Slab[]): string {
  let key = '';
  for (const s of slabs) key += `${s.lines}${s.keepWithNext ? 'k' : ''}${s.discardableAtTop ? 'd' : ''}${s.carry ? `c${s.carry.lines}` : ''},`;
  return key;
}

/**
 * The first level, going down the page from the line under the highest column top, whose
 * columns hold `need` lines (`deepest` if none above it does): no filling that sets them all
 * ends higher. `capacity` is capacityAt for the columns (counted afresh, or kept by a search).
 */
function firstLevelHolding(capacity: (level: number) => number, need: number, lowest: number, deepest: number): number {
  let level = lowest + 1;
  while (level < deepest && capacity(level) < need) level++;
  return level;
}

/** The slabs' lines as balanceBounder reads them. */
export interface SlabLines {
  /** Every line the slabs may take: their own, and each one's carry once. */
  readonly lines: number;
  /** The lines every filling must set: all but those dropped at a column top. */
  readonly need: number;
}

/** What balanceBounder reads of slabs: the lines they may take and the lines they must set. */
export function slabLines(slabs: readonly Slab[]): SlabLines {
  let lines = 0;
  let need = 0;
  for (const s of slabs) {
    lines += s.lines + (s.carry?.lines ?? 0);
    if (!s.discardableAtTop) need += s.lines;
  }
  return { lines, need };
}

/**
 * The bound for `frames`: the best balanceColumns can do with slabs of given lines in them,
 * without filling them. Its level is never above the first that holds the lines to set (it sets
 * them all), and at that level the white under its columns (whiteUnder) is at least the room
 * left by every line the slabs may take. A search that ranks fillings by level, then white,
 * skips those whose bound cannot beat its best (loosen.ts). Undefined when nothing need be set
 * (no bound). Made once for a search's trials: the columns' capacity at each level is worked
 * out once, as a trial first asks for it.
 */
export function balanceBounder(frames: readonly ColumnFrame[]): (slabs: SlabLines) => { level: number; white: number } | undefined {
  if (frames.length === 0) return () => undefined;
  const lowest = Math.min(...frames.map((f) => f.top));
  const deepest = Math.max(...frames.map((f) => f.bottom));
  // Indexed by level less the highest column top.
  const capacities: number[] = [];
  const capacity = (level: number): number => (capacities[level - lowest] ??= capacityAt(frames, level));
  return (slabs) => {
    if (slabs.need === 0) return undefined;
    const level = firstLevelHolding(capacity, slabs.need, lowest, deepest);
    return { level, white: capacity(level) - slabs.lines };
  };
}

/** Lines the columns hold down to `level`. */
function capacityAt(frames: readonly ColumnFrame[], level: number): number {
  let n = 0;
  for (let i = 0; i < frames.length; i++) n += Math.max(0, Math.min(level, frames[i].bottom) - frames[i].top);
  return n;
}

/** Lines lower than the lowest level that balancing may try. */
const LEVEL_SEARCH = 3;
/** What one line lower costs, in lines left blank. */
const LEVEL_COST = 1.5;

/** Lines left blank at the feet of all columns but the last (which may be shorter). */
function raggedFeet(flow: ColumnEnds, frames: readonly ColumnFrame[]): number {
  let blank = 0;
  for (let c = 0; c + 1 < frames.length; c++) {
    const end = frames[c].top + flow.linesPerColumn[c];
    if (flow.linesPerColumn[c] > 0) blank += Math.max(0, flow.level - end);
  }
  return blank
}

/**
 * White left in a module: the line slots under each column's last line down to line `foot`
 * (a column with no text is white from its top). The one measure of blank space the page
 * builder fills and the layout report gives.
 */
export function whiteUnder(flow: FlowResult, frames: readonly ColumnFrame[], foot: number): number {
  return frames.reduce((sum, frame, c) => sum + Math.max(0, foot - (frame.top + flow.linesPerColumn[c])), 0);
}

/**
 * The longest run of slabs from the start that fits the columns filled to their bottoms: the
 * part of a jumping article that stays on its page (the rest goes on on a later page).
 */
export function fillPrefix(slabs: readonly Slab[], frames: readonly ColumnFrame[]): { count: number; flow: FlowResult | null } {
  const deepest = Math.max(...frames.map((f) => f.bottom));
  let low = 0;
  let high = slabs.length;
  let best: FlowResult | null = fillColumns([], frames, deepest);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const result = fillColumns(slabs.slice(0, mid), frames, deepest);
    if (result) {
      best = result;
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  // What keeps with the next slab (a head, a table's title and head row, a paragraph's first
  // lines) does not end the part: it goes on with what it keeps with.
  let count = low;
  while (count > 0 && count < slabs.length && slabs[count - 1].keepWithNext) count--;
  if (count < low) best = fillColumns(slabs.slice(0, count), frames, deepest);
  return { count, flow: best };
}
