/**
 * Automatic make-up (`areas: auto`): the page builder proposes the page's areas from its
 * articles and their ranks, as a make-up editor draws a page from the story list — the lead on
 * top and widest, every module full, no two equal heads side by side. The search is exact for
 * its cost model (search.ts); each proposal is then set as the page will set it, and a depth
 * that does not fill or does not fit is struck off and the search run again.
 */
import { BLANK_SHARE, ContentError, RANK_NAMES, type AutoMakeup, type Page, type RowHeight, type StoryRank } from '../../model/index.js';
import type { HouseStyle } from '../../model/index.js';
import type { PageGeometry } from '../geometry.js';
import type { LineCache } from '../line-cache.js';
import { ArticleDepths, type PlacedPart } from './depths.js';
import { gridOf, placeModules, type KeptCells } from './grid.js';
import { layoutPage, partsOf, type LeadShape } from './regions.js';
import { MakeupSearch } from './search.js';
import { JUMP_ROOM_VALUE } from './cost.js';
import type { BasicColumns, DepthRange, GridLines, Piece, PlacedModule } from './types.js';
import { keptCells } from './template.js';

export type { GridLines, BasicColumns } from './types.js';
export type { PlacedPart } from './depths.js';
export { JUMP_ROOM_STEP, JUMP_ROOM_VALUE, MAX_JUMP_ROOM_VALUE } from './cost.js';

/** A part to place, with what the search weighs it by. */
export interface MakeupPart extends PlacedPart {
  readonly rank: StoryRank;
  /** Boxed, a photo above its head, a vertical head, or a continuation: it may stand beside any head. */
  readonly apart: boolean;
}

/** One article's module in the proposal, with the depths it could have had at that width. */
export interface ProposedModule {
  readonly id: string;
  readonly rank: StoryRank;
  readonly columns: BasicColumns;
  /** Grid lines of its area (a line of space above included where it does not start the page). */
  readonly lines: GridLines;
  readonly range: DepthRange;
}

/** What the proposer chose and how, for `--report` and `banmian propose`. */
export interface MakeupProposal {
  readonly areas: string[][];
  /** Each band's depth in grid lines. */
  readonly heights: GridLines[];
  readonly modules: readonly ProposedModule[];
  /** The chosen layout's cost (grid lines' worth of fault; lower is better). */
  readonly score: number;
  /** Layouts weighed by the search, over all rounds. */
  readonly tried: number;
  /** Searches run: one, and one more for each depth a trial setting struck off. */
  readonly rounds: number;
  /** Articles set to answer the search. */
  readonly settings: number;
  /** Heads side by side at one height (of different ranks: equal ones are never), left and right. */
  readonly beside: readonly (readonly [string, string])[];
  /** Each piece's depths at each width the search could use: [least, natural, most] grid lines. */
  readonly variants: Readonly<Record<string, Readonly<Record<number, readonly [number, number, number]>>>>;
}

/** Searches before the proposer gives up striking off depths the page builder refused. */
const MAX_ROUNDS = 200;
/** The most articles a page may have to place: the search names a set of them by the bits of a number. */
const MAX_PIECES = 30;
/** The piece read first (bit 0): it starts the page. */
const FIRST_PIECE = 1;

/** The rows a proposal is written with: whole grid lines per band. */
export function linesRows(heights: readonly GridLines[]): RowHeight[] {
  return heights.map((value) => ({ kind: 'lines', value }));
}

/**
 * Propose the areas of `page` (areas: auto) for `parts` in rank order (the first that is not a
 * continuation is the page's lead) over `geometry`'s `lines` grid lines.
 */
