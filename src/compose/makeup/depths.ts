/**
 * The page builder's answers to the proposer: how deep an article (or the part of one on this
 * page) is set at a width. The article is set as the page will set it (measureArticle,
 * setArticle); the answers are kept for the one proposal.
 */
import { BLANK_SHARE, type HouseStyle } from '../../model/index.js';
import type { ItemizedArticle } from '../../text/index.js';
import { measureArticle, setArticle, type ArticlePart, type Module } from '../article.js';
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
}

/** Lines a photo may be cropped shallower, at most, before the proposer stops asking. */
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
    const trial = { fits: set.overset === undefined, fill: slots > 0 ? 1 - set.layout.blankLines / slots : 0 };
    this.trials.set(key, trial);
    return trial;
  }

  private filled(i: number, columns: BasicColumns, lines: GridLines): boolean {
    const t = this.trial(i, columns, lines);
    return t.fits && t.fill >= 1 - BLANK_SHARE;
  }

  /** Set as the page will set it: it fits, and, unless it jumps (a jumping part fills its columns), fills its area to the house's limit. */
  settles(i: number, columns: BasicColumns, lines: GridLines): boolean {
    return this.parts[i].elastic ? this.trial(i, columns, lines).fits : this.filled(i, columns, lines);
  }

  range(i: number, columns: BasicColumns): DepthRange | undefined {
    const key = `${i}|${columns}`;
    if (this.ranges.has(key)) return this.ranges.get(key);
    const range = this.measure(i, columns);
    this.ranges.set(key, range);
    return range;
  }

  /** What a trial of the whole page showed: `lines` at `columns` is not to be offered again. */
  refuse(i: number, columns: BasicColumns, lines: GridLines): void {
    const range = this.range(i, columns);
    if (!range) return;
    const narrowed = lines > range.natural ? { ...range, most: Math.min(range.most, lines - 1) } : { ...range, least: Math.max(range.least, lines + 1) };
    this.ranges.set(`${i}|${columns}`, narrowed.least > narrowed.most ? undefined : narrowed);
  }

  private measure(i: number, columns: BasicColumns): DepthRange | undefined {
    const { article, part, elastic } = this.parts[i];
    if (elastic) {
      // A part that jumps fills any depth past the first where its head and a start fit.
      const least = this.smallest((lines) => this.trial(i, columns, lines).fits);
      return least === undefined ? undefined : { least, natural: least, most: Infinity };
    }
    this.settings++;
    const natural = measureArticle(article, this.module(columns), this.geometry, this.style, part, this.cache, this.limit);
    if (natural > this.limit || !this.trial(i, columns, natural).fits) return undefined;
    const photos = article.blocks.some((b) => b.kind === 'figure');
    let least = natural;
    // Photos crop shallower (缩小图片) before any text is left over.
    while (photos && least > 1 && natural - least < MAX_CROP_LINES && this.trial(i, columns, least - 1).fits) least--;
    // White opens around the head (MAX_HEAD_SPACE lines) and photos grow (放大图片) to fill a deeper module.
    let most = natural;
    if (!photos) most = Math.min(this.limit, natural + MAX_HEAD_SPACE);
    else {
      let step = 1;
      while (most + step <= this.limit && this.filled(i, columns, most + step)) {
        most += step;
        step *= 2;
      }
      for (step = Math.floor(step / 2); step >= 1; step = Math.floor(step / 2)) if (most + step <= this.limit && this.filled(i, columns, most + step)) most += step;
    }
    return { least, natural, most };
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
