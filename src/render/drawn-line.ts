/**
 * What a line draws, as the audit reads it (check/line-facts.ts): the characters it draws, where
 * its boxes begin and end, and the em boxes its glyphs occupy. Worked out from the boxes the
 * render stage placed to draw the line, so that the audit measures what is drawn, and placed
 * once: the page is rendered before it is audited.
 */
import { EM_BOX_ASCENT, type PlacedLine, type Rect } from '../compose/index.js';
import { codePointLength, isDefaultIgnorable, isHighSurrogate, isLowSurrogate } from '../text/index.js';
import type { PlacedBox } from './line.js';

/** Glyph id of .notdef: what a face draws for a character it does not have (an empty box). */
const NOTDEF = 0;

export interface DrawnLine {
  /** The line drawn. */
  readonly placed: PlacedLine;
  /** The characters drawn, in order, with the hyphen of a word broken at the line end. */
  readonly text: string;
  /** The characters of the source the line sets: `text` without that hyphen. */
  readonly sourceText: string;
  /** First and last visible characters drawn ('' when the line draws none). */
  readonly first: string;
  readonly last: string;
  /** Left edge of the first box (the paragraph indent included) and right edge of the last
   *  (in a column of a vertical head: their offsets down from its top). */
  readonly left: number;
  readonly right: number;
  /** The em boxes of its glyphs (a vertical column's run down the page), or null for a line that draws nothing. */
  readonly ink: Rect | null;
  /** Largest font size on the line. */
  readonly size: number;
  /** Characters drawn with no glyph (the invisible ones they carry are not counted). */
  readonly tofu: readonly string[];
}

/** The tofu of a line that has none (nearly every line): one list for them all. */
const NO_TOFU: readonly string[] = Object.freeze([]);

const WHITE = /\s/u;
/** A character that shows: not white space, not invisible (a glyph's text may carry a ZWSP or a
 *  variation selector after its character: src/text/ignorable.ts). */
const visible = (c: string): boolean => !WHITE.test(c) && !isDefaultIgnorable(c);

/** The first visible character of `text` (a whole code point), or ''. */
function firstVisible(text: string): string {
  // By index, not by a string iterator: every line of an edition is asked, mostly before V8
  // optimises this.
  for (let i = 0; i < text.length; ) {
    const length = codePointLength(text, i);
    const c = length === 1 ? text.charAt(i) : text.slice(i, i + length);
    if (visible(c)) return c;
    i += length;
  }
  return '';
}

/** The last visible character of `text` (a whole code point), or '': read from the end. */
function lastVisible(text: string): string {
  for (let end = text.length; end > 0; ) {
    // A code point past U+FFFF is a high surrogate, then a low one.
    const pair = end >= 2 && isLowSurrogate(text.charCodeAt(end - 1)) && isHighSurrogate(text.charCodeAt(end - 2));
    const c = text.slice(pair ? end - 2 : end - 1, end);
    if (visible(c)) return c;
    end -= c.length;
  }
  return '';
}

/**
 * A drawn line as the render stage hands it to the audit. Every line of an edition is kept from
 * the render stage until the audit has read it, so what the audit derives (the first and last
 * visible characters, the ink's rectangle) is worked out when it reads it, from what is kept.
 */
class Drawn implements DrawnLine {
  constructor(
    readonly placed: PlacedLine,
    readonly text: string,
    readonly sourceText: string,
    readonly left: number,
    readonly right: number,
    readonly size: number,
    readonly tofu: readonly string[],
    /** Left and right edges of the boxes with ink (+∞ and −∞ for a line with none). */
    private readonly inkLeft: number,
    private readonly inkRight: number,
  ) {}

  get first(): string {
    return firstVisible(this.text);
  }

  get last(): string {
    return lastVisible(this.text);
  }

  get ink(): Rect | null {
    const { placed, size, inkLeft, inkRight } = this;
    if (inkRight <= inkLeft) return null;
    return placed.vertical ? { x: placed.x, y: placed.baseline + inkLeft, width: size, height: inkRight - inkLeft } : { x: inkLeft, y: placed.baseline - EM_BOX_ASCENT * size, width: inkRight - inkLeft, height: size };
  }
}

/**
 * What `placed` draws, from its boxes as placed to draw it (`placeBoxes`, or `placeVerticalBoxes`
 * for a column of a vertical head).
 */
export function drawnLine(placed: PlacedLine, boxes: readonly PlacedBox[]): DrawnLine {
  // The characters gathered in a list and joined once: a line's text is kept until the audit, and
  // built by `+=` it would be a chain of a string object a glyph for the collector to copy.
  const parts: string[] = [];
  let hyphen = '';
  let size = 0;
  let inkLeft = Number.POSITIVE_INFINITY;
  let inkRight = Number.NEGATIVE_INFINITY;
  let tofu: string[] | undefined;
  const breakItem = placed.items[placed.line.end];
  const left = boxes.length > 0 ? boxes[0].x : placed.x;
  // The right edge of the last box, inked or not.
  let right = left;
  // Indexed loops: every line of an edition passes here once, mostly before V8 optimises it.
  for (let i = 0; i < boxes.length; i++) {
    const { item, x } = boxes[i];
    right = Math.max(right, x + item.width);
    const run = item.run;
    if (!run) continue;
    let drawn = '';
    const glyphs = run.glyphs;
    for (let k = 0; k < glyphs.length; k++) {
      const g = glyphs[k];
      drawn += g.text;
      if (g.id === NOTDEF) (tofu ??= []).push(...Array.from(g.text).filter(visible));
    }
    // placeBoxes ends a line broken inside a word with the word's hyphen: drawn, not written.
    const isHyphen = i === boxes.length - 1 && breakItem?.kind === 'penalty' && breakItem.run === run;
    if (isHyphen) hyphen = drawn;
    else parts.push(drawn);
    size = Math.max(size, run.size);
    if (item.width > 0) {
      inkLeft = Math.min(inkLeft, x);
      inkRight = Math.max(inkRight, x + item.width);
    }
  }
  const text = parts.join('');
  return new Drawn(placed, text + hyphen, text, left, right, size, tofu ?? NO_TOFU, inkLeft, inkRight);
}