export function proposeMakeup(page: Page & { readonly auto: AutoMakeup }, parts: readonly MakeupPart[], geometry: PageGeometry, lines: GridLines, style: HouseStyle, cache: LineCache, jumpRoom = JUMP_ROOM_VALUE): MakeupProposal {
  const columns = page.columns;
  if (parts.length === 0) throw new ContentError(`page ${page.number} has areas: auto but no article to place`, page.source, 'write an article on this page (its ears stand beside the masthead), or name a jump in continued:');
  if (parts.length > MAX_PIECES) throw new ContentError(`page ${page.number} has ${parts.length} articles to place: areas: auto places up to ${MAX_PIECES}`, page.source, 'draw this page\'s areas by hand, or move articles to another page');
  const kept = keptCells(page, geometry, lines);
  const leadIndex = parts.findIndex((p) => p.part.kind !== 'continuation');
  const pieces: Piece[] = parts.map((p, i) => ({ id: p.article.id, rank: p.rank, apart: p.apart, elastic: p.elastic, lead: i === leadIndex }));
  const depths = new ArticleDepths(parts, geometry, style, cache, lines);
  const shape: LeadShape = page.auto.lead;
  const all = (1 << pieces.length) - 1;
  const leadBit = pieces.findIndex((p) => p.lead) < 0 ? 0 : 1 << pieces.findIndex((p) => p.lead);
  // Every width of the lead, widest first (no module is wider than the lead's), in one search
  // kept from round to round: a depth struck off makes it forget only the tables holding it.
  const caps = leadBit ? Array.from({ length: columns }, (_, k) => columns - k) : [columns];
  const search = new MakeupSearch(pieces, depths, columns, lines, jumpRoom);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    let best: { cost: number; modules: PlacedModule[] } | undefined;
    for (const cap of caps) {
      // Down the page's side the lead reads as the weightiest by its size and depth: the
      // stories beside it may be wider.
      const found = layoutPage(search.at(cap, shape === 'left' ? columns : cap), all, FIRST_PIECE, leadBit, columns, lines, kept, shape);
      if (found && (!best || found.cost < best.cost)) best = { cost: found.cost, modules: partsOf(found).flatMap((p) => placeModules(p.layout, p.column, p.line)) };
    }
    if (!best) throw new MakeupError(noMakeup(page, pieces, depths, columns, lines, kept), page, parts);
    // The proposal as the page will set it: a module that leaves text over or too much white is struck off.
    const struck = best.modules.filter((m) => depths.strikesOff(m.piece, m.columns, m.lines - gapOf(m)));
    for (const m of struck) search.forget(m.piece);
    if (struck.length > 0) continue;
    const tried = search.tried;
    const grid = gridOf(best.modules, kept ? [kept] : [], columns, lines, (i) => pieces[i].id);
    return {
      areas: grid.areas,
      heights: grid.rows,
      modules: best.modules.map((m) => ({ id: pieces[m.piece].id, rank: pieces[m.piece].rank, columns: m.columns, lines: m.lines, range: depths.range(m.piece, m.columns)! })),
      score: Math.round(best.cost * 100) / 100,
      tried,
      rounds: round,
      settings: depths.settings,
      variants: variantsOf(pieces, depths, columns),
      beside: headsBeside(best.modules, pieces),
    };
  }
  throw new MakeupError({ message: `page ${page.number}: no make-up found in ${MAX_ROUNDS} searches: each proposal left an article overset or its area more than ${Math.round(BLANK_SHARE * 100)}% blank`, hint: 'draw the areas by hand' }, page, parts);
}

/** Heads of different ranks the proposal sets side by side at one height (costed, not refused): left id, right id. */
function headsBeside(modules: readonly PlacedModule[], pieces: readonly Piece[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const a of modules) {
    for (const b of modules) {
      if (a.line === b.line && a.column + a.columns === b.column && !pieces[a.piece].apart && !pieces[b.piece].apart) pairs.push([pieces[a.piece].id, pieces[b.piece].id]);
    }
  }
  return pairs;
}

function gapOf(m: PlacedModule): GridLines {
  return m.line > 0 ? 1 : 0;
}

