/**
 * A run of an edition's pages set and audited: all its pages on one thread, or one thread's
 * share of them (page-threads.ts). The same steps either way, so a page comes out the same
 * whichever thread sets it.
 */
import { checkEdition, type CheckReport, type Finding } from './check/index.js';
import { composePages, type ArticleLayout, type ComposedPage, type LineCache, type MakeupReport } from './compose/index.js';
import { fontsForLanguage, type FontBook } from './fonts/index.js';
import type { Edition, HouseStyle } from './model/index.js';
import type { PageCache } from './parse/index.js';
import { renderPages, type DrawnLine, type RenderedPage } from './render/index.js';
import { itemizeEdition, type ItemizedEdition, type KnownText, type TextCache } from './text/index.js';

/** Everything the page pipeline makes, for tests and tools. */
export interface Typeset {
  readonly edition: Edition;
  readonly itemized: ItemizedEdition;
  readonly composed: readonly ComposedPage[];
  readonly rendered: readonly RenderedPage[];
  /** What each page's lines draw, as the render stage placed them (what the audit measures). */
  readonly drawn: readonly (readonly DrawnLine[])[];
}

/** One page of the layout report: its articles as set and the audit's findings on it. */
export interface LayoutPage {
  readonly page: number;
  readonly articles: readonly ArticleLayout[];
  readonly findings: readonly Finding[];
  /** With `areas: auto`: the areas proposed, the variants the search could use, and the chosen layout's score. */
  readonly makeup?: MakeupReport;
}

export interface LayoutReport {
  readonly edition: string;
  readonly figures: CheckReport['figures'];
  readonly pages: readonly LayoutPage[];
}

/** What compose found and the audit said, as plain data for CI to read. */
export function layoutReport(slug: string, pages: readonly ComposedPage[], audit: CheckReport): LayoutReport {
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    edition: slug,
    figures: audit.figures,
    pages: pages.map((page) => ({
      page: page.number,
      articles: page.articles.map((a) => ({ ...a, x: round(a.x), y: round(a.y), width: round(a.width), height: round(a.height), fill: round(a.fill) })),
      findings: audit.findings.filter((f) => f.page === page.number),
      ...(page.makeup ? { makeup: page.makeup } : {}),
    })),
  };
}

/** The steps of setting pages, in order: an error in an earlier one is the one a build reports. */
export const RUN_STAGES = ['itemize', 'compose', 'render', 'audit'] as const;
export type RunStage = (typeof RUN_STAGES)[number];

/**
 * What a process that builds again and again keeps from one build to the next (the preview,
 * `build --watch`): page files parsed, texts set, and the lines they were broken into.
 */
export interface WarmCaches {
  readonly pages: PageCache;
  readonly texts: TextCache;
  readonly lines: LineCache;
}

/** Set a parsed edition's pages (style already applied): itemize, compose, render. */
export function setPages(edition: Edition, fonts: FontBook, style: HouseStyle, onStage: (stage: RunStage) => void = () => undefined, warm?: WarmCaches, known?: KnownText): Typeset {
  onStage('itemize');
  // An edition in Traditional Chinese is set in the faces fonts.json gives its language.
  const itemized = itemizeEdition(edition, fontsForLanguage(fonts, edition.language), style, warm?.texts, known);
  onStage('compose');
  const composed = composePages(itemized, style, warm?.lines);
  onStage('render');
  const { pages: rendered, lines: drawn } = renderPages(composed, edition.print);
  return { edition, itemized, composed, rendered, drawn };
}

/** A run of pages set and audited: what the files are made from and what the build reports. */
export interface PageRun {
  readonly rendered: readonly RenderedPage[];
  readonly audit: CheckReport;
  readonly layout: readonly LayoutPage[];
}

export type PageRunResult = { readonly ok: true; readonly run: PageRun; readonly typeset: Typeset } | { readonly ok: false; readonly stage: RunStage; readonly error: unknown };

/**
 * Set and audit the pages of `edition` (the whole edition, or a run of its pages with every
 * jump inside it). A failure says at which step, for the caller to report the one a build of
 * the whole edition on one thread would have met first.
 */
export async function setRun(edition: Edition, fonts: FontBook, style: HouseStyle, strict: boolean | undefined, warm?: WarmCaches, known?: KnownText): Promise<PageRunResult> {
  let stage: RunStage = 'itemize';
  try {
    const typeset = setPages(edition, fonts, style, (s) => (stage = s), warm, known);
    stage = 'audit';
    // The pages are audited before anything is made of them: nothing drawn over anything else,
    // no character lost, no rule broken — or no file at all.
    const audit = await checkEdition({ itemized: typeset.itemized, composed: typeset.composed, drawn: typeset.drawn }, { strict });
    const layout = layoutReport(edition.slug, typeset.composed, audit).pages;
    return { ok: true, run: { rendered: typeset.rendered, audit, layout }, typeset };
  } catch (error) {
    return { ok: false, stage, error };
  }
}
