/**
 * Word boundaries of Chinese text, for the texts that should break only between words: heads,
 * bylines and captions (民生, 吞吐, 主体 and 宋涛 stay whole on their line). Body text breaks
 * between any two Han characters (clreq #prohibition_rules_for_line_start_end: Chinese has no
 * word spaces and any character may end a line) and does not come here.
 *
 * Chinese writes no spaces between words, so finding them needs a dictionary: ICU's, through
 * Node's `Intl.Segmenter` with word granularity (Node ships full ICU). A hand list would be
 * endless and always behind the news. Two things a dictionary cannot know are joined after it:
 * - a name or a new word it lacks comes back as single characters (宋|涛, 沈|童|睿, 政|企): a run
 *   of two or three single Han characters is taken as one word;
 * - a number and the unit or measure word after it are one (3|月|17|日 → 3月17日, 5|个): the
 *   digits, the character after them and the digits after that stay together.
 */
import { KnownWords } from '../known-words.js';
import { isHanIdeograph } from './classes.js';

/** Where a text's word segments end (UTF-16 offsets): ICU's dictionary, or a record of what it said before. */
export interface WordSegmenter {
  segmentEnds(text: string): readonly number[];
}

/** The language whose dictionary segments. */
const LOCALE = 'zh';

/**
 * A word segmenter for Chinese text (ICU's dictionary, made at the first text `known` does not
 * answer): one per build, passed in with the text options.
 */
export function makeWordSegmenter(known: KnownWords = KnownWords.none()): WordSegmenter {
  let icu: Intl.Segmenter | undefined;
  const segment = (text: string): number[] => {
    icu ??= new Intl.Segmenter(LOCALE, { granularity: 'word' });
    return Array.from(icu.segment(text), (s) => s.index + s.segment.length);
  };
  return { segmentEnds: (text) => known.ends(text, () => segment(text)) };
}

/** Loads ICU's word-break data and V8's list of the languages ICU has, once for the process (a thread that has time does it first). */
export function readyWordData(): void {
  new Intl.Segmenter(LOCALE, { granularity: 'word' }).segment('中文').containing(0);
}

/**
 * Longest run of single characters taken as one word: Chinese names are two or three characters
 * (four with a double surname, which ICU's dictionary mostly knows); a longer run is more likely
 * function words (在|这|里) than one word.
 */
const MAX_JOINED_SINGLES = 3;
const DIGIT = /^\p{Nd}$/u;

/**
 * `inside[i]` is true when a break before the i-th code point of `chars` would split a word.
 * Index 0 and `chars.length` are never inside.
 */
export function wordInteriors(chars: readonly string[], segmenter: WordSegmenter): boolean[] {
  const inside = new Array<boolean>(chars.length + 1).fill(false);
  // Segments come as UTF-16 offsets: walk them alongside the code points.
  const text = chars.join('');
  const segments: { start: number; end: number; single: boolean }[] = [];
  let cp = 0;
  let offset = 0;
  for (const end of segmenter.segmentEnds(text)) {
    const start = cp;
    while (offset < end) offset += chars[cp++].length;
    for (let i = start + 1; i < cp; i++) inside[i] = true;
    segments.push({ start, end: cp, single: cp - start === 1 && isHanIdeograph(chars[start]) });
  }
  joinSingles(segments, inside);
  joinNumbers(chars, inside);
  return inside;
}

/** Runs of two or three single Han characters are one word (a name, an abbreviation). */
function joinSingles(segments: readonly { start: number; end: number; single: boolean }[], inside: boolean[]): void {
  let k = 0;
  while (k < segments.length) {
    let j = k;
    while (j < segments.length && segments[j].single) j++;
    const run = j - k;
    if (run >= 2 && run <= MAX_JOINED_SINGLES) for (let s = k + 1; s < j; s++) inside[segments[s].start] = true;
    k = Math.max(j, k + 1);
  }
}

/** A number with the character after it (3月, 17日, 5个), and a date or time chained on (3月17日). */
function joinNumbers(chars: readonly string[], inside: boolean[]): void {
  for (let i = 1; i < chars.length; i++) {
    const afterNumber = DIGIT.test(chars[i - 1]) && isHanIdeograph(chars[i]);
    const chained = i >= 2 && DIGIT.test(chars[i - 2]) && isHanIdeograph(chars[i - 1]) && DIGIT.test(chars[i]);
    if (afterNumber || chained) inside[i] = true;
  }
}
