import type { Inline } from '../model/index.js';
import { classify, type CharClass } from './cjk/classes.js';
import { codePointLength } from './code-points.js';
import { isDefaultIgnorable } from './ignorable.js';
import type { InlineStyle } from './items.js';
import { normalizeInlines } from './normalize.js';

/**
 * A code point of a paragraph with its class and inline style, as a unit of one character: it
 * shows the code point (`shown`) and sets it with the invisible characters after it (`text`,
 * ignorable.ts). Most characters are set as they are (toUnits), so the unit is not made twice.
 */
export type StyledChar = Unit;

/**
 * Flatten inline content into classified characters (normalised first when `normalize`). A
 * default-ignorable character (Unicode §5.21) is no character of its own: it goes with the one
 * before it, whose glyph carries it, and one with none before it has nothing to act on and is
 * left out (U+FEFF at the start of a paragraph).
 */
export function styledChars(source: readonly Inline[], normalize: boolean): StyledChar[] {
  const inlines = normalize ? normalizeInlines(source) : source;
  const out: { text: string; shown: string; cls: CharClass; style: InlineStyle; start: number; end: number; hardBreakBefore: boolean }[] = [];
  let pendingBreak = false;
  const walk = (list: readonly Inline[], style: InlineStyle): void => {
    for (const inline of list) {
      switch (inline.kind) {
        case 'text': {
          const text = inline.text;
          for (let i = 0; i < text.length; ) {
            const length = codePointLength(text, i);
            const ch = length === 1 ? text.charAt(i) : text.slice(i, i + length);
            i += length;
            if (isDefaultIgnorable(ch)) {
              if (out.length > 0) out[out.length - 1].text += ch;
              continue;
            }
            out.push({ text: ch, shown: ch, cls: classify(ch), style, start: out.length, end: out.length + 1, hardBreakBefore: pendingBreak });
            pendingBreak = false;
          }
          break;
        }
        case 'strong':
          walk(inline.children, 'strong');
          break;
        case 'emphasis':
          walk(inline.children, style === 'strong' ? 'strong' : 'emphasis');
          break;
        case 'break':
          pendingBreak = true;
          break;
        case 'noteref':
          // A note marker: its numeral, set small and raised (itemize.ts), one unit with its digits.
          for (const ch of String(inline.number)) {
            out.push({ text: ch, shown: ch, cls: 'western', style: 'superscript', start: out.length, end: out.length + 1, hardBreakBefore: pendingBreak });
            pendingBreak = false;
          }
          break;
        default: {
          const never: never = inline;
          throw new Error(`unknown inline ${JSON.stringify(never)}`);
        }
      }
    }
  };
  walk(inlines, 'plain');
  return reclassify(out);
}

const QUOTES = new Set('“”‘’');

/**
 * Classes that depend on the neighbours:
 * - curly quotes share code points between Chinese and Western text: inside a Western phrase
 *   they are Western punctuation, next to Chinese full-width brackets (reference §1.1, typst#5858);
 * - a single — between characters is the one-em connector 一字线 (1949—1986年), which never
 *   starts a line (GB/T 15834 5.1.6); two make the 2-em dash 破折号;
 * - a solidus / next to Chinese is the ½-em 分隔号 (GB/T 15834 4.17), not Western punctuation.
 */
function reclassify(chars: StyledChar[]): StyledChar[] {
  const western = (c: StyledChar | undefined): boolean => c === undefined || c.cls === 'western' || c.cls === 'space';
  const cjk = (c: StyledChar | undefined): boolean => c !== undefined && c.cls !== 'western' && c.cls !== 'space';
  return chars.map((c, i) => {
    // An ideograph is none of these (the quotes are brackets, — a dash, / Western): most of a
    // paragraph is answered without hashing its character.
    if (c.cls === 'han') return c;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (QUOTES.has(c.shown)) {
      const latin = western(prev) && western(next) && (prev?.cls === 'western' || next?.cls === 'western');
      return latin ? { ...c, cls: 'western' } : c;
    }
    if (c.cls === 'dash' && c.shown === '—' && prev?.shown !== '—' && next?.shown !== '—') return { ...c, cls: 'connector' };
    if (c.shown === '/' && (cjk(prev) || cjk(next))) return { ...c, cls: 'middle' };
    return c;
  });
}


/**
 * A unit: what is set as one box. A Han character or mark is one unit; a Western word, a run of
 * —— or …… is one unit, never broken inside (clreq #h-unbreakable_marks_punctuation and
 * #handling_western_text_in_chinese_text_using_proportional_western_fonts).
 */
export interface Unit {
  /** What it sets: its characters with the invisible ones they carry. */
  readonly text: string;
  /** Its characters alone: what it shows. */
  readonly shown: string;
  readonly cls: CharClass;
  readonly style: InlineStyle;
  /** Index of the unit's first character in the paragraph. */
  readonly start: number;
  /** Index after its last character. */
  readonly end: number;
  readonly hardBreakBefore: boolean;
}

function joins(cls: CharClass): boolean {
  return cls === 'western' || cls === 'dash' || cls === 'ellipsis' || cls === 'space';
}

export function toUnits(chars: readonly StyledChar[]): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < chars.length) {
    const first = chars[i];
    let j = i + 1;
    if (joins(first.cls)) {
      while (j < chars.length && chars[j].cls === first.cls && chars[j].style === first.style && !chars[j].hardBreakBefore) j++;
    }
    // Most units are one character: the character is its unit (styledChars made it one, at its
    // own index).
    if (j === i + 1 && first.start === i) units.push(first);
    else {
      // A loop, not slice, map and join: V8's optimised code for this function was dropped at
      // those ("wrong map") twice in a 20-page build, and compiled again.
      let text = first.text;
      let shown = first.shown;
      for (let k = i + 1; k < j; k++) {
        text += chars[k].text;
        shown += chars[k].shown;
      }
      units.push({
        text,
        shown,
        cls: first.cls,
        style: first.style,
        start: i,
        end: j,
        hardBreakBefore: first.hardBreakBefore,
      });
    }
    i = j;
  }
  return units;
}
