/**
 * Hyphenation of Latin words set among Chinese text: Liang's patterns (the `hyphen` package's
 * en-us patterns, TeX's hyph-en-us), with TeX's limits. A narrow Chinese column (13 characters)
 * cannot absorb a long unbreakable English word without loose lines; a discretionary hyphen
 * lets the paragraph breaker split it where the patterns allow.
 *
 * Names, acronyms and brands (`WeChat`, `iPhone`, `GDP`) are never split: a newsroom does not
 * break them. Neither are words with digits or marks (`COVID-19`, `5G`).
 */
import { createRequire } from 'node:module';
import type * as EnUs from 'hyphen/en-us' with { 'resolution-mode': 'require' };
import { penalty, type GlyphRun, type Item } from './items.js';

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
const CACHE = new Map<string, readonly string[]>();

/**
 * The pieces a word may be broken into: `hyphenation` → `hy`, `phen`, `ation`; the word itself
 * alone when it is too short, not a plain lower-case word (an initial capital is allowed), or
 * the patterns find no break at least LEFT_HYPHEN_MIN / RIGHT_HYPHEN_MIN letters from its ends.
 */
export function syllables(word: string): readonly string[] {
  let cached = CACHE.get(word);
  if (cached) return cached;
  cached = [word];
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
  CACHE.set(word, cached);
  return cached;
}

/**
 * A Latin word's box as boxes of its syllables with a discretionary hyphen between them: a
 * flagged penalty as wide as the hyphen, carrying the hyphen's glyphs for the line end.
 * Glyphs are split by the text they stand for; a glyph spanning a syllable boundary (a
 * ligature) keeps its syllables together.
 */
export function discretionaries(word: Extract<Item, { kind: 'box' }>, pieces: readonly string[], hyphen: GlyphRun, hyphenWidth: number): Item[] {
  const run = word.run;
  if (!run || pieces.length < 2) return [word];
  const cuts = new Set<number>();
  let at = 0;
  for (const piece of pieces.slice(0, -1)) cuts.add((at += piece.length));
  const items: Item[] = [];
  let start = 0;
  let chars = 0;
  const flush = (end: number): void => {
    const glyphs = run.glyphs.slice(start, end);
    const origin = glyphs[0].dx;
    const next = end < run.glyphs.length ? run.glyphs[end].dx : word.width;
    if (items.length > 0) items.push(penalty(HYPHEN_PENALTY, hyphenWidth, true, hyphen));
    items.push({ kind: 'box', width: next - origin, run: { ...run, glyphs: glyphs.map((g) => ({ ...g, dx: g.dx - origin })) } });
    start = end;
  };
  run.glyphs.forEach((g, i) => {
    chars += g.text.length;
    if (i + 1 < run.glyphs.length && cuts.has(chars)) flush(i + 1);
  });
  flush(run.glyphs.length);
  return items;
}
