/**
 * The fonts of a language: an edition in `zh-Hant` (or `zh-Hant-TW`, `zh-TW`, `zh-HK` …) sets
 * every role in the faces fonts.json's `languages` gives for it (the TC faces), each in place
 * of the default face it replaces, the fallback order kept.
 */
import type { Face, FontBook } from './types.js';
import { FONT_ROLES, type FontRole } from './types.js';
import { languageFallbacks } from '../model/language.js';

/** The font book an edition in `language` sets with: the book itself when fonts.json has no faces for it. */
export function fontsForLanguage(book: FontBook, language: string): FontBook {
  if (!book.languageFaces) return book;
  const swaps = languageFallbacks(language).map((tag) => book.languageFaces!(tag)).find((s) => s !== undefined);
  if (!swaps) return book;
  const chains = new Map<FontRole, readonly Face[]>(FONT_ROLES.map((role) => [role, book.chain(role).map((face) => swaps.get(face.key) ?? face)]));
  return { ...book, chain: (role) => chains.get(role)! };
}
