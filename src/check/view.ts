/**
 * The edition as the audit sees it: each composed page beside its itemized page, every placed
 * line's facts, and where in the page files each mark comes from.
 */
import { PAGE, type ComposedPage, type MarkOrigin, type PlacedLine } from '../compose/index.js';
import type { KinsokuLevel, SourcePos } from '../model/index.js';
import type { ItemizedArticle, ItemizedEdition, ItemizedPage } from '../text/index.js';
import type { DrawnLine } from '../render/index.js';
import { factsOf, lineFacts, type LineFacts } from './line-facts.js';

export interface PageView {
  readonly page: ComposedPage;
  readonly itemized: ItemizedPage;
  /** Facts of every placed line, in reading order. */
  readonly lines: readonly LineFacts[];
}

export interface EditionView {
  readonly pages: readonly PageView[];
  /** Every article by id (a jumping article once, from the page it starts on). */
  readonly articles: ReadonlyMap<string, ItemizedArticle>;
  readonly kinsoku: KinsokuLevel;
}

/**
 * The edition as the audit sees it. `drawn`: what each page's lines draw as the render stage
 * placed them (in the order of the page's lines); without, each line is placed again.
 */
export function editionView(itemized: ItemizedEdition, composed: readonly ComposedPage[], drawn?: readonly (readonly DrawnLine[])[]): EditionView {
  if (itemized.pages.length !== composed.length) throw new Error(`audit: ${composed.length} composed pages for ${itemized.pages.length} pages of the edition`);
  const articles = new Map<string, ItemizedArticle>();
  for (const page of itemized.pages) for (const article of page.articles) if (!articles.has(article.id)) articles.set(article.id, article);
  const pages = composed.map((page, i) => {
    const placed = page.elements.filter((e): e is PlacedLine => e.kind === 'line');
    const rendered = drawn?.[i];
    if (rendered && rendered.length !== placed.length) throw new Error(`audit: page ${page.number} has ${placed.length} lines and ${rendered.length} drawn`);
    return { page, itemized: itemized.pages[i], lines: rendered ? placed.map((line, k) => factsOf(line, rendered[k])) : placed.map(lineFacts) };
  });
  return { pages, articles, kinsoku: itemized.edition.typography.kinsoku };
}

/** Where a mark comes from in the page files: its block's line, else its article's, else the page's. */
export function sourceOf(view: EditionView, page: PageView, article: string, origin?: MarkOrigin): SourcePos {
  const found = article === PAGE ? undefined : view.articles.get(article);
  if (!found) return page.itemized.page.source;
  if (origin?.kind === 'block' || origin?.kind === 'marker') return found.blocks[origin.index]?.source ?? found.source;
  return found.source;
}

/** A short, printable quote of a text for messages: at most `max` characters. */
export function quote(text: string, max = 12): string {
  const chars = Array.from(text.replace(/\s+/gu, ' ').trim());
  return `“${chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')}”`;
}
