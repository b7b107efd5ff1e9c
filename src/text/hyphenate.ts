/**
 * Hyphenation of Latin words set among Chinese text: Liang's patterns (the `hyphen` package's
 * en-us patterns, TeX's hyph-en-us), with TeX's limits. A narrow Chinese column (13 characters)
 * cannot absorb a long unbreakable English word without loose lines; a discretionary hyphen
 * lets the paragraph breaker split it where the patterns allow.
 *
 * Names, acronyms and brands (`WeChat`, `iPhone`, `GDP`) are never hyphenated: a newsroom does
 * not break them. Neither are words with digits or marks (`COVID-19`, `5G`), which break at
 * their marks instead (src/text/token-breaks.ts). src/text/split-token.ts cuts the word's box
 * into its syllables with a discretionary hyphen between them.
 */
import { createRequire } from 'node:module';
import type * as EnUs from 'hyphen/en-us' with { 'resolution-mode': 'require' };

/** The patterns are loaded on first use: most pages have no Latin word long enough to need them. */
let patterns: typeof EnUs | undefined;
function hyphenateSync(word: string, options: { hyphenChar: string }): string {
  patterns ??= createRequire(import.meta.url)('hyphen/en-us') as typeof EnUs;
  return patterns.hyphenateSync(word, options);
}

/** Shortest word that is hyphenated, in letters. */
export const HYPHEN_MIN_WORD = 6;
/** TeX's \lefthyphenmin and \righthyphenmin: letters kept before and after a hyphen. */
export const LEFT_HYPHEN_MIN = 2;
export const RIGHT_HYPHEN_MIN = 3;
/** TeX's \hyphenpenalty: a hyphen costs something, so a paragraph uses one only to avoid loose lines. */
export const HYPHEN_PENALTY = 50;

const SOFT_HYPHEN = '\u00ad';

/**
 * The pieces a word may be broken into: `hyphenation` → `hy`, `phen`, `ation`; the word itself
 * alone when it is too short, not a plain lower-case word (an initial capital is allowed), or
 * the patterns find no break at least LEFT_HYPHEN_MIN / RIGHT_HYPHEN_MIN letters from its ends.
 * A word with soft hyphens breaks at them instead: `hy\u00adphen` → `hy\u00ad`, `phen`.
 * (A word's boxes are made once per build — TextOptions.boxes — so it is hyphenated once.)
 */
export function syllables(word: string): readonly string[] {
  // The writer's own hyphenation points, U+00AD SOFT HYPHEN (Unicode §23.2; CSS `hyphens:
  // manual`), are the word's only ones: each piece ends with its soft hyphen.
  if (word.includes(SOFT_HYPHEN)) return word.split(new RegExp(`(?<=${SOFT_HYPHEN})`, 'u')).filter((piece) => piece !== '');
  let cached: readonly string[] = [word];
  if (word.length >= HYPHEN_MIN_WORD && /^[A-Za-z][a-z]+$/.test(word)) {
    const parts = hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
    const kept: string[] = [];
    let done = 0;
    for (const part of parts) {
      done += part.length;
      const last = kept.length > 0 ? kept[kept.length - 1] : undefined;
      // Join a piece to the one before when the break before it would leave too few letters.
      if (last !== undefined && (done - part.length < LEFT_HYPHEN_MIN || word.length - (done - part.length) < RIGHT_HYPHEN_MIN)) {
        kept[kept.length - 1] = last + part;
      } else {
        kept.push(part);
      }
    }
    cached = kept;
  }
  return cached;
}
