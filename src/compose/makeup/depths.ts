/**
 * The page builder's answers to the proposer: how deep an article (or the part of one on this
 * page) is set at a width. The article is set as the page will set it (measureArticle,
 * setArticle); the answers are kept for the one proposal.
 */
import { BLANK_SHARE, type HouseStyle } from '../../model/index.js';
import type { ItemizedArticle } from '../../text/index.js';
import { measureArticle, setArticle, type ArticlePart, type Module } from '../article.js';
import { MAX_FIGURE_GROWTH } from '../figures.js';
import { MAX_HEAD_SPACE } from '../fill.js';
import type { PageGeometry } from '../geometry.js';
import type { LineCache } from '../line-cache.js';
import type { BasicColumns, DepthOracle, DepthRange, GridLines } from './types.js';

/** An article to place and the part of it this page holds. */
export interface PlacedPart {
  readonly article: ItemizedArticle;
  readonly part: ArticlePart;
  /** It goes on to a later page. */
  readonly elastic: boolean;
}

/** How an article set `lines` deep came out: no overset, and the share of its line slots filled. */
export interface Trial {
  readonly fits: boolean;
  readonly fill: number;
  /** A part that jumps leaves text for the later page. */
  readonly carriesOn: boolean;
}

/** Lines short of the whole article's depth a jumping part must stop: its jump line and a line left to go on with. */
const JUMP_LEAVES_LINES = 2;
/** Lines a photo may be cropped shallower, at most, as the proposer first guesses. */
const MAX_CROP_LINES = 8;

export class ArticleDepths implements DepthOracle {
  private readonly ranges = new Map<string, DepthRange | undefined>();
  private readonly trials = new Map<string, Trial>();
  /** Articles set to answer (setArticle and measureArticle calls), for the report. */
  settings = 0;

  constructor(
    private readonly parts: readonly PlacedPart[],
    private readonly geometry: PageGeometry,
    private readonly style: HouseStyle,
    private readonly cache: LineCache,
    /** The deepest any module can be: the page's lines. */
    private readonly limit: GridLines,
  ) {}

  private module(columns: BasicColumns): Module {
    const g = this.geometry;
    return { x: g.left, width: columns * g.columnWidth + (columns - 1) * g.gutter, basicColumns: columns };
  }

  /** Set piece `i` `lines` deep in `columns`. */
  trial(i: number, columns: BasicColumns, lines: GridLines): Trial {
    const key = `${i}|${columns}|${lines}`;
    const seen = this.trials.get(key);
    if (seen) return seen;
    const { article, part } = this.parts[i];
    this.settings++;
    const set = setArticle(article, this.module(columns), lines, this.geometry, this.style, part, this.cache);
    const slots = lines * set.layout.columns;
    const trial = { fits: set.overset === undefined, fill: slots > 0 ? 1 - set.layout.blankLines / slots : 0, carriesOn: set.next !== undefined };
    this.trials.set(key, trial);
    return trial;
  }

  private filled(i: number, columns: BasicColumns, lines: GridLines): boolean {
    const t = this.trial(i, columns, lines);
    return t.fits && t.fill >= 1 - BLANK_SHARE;
  }

  /** Set as the page will set it: it fits, and, unless it jumps (a jumping part fills its columns), fills its area to the house's limit. */
  settles(i: number, columns: BasicColumns, lines: GridLines): boolean {
    if (!this.parts[i].elastic) return this.filled(i, columns, lines);
    const trial = this.trial(i, columns, lines);
    return trial.fits && trial.carriesOn;
  }

  range(i: number, columns: BasicColumns): DepthRange | undefined {
    const key = `${i}|${columns}`;
    if (this.ranges.has(key)) return this.ranges.get(key);
    const range = this.measure(i, columns);
    this.ranges.set(key, range);
    // Set at the depth it needs: where that leaves too much white (short columns end ragged
    // in a wide module), judge the whole range now rather than a search at a time.
    if (range && !this.parts[i].elastic && !this.settles(i, columns, range.natural)) this.judge(i, columns, range);
    return range;
  }

  /**
   * Set piece `i` deeper and deeper from the depth it needs at `columns`, striking off each depth
   * that does not settle, up to the first that does: the deeper its module, the more white opens
   * around its head and the more its photos grow, so most depths past that one settle too (one
   * that does not is struck off when a proposal meets it).
   */
  private judge(i: number, columns: BasicColumns, range: DepthRange): void {
    const key = `${i}|${columns}`;
    if (this.judged.has(key)) return;
    this.judged.add(key);
    for (let depth = range.natural; depth <= Math.min(range.most, this.limit) && !this.settles(i, columns, depth); depth++) this.refused.add(`${i}|${columns}|${depth}`);
  }

  /** Depths set and found wanting (`piece|columns|lines`). */
  private readonly refused = new Set<string>();

  offers(i: number, columns: BasicColumns, lines: GridLines): boolean {
    return !this.refused.has(`${i}|${columns}|${lines}`);
  }

  /** Widths of a piece whose every depth has been set and judged (`piece|columns`). */
  private readonly judged = new Set<string>();

  /**
   * Set piece `i` `lines` deep: when it does not settle, strike it off and say so — and set the
   * piece at every other depth of its range at that width, striking off each that does not
   * settle, so that the next search is not sent back to the same width line by line (the range
   * was a guess: what filling and cropping can do).
   */
  strikesOff(i: number, columns: BasicColumns, lines: GridLines): boolean {
    if (this.settles(i, columns, lines)) return false;
    this.refused.add(`${i}|${columns}|${lines}`);
    const range = this.range(i, columns);
    if (range) this.judge(i, columns, range);
    return true;
  }

  private measure(i: number, columns: BasicColumns): DepthRange | undefined {
    const { article, part, elastic } = this.parts[i];
    if (elastic) {
      // A part that jumps fills any depth past the first where its head and a start fit, short
      // of the depth where the whole article would fit: the later page must have text to go on
      // with (a line of it at least, under the jump line).
      const least = this.smallest((lines) => this.trial(i, columns, lines).fits);
      if (least === undefined) return undefined;
      this.settings++;
      const whole = measureArticle(article, this.module(columns), this.geometry, this.style, { kind: 'whole' }, this.cache, this.limit);
      const most = whole > this.limit ? Infinity : whole - JUMP_LEAVES_LINES;
      return least > most ? undefined : { least, natural: least, most };
    }
    this.settings++;
    const natural = measureArticle(article, this.module(columns), this.geometry, this.style, part, this.cache, this.limit);
    if (natural > this.limit) return undefined;
    // A first guess, narrowed where a proposal's module is set and found wanting (strikesOff):
    // white opens around the head (MAX_HEAD_SPACE lines) to fill a deeper module; photos grow
    // (放大图片) to fill a deeper one still, or crop shallower (缩小图片) for a shallower one.
    const photos = article.blocks.some((b) => b.kind === 'figure');
    // A photo grows by MAX_FIGURE_GROWTH of its depth at most, and it is no deeper than the article.
    const growth = MAX_HEAD_SPACE + (photos ? Math.ceil(natural * MAX_FIGURE_GROWTH) : 0);
    return { least: photos ? Math.max(1, natural - MAX_CROP_LINES) : natural, natural, most: Math.min(this.limit, natural + growth) };
  }

  /** The fewest lines, up to the page's, for which `fits` holds (it holds for all more, as a jumping part's does). */
  private smallest(fits: (lines: GridLines) => boolean): GridLines | undefined {
    if (!fits(this.limit)) return undefined;
    let [low, high] = [1, this.limit];
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (fits(mid)) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
