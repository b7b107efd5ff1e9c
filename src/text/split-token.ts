/**
 * A Western token's box cut into the pieces it may break between (src/text/token-breaks.ts and
 * the hyphenation points of src/text/hyphenate.ts), each break a penalty followed by a
 * zero-width letter space. Unbroken, the pieces sit exactly where the whole box set them (each
 * piece is as wide as from its first glyph to the next piece's), and the render stage draws
 * them as one run: nothing changes until the breaker takes a break.
 */
import { HYPHEN_PENALTY } from './hyphenate.js';
import { box, boxGlyph, glyphRun, letterSpace, penalty, type GlyphRun, type Item } from './items.js';
import { TOKEN_BREAK_PENALTY, tokenBreaks } from './token-breaks.js';

type BoxItem = Extract<Item, { kind: 'box' }>;

/** The hyphen drawn at the end of a line broken at a hyphenation point. */
export interface Hyphen {
  readonly run: GlyphRun;
  readonly width: number;
}

/**
 * Letter space a gap inside a token may open, in ems, at stretch ratio 1. The breaker counts it
 * only when it must break a token between letters (emergency stretch), so that it can tell a
 * full line of a URL from a short one; the render stage opens it only on a line with nothing
 * else to open. A tenth of an em is about as much tracking as still reads as one word.
 */
export const LETTER_SPACE_STRETCH_EM = 0.1;

/**
 * The items of a token: its pieces with a break between each two. `syllables` are the word's
 * hyphenation pieces (the word itself when it has none); a break between two of them draws
 * `hyphen` at the line end, a break anywhere else draws nothing.
 */
export function splitToken(word: BoxItem, text: string, syllables: readonly string[], hyphen?: Hyphen): Item[] {
  const run = word.run;
  if (!run || run.glyphs.length < 2) return [word];
  // A right-to-left stretch is placed right to left (bidi.ts): its pieces are no spans of the
  // box, and it is kept whole.
  if (run.glyphs.some((g, i) => i > 0 && g.dx < run.glyphs[i - 1].dx)) return [word];
  const breaks = tokenBreaks(text);
  const hyphenAt = new Set<number>();
  let at = 0;
  for (const piece of syllables.slice(0, -1)) hyphenAt.add((at += Array.from(piece).length));
  const space = letterSpace(LETTER_SPACE_STRETCH_EM * run.size);

  const items: Item[] = [];
  let start = 0;
  const flush = (end: number): void => {
    const glyphs = run.glyphs.slice(start, end);
    const origin = glyphs[0].dx;
    const next = end < run.glyphs.length ? run.glyphs[end].dx : word.width;
    items.push(box(next - origin, glyphRun(run.face, run.size, glyphs.map((g) => boxGlyph(g.id, g.dx - origin, g.text, g.advance, g.across)), run.style, run.rise)));
    start = end;
  };
  let chars = 0;
  run.glyphs.forEach((g, i) => {
    chars += Array.from(g.text).length;
    // A glyph that stands for no character of its own (a ligature's tail) stays with the one before.
    if (i + 1 >= run.glyphs.length || run.glyphs[i + 1].text === '') return;
    const reason = breaks[chars];
    const hyphenated = hyphen !== undefined && hyphenAt.has(chars);
    if (!hyphenated && reason === undefined) return;
    flush(i + 1);
    items.push(hyphenated ? penalty(HYPHEN_PENALTY, hyphen.width, true, hyphen.run) : penalty(TOKEN_BREAK_PENALTY[reason!]), space);
  });
  flush(run.glyphs.length);
  return items;
}
