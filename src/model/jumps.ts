import type { Page } from './document.js';

/**
 * The pages an article goes on to (content format: jumps): every later page whose `areas` name
 * it (or, with `areas: auto`, list it in `continued:`), in page order. The one rule the parser (an ear cannot jump), the text stage (jump lines)
 * and the page threads (runs that keep a jump together) all ask.
 */
export function continuationPages<P extends Pick<Page, 'number' | 'areas' | 'auto'>>(pages: readonly P[], from: Pick<Page, 'number'>, articleId: string): P[] {
  return pages.filter((p) => p.number > from.number && namesHere(p, articleId));
}

/** The page's areas name the article, or, with `areas: auto`, its `continued:` list does. */
export function namesHere(page: Pick<Page, 'areas' | 'auto'>, articleId: string): boolean {
  return page.areas.some((band) => band.includes(articleId)) || (page.auto?.continued.includes(articleId) ?? false);
}
