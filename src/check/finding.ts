import type { MarkOrigin, Rect } from '../compose/index.js';
import type { Finding, FindingCode, Severity } from './types.js';
import { sourceOf, type EditionView, type PageView } from './view.js';

/** What a check says about one place: the rest (page, source line) comes from the view. */
export interface Place {
  readonly article: string;
  readonly origin?: MarkOrigin;
  readonly at?: Rect;
}

/** A finding at a place of a page. */
export function finding(view: EditionView, page: PageView, code: FindingCode, severity: Severity, place: Place, message: string, hint: string): Finding {
  return {
    code,
    severity,
    page: page.page.number,
    article: place.article,
    source: sourceOf(view, page, place.article, place.origin),
    message,
    hint,
    ...(place.at ? { at: { x: place.at.x, y: place.at.y, width: place.at.width, height: place.at.height } } : {}),
  };
}
