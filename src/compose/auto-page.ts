/**
 * A page with `areas: auto`: the parts it holds, handed to the make-up proposer in rank order
 * (the page's lead first; own articles before continuations of the same rank; then file order), and the
 * page as if its areas had been drawn so — `rows: auto` where that gives the proposal's bands,
 * else each band's grid lines.
 */
import { rankOf, type Article, type AutoMakeup, type Page, type RowHeight } from '../model/index.js';
import type { ItemizedArticle, ItemizedPage } from '../text/index.js';
import type { ArticlePart } from './article.js';
import { linesRows, proposeMakeup, type MakeupPart, type MakeupProposal } from './makeup/index.js';
import type { PageGeometry } from './geometry.js';
import type { LineCache } from './line-cache.js';
import type { HouseStyle } from '../model/index.js';

export type { MakeupProposal } from './makeup/index.js';

/** A proposal and the rows it is written with. */
export interface AutoPage {
  readonly page: Page;
  readonly proposal: MakeupProposal;
}

/** How the page builder sets an article here: its part, whether it goes on. */
export interface PartOf {
  readonly article: ItemizedArticle;
  readonly part: ArticlePart;
  readonly jumps: boolean;
}

/** A head that may stand beside any other without 碰题: a photo above it, or set vertically. */
function headApart(article: ItemizedArticle): boolean {
  return article.blocks.some((b) => (b.kind === 'figure' && b.figure.place === 'above') || (b.kind === 'text' && b.role === 'headline' && b.vertical !== undefined));
}

/**
 * Propose the areas of an `areas: auto` page. `partOf` says how each id is set here (own
 * article or continuation); `articleOf` gives its model article (for its rank).
 */
export function layoutAutoPage(
  itemized: ItemizedPage & { readonly page: Page & { readonly auto: AutoMakeup } },
  partOf: (id: string) => PartOf,
  articleOf: (id: string) => Article | undefined,
  geometry: PageGeometry,
  lines: number,
  style: HouseStyle,
  cache: LineCache,
  jumpRoom: number,
): AutoPage {
  const { page } = itemized;
  const ears = new Set(itemized.ears ?? []);
  // Rank order, the page's own articles before continuations of the same rank (the page's lead
  // takes its top; a continuation goes on lower down), then the order written.
  const listed = [...page.articles.filter((a) => !ears.has(a.id)).map((a) => a.id), ...page.auto.continued];
  const keyed = listed.map((id, order) => {
    const here = partOf(id);
    const model = articleOf(id);
    return { id, order, here, rank: model ? rankOf(model) : rankOf(here.article), continued: page.auto.continued.includes(id) ? 1 : 0 };
  });
  keyed.sort((x, y) => x.rank - y.rank || x.continued - y.continued || x.order - y.order);
  // The page's lead (its first own article) is read first, whatever the rank of a continuation.
  const lead = keyed.findIndex((x) => x.continued === 0);
  const ordered = lead > 0 ? [keyed[lead], ...keyed.slice(0, lead), ...keyed.slice(lead + 1)] : keyed;
  const parts: MakeupPart[] = ordered.map(({ here: { article, part, jumps }, rank }) => {
    // A continuation's head is the headline in short over 上接: it competes with no story's head.
    return { article, part, elastic: jumps, rank, apart: article.box || part.kind === 'continuation' || headApart(article) };
  });
  const proposal = proposeMakeup(page, parts, geometry, lines, style, cache, jumpRoom);
  return { page: { ...page, areas: proposal.areas, rows: linesRows(proposal.heights) }, proposal };
}

/** `rows: auto` for every band when the band solver gives the proposal's depths from them. */
export function autoRowsIfSame(heights: readonly number[], solved: readonly number[]): RowHeight[] | undefined {
  return heights.length === solved.length && heights.every((h, i) => h === solved[i]) ? heights.map(() => ({ kind: 'auto' })) : undefined;
}
