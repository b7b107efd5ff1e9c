import type { Page } from './document.js';

/**
 * The pages an article goes on to (content format: jumps): every later page whose `areas` name
 * it, in page order. The one rule the parser (an ear cannot jump), the text stage (jump lines)
 * and the page threads (runs that keep a jump together) all ask.
 */
export function continuationPages<P extends Pick<Page, 'number' | 'areas'>>(pages: readonly P[], from: Pick<Page, 'number'>, articleId: string): P[] {
  return pages.filter((p) => p.number > from.number && p.areas.some((band) => band.includes(articleId)));
}
