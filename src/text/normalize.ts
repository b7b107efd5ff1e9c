import type { Edition, Inline } from '../model/index.js';
import { mapTableTexts } from '../model/index.js';
import { classify, isCjk } from './cjk/classes.js';

/**
 * Punctuation normalisation for Chinese text copied from elsewhere: half-width `, : ; ! ? ( )`
 * that stand next to a Han character or a full-width mark become their full-width forms (a
 * bracket pair converts together); straight quotes become curly quotes; `...` and `。。。` next
 * to Chinese become `……` (GB/T 15834 4.11). Text that is Western on both sides is left alone.
 */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

/**
 * What normalisation may change: a half-width mark or quote, or a run of dots (three or more
 * full stops, exactly three 。) that may be an ellipsis. Text without any is returned as it is,
 * which is most Chinese copy: its 。 stand alone.
 */
const CANDIDATES = /[,:;!?()"']|\.\.\.|。。。/;
const WESTERN_WORD = /[A-Za-z0-9]/;

const cjk = (ch: string | undefined): boolean => ch !== undefined && isCjk(classify(ch));

/** A normalised text and, for each of its characters, the index of the source character it came from. */
export interface Normalized {
  readonly chars: string[];
  readonly from: number[];
}

/** Normalise a paragraph given as characters (so quote pairs span strong and emphasis). */
export function normalizeChars(source: readonly string[]): Normalized {
  // 1. Ellipses: three or more dots (or 。。。) next to Chinese become ……, …………
  const chars: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < source.length; ) {
    const dots = source[i] === '.' || source[i] === '。' ? runLength(source, i) : 0;
    if (dots >= 3 && (source[i] === '.' || dots === 3) && (cjk(source[i - 1]) || cjk(source[i + dots]))) {
      const count = source[i] === '.' && dots > 6 ? 4 : 2;
      for (let k = 0; k < count; k++) {
        chars.push('…');
        from.push(i);
      }
      i += dots;
      continue;
    }
    chars.push(source[i]);
    from.push(i);
    i++;
  }
  // 2. Half-width marks next to Chinese, with bracket pairs converted together.
  const convert = chars.map((ch, i) => FULL_WIDTH[ch] !== undefined && (cjk(chars[i - 1]) || cjk(chars[i + 1])));
  const open: number[] = [];
  chars.forEach((ch, i) => {
    if (ch === '(') open.push(i);
    else if (ch === ')' && open.length > 0) {
      const j = open.pop()!;
      if (convert[i] || convert[j]) convert[i] = convert[j] = true;
    }
  });
  // A mark after a converted one is next to Chinese too (`好,(注)`).
  for (let i = 1; i < chars.length; i++) if (!convert[i] && FULL_WIDTH[chars[i]] !== undefined && convert[i - 1]) convert[i] = true;
  let doubleOpen = true;
  let singleOpen = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (convert[i]) chars[i] = FULL_WIDTH[ch];
    else if (ch === '"') {
      chars[i] = doubleOpen ? '“' : '”';
      doubleOpen = !doubleOpen;
    } else if (ch === "'") {
      // An apostrophe inside a Western word (T'Pol, don't) stays as it is.
      if (!(WESTERN_WORD.test(chars[i - 1] ?? ' ') && WESTERN_WORD.test(chars[i + 1] ?? ' '))) {
        chars[i] = singleOpen ? '‘' : '’';
        singleOpen = !singleOpen;
      }
    }
  }
  return { chars, from };
}

function runLength(chars: readonly string[], i: number): number {
  let n = 0;
  while (chars[i + n] === chars[i]) n++;
  return n;
}

export function normalizePunctuation(text: string): string {
  if (!CANDIDATES.test(text)) return text;
  return normalizeChars(Array.from(text)).chars.join('');
}

/**
 * Normalise a block's inline content as one text, so that a quote opened in plain text and
 * closed after a **strong** span still pairs, then put each character back in its span.
 */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  if (!CANDIDATES.test(inlineText(inlines))) return [...inlines];
  const chars: string[] = [];
  const owner: number[] = []; // text node of each character; -1 for a line break
  let nodes = 0;
  const collect = (list: readonly Inline[]): void => {
    for (const inline of list) {
      if (inline.kind === 'text') {
        for (const ch of inline.text) {
          chars.push(ch);
          owner.push(nodes);
        }
        nodes++;
      } else if (inline.kind === 'break') {
        chars.push('\n');
        owner.push(-1);
      } else if (inline.kind !== 'noteref') collect(inline.children);
    }
  };
  collect(inlines);
  const normalized = normalizeChars(chars);
  const texts = new Array<string>(nodes).fill('');
  normalized.chars.forEach((ch, i) => {
    const node = owner[normalized.from[i]];
    if (node >= 0) texts[node] += ch;
  });
  let next = 0;
  const rebuild = (list: readonly Inline[]): Inline[] =>
    list.map((inline): Inline => {
      if (inline.kind === 'text') return { kind: 'text', text: texts[next++] };
      if (inline.kind === 'break' || inline.kind === 'noteref') return inline;
      return { ...inline, children: rebuild(inline.children) };
    });
  return rebuild(inlines);
}

/** A block's text as normalisation reads it: its text nodes, a line break as a newline. */
function inlineText(list: readonly Inline[]): string {
  let text = '';
  for (const inline of list) {
    if (inline.kind === 'text') text += inline.text;
    else if (inline.kind === 'break') text += '\n';
    else if (inline.kind !== 'noteref') text += inlineText(inline.children);
  }
  return text;
}

/** The edition with every text normalised (for the EPUB, which reads the model). */
export function normalizeEdition(edition: Edition): Edition {
  const text = (value: string): string => normalizePunctuation(value);
  return {
    ...edition,
    title: text(edition.title),
    pages: edition.pages.map((page) => ({
      ...page,
      articles: page.articles.map((article) => ({
        ...article,
        ...(article.label !== undefined ? { label: text(article.label) } : {}),
        blocks: article.blocks.map((block) =>
          block.kind === 'text'
            ? { ...block, inlines: normalizeInlines(block.inlines) }
            : block.kind === 'table'
              ? mapTableTexts(block, normalizeInlines)
              : { ...block, alt: text(block.alt), caption: normalizeInlines(block.caption) },
        ),
      })),
    })),
  };
}
