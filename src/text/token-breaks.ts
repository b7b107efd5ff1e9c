/**
 * Where a Western token set among Chinese text may break, and at what cost. A token is a run of
 * Western characters with no space in it (a unit of src/text/units.ts), set as one box: a word,
 * but also a URL, a long number or a chain of acronyms, which in a narrow column would run past
 * the column edge. No character is ever added at these breaks (no hyphen): the text reads back
 * exactly as written, and a URL stays a URL.
 *
 * - URLs and paths break at their marks, after the `://` of the scheme. Before a `/`, `-`, `_`,
 *   `~`, `#`, `=` or `&`, as the Chicago Manual of Style has them broken (CMOS 17th ed., 6.80 and
 *   14.18): the mark starts the next line and says the URL goes on. But after a `.`, `,`, `?` or
 *   `%`: those are marks that never start a line (UAX #14 classes IS, EX, PO; clreq
 *   #prohibition_rules_for_line_start_end), and a line that opened with one would read as a
 *   kinsoku error in Chinese text, whatever CMOS says of an English one.
 * - Outside URLs a hyphen between letters or digits is a break after it (CPPCC-NPC-, GB/T15834-),
 *   as TeX breaks after an explicit hyphen.
 * - A long run of digits (a phone, account or ID number) breaks between groups of four counted
 *   from the right: 138|0013|8000, the way such numbers are grouped when written, and the
 *   万/亿 groups in which Chinese reads a number.
 * - Anywhere else between two letters is a last resort (CSS `overflow-wrap: anywhere`): taken
 *   only when the token is wider than its measure.
 * - Invisible characters (ignorable.ts) go with the letter before them, like combining marks;
 *   after U+200B ZERO WIDTH SPACE the token may break freely (UAX #14 ZW), after U+2060 WORD
 *   JOINER or U+FEFF not at all (UAX #14 WJ).
 */
import { breakControl, isDefaultIgnorable } from './ignorable.js';
import { INFINITE_PENALTY, LAST_RESORT_PENALTY } from './items.js';

/** Why a token may break between two of its characters. */
export type TokenBreak =
  | 'url' // at a URL's or path's mark (CMOS 6.80)
  | 'compound' // after a hyphen of an acronym chain or compound word
  | 'digits' // between groups of a long number
  | 'anywhere' // between any two letters: a last resort
  | 'marked' // after a U+200B ZERO WIDTH SPACE the writer put there
  | 'anywhere-mark'; // the same before a closing mark or after an opening one: the very last resort

/**
 * Cost of each break. Breaking inside a token is never free (a reader must join the pieces), but
 * always far cheaper than a line that runs into the gutter.
 */
export const TOKEN_BREAK_PENALTY: Readonly<Record<TokenBreak, number>> = {
  // The writer said the token may break here (UAX #14 ZW): as free as a break at a space.
  marked: 0,
  // TeX's \exhyphenpenalty: a break after a hyphen that is already there reads naturally.
  compound: 50,
  // A URL broken at a mark still reads as one, but a reader has to look twice: a break here
  // costs as much as a line stretched to ratio 1.9 (demerits 700² ≈ (10 + 100·1.9³)²).
  url: 700,
  // A number broken between groups of four: no mark says it goes on, so dearer than a URL.
  digits: 1_000,
  // clreq never breaks a Western word except at a hyphen; these only keep a line in its measure.
  anywhere: LAST_RESORT_PENALTY,
  // A line that starts with `,` or `)` or ends with `(` (UAX #14 classes CL, CP, EX, IS, OP):
  // halfway between the last resort and the forbidden.
  'anywhere-mark': (LAST_RESORT_PENALTY + INFINITE_PENALTY) / 2,
};

/** Shortest run of digits that breaks between groups: a year or an amount (2024, 1000000) stays whole. */
export const LONG_NUMBER_DIGITS = 8;
/** Digits per group of a long number (138 0013 8000, 6222 0212 3456 7890). */
export const DIGIT_GROUP = 4;