function variantsOf(pieces: readonly Piece[], depths: ArticleDepths, columns: BasicColumns): MakeupProposal['variants'] {
  const out: Record<string, Record<number, readonly [number, number, number]>> = {};
  pieces.forEach((piece, i) => {
    const widths: Record<number, readonly [number, number, number]> = {};
    for (let w = 1; w <= columns; w++) {
      const r = depths.range(i, w);
      if (r) widths[w] = [r.least, r.natural, Number.isFinite(r.most) ? r.most : -1];
    }
    out[piece.id] = widths;
  });
  return out;
}

/** A page with `areas: auto` the proposer could not lay out; `continued`: the continuations it held (an earlier page may give them more room). */
export class MakeupError extends ContentError {
  readonly continued: readonly string[];
  constructor(why: { readonly message: string; readonly hint: string }, page: Page, parts: readonly MakeupPart[]) {
    super(why.message, page.source, why.hint);
    this.name = 'MakeupError';
    this.continued = parts.filter((p) => p.part.kind === 'continuation').map((p) => p.article.id);
  }
}

/** Why no make-up was found: an article that fits at no width, too much copy, too little, or the rules. */
function noMakeup(page: Page, pieces: readonly Piece[], depths: ArticleDepths, columns: BasicColumns, lines: GridLines, kept: KeptCells | undefined): { message: string; hint: string } {
  const where = `page ${page.number} (areas: auto)`;
  const ranges = pieces.map((_, i) => Array.from({ length: columns }, (_, w) => ({ w: w + 1, r: depths.range(i, w + 1) })).filter((x) => x.r !== undefined) as { w: number; r: DepthRange }[]);
  const homeless = pieces.findIndex((_, i) => ranges[i].length === 0);
  if (homeless >= 0) return { message: `${where}: article "${pieces[homeless].id}" needs more than the page's ${lines} lines at every width from 1 to ${columns} columns`, hint: 'cut it, or let it jump: name it in continued: of a later page' };
  const cells = columns * lines - (kept ? kept.columns * kept.lines : 0);
  const least = pieces.reduce((sum, _, i) => sum + Math.min(...ranges[i].map((x) => x.r.least * x.w)), 0);
  const most = pieces.reduce((sum, _, i) => sum + Math.max(...ranges[i].map((x) => x.r.most * x.w)), 0);
  if (least > cells) return { message: `${where}: the articles need at least ${least} column-lines and the page has ${cells}`, hint: `cut about ${Math.ceil(((least - cells) / cells) * 100)}% of the copy, or move an article to another page` };
  if (most < cells) return { message: `${where}: even set as deep as they fill, the articles cover ${most} of the page's ${cells} column-lines`, hint: 'add copy or a photo, or keep cells empty with template areas:' };
  // At the depths they need, at their widest: where that is well short of the page, filling
  // (white around heads, grown photos) is asked for more than it gives. (An article that jumps
  // takes any room: then the copy is not short.)
  const needed = pieces.reduce((sum, _, i) => sum + Math.max(...ranges[i].map((x) => x.r.natural * x.w)), 0);
  const share = `${Math.round((needed / cells) * 100)}%`;
  const copy = !pieces.some((p) => p.elastic) && needed < cells * (1 - BLANK_SHARE) ? `; at the depths they need the articles take at most ${needed} of its ${cells} column-lines (${share})` : '';
  const ranks = pieces.map((p) => `${p.id} (${RANK_NAMES[p.rank]})`).join(', ');
  const hint = copy ? 'add copy or a photo (the page is short of copy), keep cells empty with template areas:, or draw the areas by hand' : 'change a rank, box an article, add or cut copy, or draw the areas by hand';
  return { message: `${where}: no make-up of ${ranks} fills the page with every area full (at most ${Math.round(BLANK_SHARE * 100)}% blank), the lead on top and widest, and no two equal heads side by side${copy}`, hint };
}
