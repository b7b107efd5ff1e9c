/**
 * Vertical writing (竖排) in a headline: how each unit of text stands in a column.
 *
 * clreq #h-punctuation_marks_in_vertical_writing_mode (and GB/T 15834 §5.2): in vertical text
 * every Han character stands upright and advances down by one em; the pause and stop marks
 * 。，、 move to the top right of their em box (Mainland; centred in Taiwan and Hong Kong, as
 * they are in horizontal text); brackets, quotation marks (「」『』 and their corner forms for
 * “” ‘’), book-title marks 《》, the 2-em dash —— and the ellipsis …… turn a quarter turn. The
 * fonts carry those forms: the OpenType `vert` feature (with `vrt2`) substitutes them, as CSS
 * `writing-mode: vertical-rl` would (Noto Serif/Sans SC and TC have both).
 *
 * Latin digits (clreq #h-handling_western_text_in_chinese_text_in_vertical_writing_mode): a
 * number of one or two digits is set across the column in one em box, 纵中横 (tate-chu-yoko),
 * with the font's half-width digits (`hwid`: each exactly ½ em); a longer number, and Latin
 * letters, stand upright one to an em box. (Rotating them a quarter turn is the other usage
 * clreq gives; upright reads without turning the page.)
 */
import type { CharClass } from './classes.js';
import type { MarkPosition } from './mark-position.js';
import { markBlanks, paragraphBlanks } from './punctuation.js';

/** OpenType features that give a glyph its vertical form. */
export const VERTICAL_FEATURES: readonly string[] = ['vert', 'vrt2'];
/** The 2-em dash as one glyph (full width) in its vertical form. */
export const VERTICAL_DASH_FEATURES: readonly string[] = ['fwid', 'vert', 'vrt2'];
/** Half-width digits, two of which fill one em box across the column (纵中横). */
export const ACROSS_FEATURES: readonly string[] = ['hwid'];

/** The longest number set across the column (纵中横); a longer one stands digit by digit. */
export const MAX_ACROSS_DIGITS = 2;

const DIGITS = /^[0-9]+$/;

/** How a unit of text (a character, a Western word, a run of —— or ……) stands in a column. */
export type VerticalCell =
  /** Upright, one em box per character, in its vertical form. */
  | { readonly kind: 'upright'; readonly features: readonly string[] }
  /** Across the column in one em box (纵中横). */
  | { readonly kind: 'across'; readonly features: readonly string[] }
  /** One em box per character, each glyph upright and centred across the column (Latin). */
  | { readonly kind: 'stacked'; readonly features: readonly string[] };

/** How a unit stands in a vertical column, from its class and text. */
export function verticalCell(cls: CharClass, text: string): VerticalCell {
  if (cls === 'western') {
    if (DIGITS.test(text) && text.length <= MAX_ACROSS_DIGITS) return { kind: 'across', features: ACROSS_FEATURES };
    return { kind: 'stacked', features: DIGITS.test(text) ? ACROSS_FEATURES : [] };
  }
  if (cls === 'dash') return { kind: 'upright', features: VERTICAL_DASH_FEATURES };
  return { kind: 'upright', features: VERTICAL_FEATURES };
}

/** Blank taken off a mark's box where it meets another mark, in ems: before it (up) and after it (down). */
export interface Trim {
  readonly before: number;
  readonly after: number;
}

export const NO_TRIM: Trim = { before: 0, after: 0 };

/**
 * clreq #h-adjustment_of_adjacent_punctuation_marks holds in vertical text too: of two adjacent
 * marks (。」 ，「 」「), the blank half between them goes, so they take 1.5 em, not 2. The
 * blanks are those of horizontal text turned a quarter: a closing mark's or a stop's blank is
 * below its ink, an opening mark's above.
 */
export function adjacentTrims(marks: readonly { readonly cls: CharClass; readonly text: string }[], position: MarkPosition): Trim[] {
  const adjusted = paragraphBlanks(marks.map((m) => ({ cls: m.cls, shown: m.text })), 'mainland', position);
  return marks.map((m, i) => {
    const full = markBlanks(m.cls, m.text, 'mainland', position);
    return { before: full.left - adjusted.left[i], after: full.right - adjusted.right[i] };
  });
}
