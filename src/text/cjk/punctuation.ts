import type { PunctuationStyle } from '../../model/index.js';
import type { CharClass } from './classes.js';
import type { MarkPosition } from './mark-position.js';

/**
 * Punctuation width adjustment (标点挤压), clreq #punctuation_width_adjustment and GB/T 15834.
 *
 * A full-width mark is an ink half and a blank half. The blank is set as glue so that it can be
 * compressed when a line is too long, dropped at a line end (GB/T 15834 5.1.10) or a line start
 * (clreq #h-compression_of_punctuation_marks_at_line_start), and removed between adjacent marks
 * (clreq #h-adjustment_of_adjacent_punctuation_marks: two marks of 2 em become 1.5 em).
 */

/** Which compression class a blank belongs to: clreq's reduction order treats them apart. */
export type BlankKind = 'bracket-blank' | 'pause-blank' | 'stop-blank';

export interface MarkBlanks {
  /** Blank before the ink, in ems of the mark's advance. */
  readonly left: number;
  /** Blank after the ink, in ems. */
  readonly right: number;
  readonly kind: BlankKind;
}

const SENTENCE_END = new Set('。．？！');
const EXCLAMATORY = new Set('？！');
const HALF = 0.5;
/** What a unit that is no mark has: no blank on either side. */
const NOT_A_MARK: MarkBlanks = { left: 0, right: 0, kind: 'pause-blank' };

/** Blanks of a mark in a style, before adjacent marks are considered. */
export function markBlanks(cls: CharClass, ch: string, style: PunctuationStyle, position: MarkPosition = 'corner'): MarkBlanks {
  const sentenceEnd = SENTENCE_END.has(ch);
  // A centred mark (Taiwan, Hong Kong) is one whole em, white on both sides (mark-position.ts).
  if (cls === 'stop' && position === 'centre') return { left: 0, right: 0, kind: sentenceEnd ? 'stop-blank' : 'pause-blank' };
  // 开明式: only 。？！ keep their blank; other marks are half width.
  const keep = style !== 'kaiming' || (cls === 'stop' && sentenceEnd);
  const blank = keep ? HALF : 0;
  switch (cls) {
    case 'opening':
      return { left: blank, right: 0, kind: 'bracket-blank' };
    case 'closing':
      return { left: 0, right: blank, kind: 'bracket-blank' };
    case 'stop':
      return { left: 0, right: blank, kind: sentenceEnd ? 'stop-blank' : 'pause-blank' };
    default:
      return NOT_A_MARK;
  }
}

function isAdjustable(cls: CharClass): boolean {
  return cls === 'opening' || cls === 'closing' || cls === 'stop';
}

/**
 * The blanks of a paragraph's units, as columns: unit k's left and right blank (ems of its
 * advance) and kind. Columns, not an object a unit: the text stage reads them for every
 * character of an edition, and as objects (some shared, some changed after they were made) they
 * met V8's optimised code for that loop with a map it had not seen ("wrong map"): it was dropped
 * and compiled again, two or three times a 20-page build at 30–60 ms of compiling each. As
 * columns it is compiled once.
 */
export interface ParagraphBlanks {
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly kind: readonly BlankKind[];
}

/**
 * Blanks of every unit of a paragraph, with adjacent marks compressed: the ½ em removed comes
 * off the side away from the enclosed text (reference §4 case 13: 。” → the stop loses its
 * right blank; “《 → the 《 loses its left blank). Two chained ？！ take 1 em together
 * (GB/T 15834 5.1.2). Styles without adjacent compression (行末半角式) skip this.
 */
export function paragraphBlanks(units: readonly { readonly cls: CharClass; readonly shown: string }[], style: PunctuationStyle, position: MarkPosition = 'corner'): ParagraphBlanks {
  const n = units.length;
  const left = new Float64Array(n);
  const right = new Float64Array(n);
  const kind: BlankKind[] = [];
  // Every unit but a mark (most of a paragraph: its Han characters) is blank on both sides.
  for (let i = 0; i < n; i++) {
    const u = units[i];
    if (!isAdjustable(u.cls)) {
      kind.push(NOT_A_MARK.kind);
      continue;
    }
    const blanks = markBlanks(u.cls, u.shown, style, position);
    left[i] = blanks.left;
    right[i] = blanks.right;
    kind.push(blanks.kind);
  }
  if (style === 'hangmobanjiao') return { left, right, kind };
  for (let i = 0; i + 1 < n; i++) {
    const a = units[i];
    const b = units[i + 1];
    if (!isAdjustable(a.cls) || !isAdjustable(b.cls)) continue;
    if (right[i] > 0 && left[i + 1] > 0) left[i + 1] = 0; // ，“  ）（
    else if (right[i] > 0) right[i] = 0; // 。”  ”，  ）、
    else if (left[i + 1] > 0) left[i + 1] = 0; // “《
    const chained = EXCLAMATORY.has(a.shown) && EXCLAMATORY.has(b.shown);
    const third = units[i + 2];
    const before = units[i - 1];
    if (chained && !(third && EXCLAMATORY.has(third.shown)) && !(before && EXCLAMATORY.has(before.shown))) {
      right[i + 1] = 0; // ？！ as a pair: 1 em
    }
  }
  return { left, right, kind };
}
