/**
 * The front page's fields in a page's front matter: `front: true` (the masthead instead of the
 * running head) and `ears: [weather, index]` (报眼: up to two articles boxed beside the masthead).
 */
import type { Article, SourcePos } from '../model/document.js';
import { continuationPages } from '../model/jumps.js';
import { ID_PATTERN } from './container.js';
import { fail } from './fail.js';
import type { YamlFields } from './yaml-fields.js';

/** A masthead has room for one ear on each side. */
export const MAX_EARS = 2;

const EARS_HINT = 'ears: lists up to two article ids of this page set beside the masthead, e.g. ears: [weather, index]; they are not placed in areas';

export interface FrontFields {
  readonly front?: boolean;
  readonly ears?: readonly string[];
  /** Where `ears:` is written, for errors about its ids. */
  readonly earsPos?: SourcePos;
}

export function frontFields(fields: YamlFields): FrontFields {
  const front = fields.value('front');
  if (front !== undefined && front !== null && typeof front !== 'boolean') {
    fail(fields.pos('front'), `front must be true or false, not ${JSON.stringify(front)}`, 'front: true sets the page as the front page (头版): the masthead at its top and no running head');
  }
  const ears = fields.value('ears');
  if (ears === undefined || ears === null) return typeof front === 'boolean' ? { front } : {};
  const pos = fields.pos('ears');
  if (!Array.isArray(ears) || ears.some((id) => typeof id !== 'string' || !ID_PATTERN.test(id))) fail(pos, `ears must be a list of article ids, not ${JSON.stringify(ears)}`, EARS_HINT);
  if (ears.length > MAX_EARS) fail(pos, `${ears.length} ears: a masthead has room for ${MAX_EARS}, one on each side`, EARS_HINT);
  if (new Set(ears).size !== ears.length) fail(pos, 'an ear is listed twice', EARS_HINT);
  return { ...(typeof front === 'boolean' ? { front } : {}), ears: ears as string[], earsPos: pos };
}

/** Each ear an article of this page, and not also placed in `areas`. */
export function checkEars(header: FrontFields & { readonly areas: readonly (readonly string[])[] }, articles: readonly Article[], file: string): void {
  const pos = header.earsPos ?? { file, line: 1 };
  for (const id of header.ears ?? []) {
    if (!articles.some((a) => a.id === id)) fail(pos, `ear "${id}" is not an article of this page`, `write ::: article ${id} on this page; ${EARS_HINT}`);
    if (header.areas.some((band) => band.includes(id))) fail(pos, `ear "${id}" is also placed in areas`, `an ear stands beside the masthead only: remove "${id}" from areas, or from ears`);
  }
}

/** An ear is set whole beside the masthead: it cannot go on on a later page (a jump). */
export function checkEarsStay(pages: readonly { readonly number: number; readonly source: SourcePos; readonly ears?: readonly string[]; readonly areas: readonly (readonly string[])[] }[]): void {
  for (const page of pages) {
    for (const id of page.ears ?? []) {
      const [later] = continuationPages(pages, page, id);
      if (later) fail(later.source, `"${id}" in areas is an ear of page ${page.number}, which cannot jump`, `an ear (报眼) is set whole beside the masthead: remove "${id}" from the areas of page ${later.number}`);
    }
  }
}
