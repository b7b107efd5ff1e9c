/**
 * Right-to-left text inside a left-to-right line: the order in which a run's glyphs are set,
 * left to right, when some of them are Arabic or Hebrew (a name, a quoted word). A minimal
 * part of the Unicode Bidirectional Algorithm (UAX #9) for a paragraph whose direction is
 * left to right and holds no explicit embeddings:
 * - a character of a right-to-left script is strong R/AL (UAX #9 §3.2, Bidi_Class R and AL);
 * - a combining mark takes the direction of the character before it (rule W1, NSM);
 * - punctuation and symbols between two right-to-left characters are right to left (rule N1);
 *   anything else, digits included, stays left to right;
 * - each maximal right-to-left stretch is then reversed (rule L2, levels 0 and 1 only).
 * Runs come in logical order; PDF text extractors read the glyphs in the order they are drawn
 * and apply the algorithm themselves, so they must be drawn in this visual order to read back
 * in logical order.
 */
import { baseOf } from './ignorable.js';

/** Scripts whose letters are Bidi_Class R or AL (UAX #9, DerivedBidiClass.txt). */
const RIGHT_TO_LEFT =
  /^[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Yezidi}]$/u;
const DIGIT = /^\p{Nd}$/u;
const MARK = /^\p{M}$/u;
const NEUTRAL = /^[\p{P}\p{S}\p{Z}]$/u;
/**
 * The blocks that hold every letter of those scripts: Hebrew to Arabic Extended-A, the Hebrew
 * and Arabic presentation forms, and the supplementary right-to-left area (Adlam, Yezidi,
 * Arabic mathematical symbols…). A text with no code point in them is left to right throughout,
 * decided by this test alone: Han, kana and Latin text (tests/text/bidi.test.ts asks every code point).
 */
const RIGHT_TO_LEFT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0590, 0x08ff],
  [0xfb1d, 0xfeff],
  [0x10800, 0x1efff],
];

type Direction = 'rtl' | 'ltr' | 'mark' | 'neutral';

function directionOf(text: string): Direction {
  const base = baseOf(text);
  if (base === undefined || MARK.test(base)) return 'mark';
  if (RIGHT_TO_LEFT.test(base) && !DIGIT.test(base)) return 'rtl';
  return NEUTRAL.test(base) ? 'neutral' : 'ltr';
}

/**
 * Whether any code point of `texts` is in RIGHT_TO_LEFT_BLOCKS. Indexed loops, no iterators or
 * destructuring: it looks at every character a page's boxes are made of, mostly in V8's
 * interpreter, where each of those is a call.
 */
function mayBeRightToLeft(texts: readonly string[]): boolean {
  const first = RIGHT_TO_LEFT_BLOCKS[0][0];
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t];
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++; // the low surrogate of the pair
      if (cp < first) continue;
      for (let b = 0; b < RIGHT_TO_LEFT_BLOCKS.length; b++) {
        const block = RIGHT_TO_LEFT_BLOCKS[b];
        if (cp >= block[0] && cp <= block[1]) return true;
      }
    }
  }
  return false;
}

/**
 * The indices of `texts` (each the text of one glyph, in logical order) in the order they are
 * set from left to right; undefined when that is their own order (no right-to-left text).
 */
export function visualOrder(texts: readonly string[]): number[] | undefined {
  if (!mayBeRightToLeft(texts)) return undefined;
  const rtl = resolve(texts.map(directionOf));
  if (!rtl.includes(true)) return undefined;
  const order = texts.map((_, i) => i);
  let i = 0;
  while (i < order.length) {
    if (!rtl[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < order.length && rtl[j]) j++;
    order.splice(i, j - i, ...order.slice(i, j).reverse());
    i = j;
  }
  return order;
}

/** Which glyphs are right to left, by rules W1 and N1. */
function resolve(directions: readonly Direction[]): boolean[] {
  const rtl: boolean[] = [];
  for (let i = 0; i < directions.length; i++) {
    const d = directions[i];
    rtl.push(d === 'rtl' || (d === 'mark' && i > 0 && rtl[i - 1]));
  }
  // N1: a run of neutrals between two right-to-left characters is right to left.
  let i = 0;
  while (i < directions.length) {
    if (directions[i] !== 'neutral') {
      i++;
      continue;
    }
    let j = i;
    while (j < directions.length && (directions[j] === 'neutral' || (directions[j] === 'mark' && !rtl[j]))) j++;
    if (i > 0 && rtl[i - 1] && j < directions.length && rtl[j]) for (let k = i; k < j; k++) rtl[k] = true;
    i = j;
  }
  return rtl;
}