/** A URL: a scheme (`https://`), `www.`, an e-mail address, or a host name with a path. */
const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[^@/]+@[^@/]+\.[a-z]|[\w-]+(?:\.[\w-]+)+\/)/i;
/** Marks a URL breaks before (CMOS 6.80), and marks it breaks after (they never start a line). */
const URL_BREAK_BEFORE = new Set('/-_~#=&');
const URL_BREAK_AFTER = new Set('.,?%');
/** Western marks that never start a line (UAX #14 CL, CP, EX, IS) or never end one (OP). */
const NO_LINE_START = new Set(',.;:!?)]}\'"%');
const NO_LINE_END = new Set('([{');
const HYPHENS = new Set('-\u2010');
const ALPHANUMERIC = /^[\p{L}\p{N}]$/u;
const DIGIT = /^[0-9]$/;

/**
 * The breaks of a token, by code point: `breaks[i]` is why the token may break before its i-th
 * character, undefined before the first (index 0) and where a break would split one character
 * (a combining mark stays with its base).
 */
export function tokenBreaks(token: string): (TokenBreak | undefined)[] {
  const chars = Array.from(token);
  const breaks = new Array<TokenBreak | undefined>(chars.length).fill(undefined);
  for (let i = 1; i < chars.length; i++) {
    if (/^\p{M}$/u.test(chars[i])) continue;
    breaks[i] = NO_LINE_START.has(chars[i]) || NO_LINE_END.has(chars[i - 1]) ? 'anywhere-mark' : 'anywhere';
  }
  if (URL.test(token)) urlBreaks(chars, breaks);
  else compoundBreaks(chars, breaks);
  digitBreaks(chars, breaks);
  markedBreaks(chars, breaks);
  return breaks;
}

/**
 * None before an invisible character (it stays with the letter before it); after a break
 * control, a break where U+200B marks one and none after a word joiner.
 */
function markedBreaks(chars: readonly string[], breaks: (TokenBreak | undefined)[]): void {
  for (let i = 1; i < chars.length; i++) {
    if (isDefaultIgnorable(chars[i])) {
      breaks[i] = undefined;
      continue;
    }
    const control = breakControl(chars[i - 1]);
    if (control === 'break') breaks[i] = 'marked';
    else if (control === 'no-break') breaks[i] = undefined;
  }
}

function urlBreaks(chars: readonly string[], breaks: (TokenBreak | undefined)[]): void {
  const scheme = chars.join('').indexOf('://');
  const mark = (c: string): boolean => URL_BREAK_BEFORE.has(c) || URL_BREAK_AFTER.has(c) || c === ':';
  for (let i = 1; i < chars.length; i++) {
    const inScheme = scheme >= 0 && i > scheme && i <= scheme + 2;
    // Never inside `://` nor between two marks (`//`, `?=`): a mark keeps with its word.
    if (inScheme || (mark(chars[i - 1]) && mark(chars[i]))) continue;
    if (URL_BREAK_BEFORE.has(chars[i]) || URL_BREAK_AFTER.has(chars[i - 1])) breaks[i] = 'url';
  }
  if (scheme >= 0 && scheme + 3 < chars.length) breaks[scheme + 3] = 'url';
}

function compoundBreaks(chars: readonly string[], breaks: (TokenBreak | undefined)[]): void {
  for (let i = 2; i < chars.length; i++) {
    if (HYPHENS.has(chars[i - 1]) && ALPHANUMERIC.test(chars[i - 2]) && ALPHANUMERIC.test(chars[i])) breaks[i] = 'compound';
  }
}

function digitBreaks(chars: readonly string[], breaks: (TokenBreak | undefined)[]): void {
  let start = 0;
  while (start < chars.length) {
    if (!DIGIT.test(chars[start])) {
      start++;
      continue;
    }
    let end = start;
    while (end < chars.length && DIGIT.test(chars[end])) end++;
    if (end - start >= LONG_NUMBER_DIGITS) {
      for (let i = end - DIGIT_GROUP; i > start; i -= DIGIT_GROUP) breaks[i] = 'digits';
    }
    start = end;
  }
}
