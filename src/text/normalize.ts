import type { Edition, Inline } from '../model/index.js';
import { mapTableTexts } from '../model/index.js';
import { classify, isCjk } from './cjk/classes.js';
import { codePointCount } from './code-points.js';

/**
 * Punctuation normalisation for Chinese text copied from elsewhere: half-width `, : ; ! ? ( )`
 * that stand next to a Han character or a full-width mark become their full-width forms (a
 * bracket pair converts together); straight quotes become curly quotes; `...` and `。。。` next
 * to Chinese become `……` (GB/T 15834 4.11). Text that is Western on both sides is left alone.
 */
const FULL_WIDTH: ReadonlyMap<string, string> = new Map([
  [',', '，'],
  [':', '：'],
  [';', '；'],
  ['!', '！'],
  ['?', '？'],
  ['(', '（'],
  [')', '）'],
]);
const MAX_ASCII = 0x7f;

/**
 * What normalisation may change: a half-width mark or quote, or a run of dots (three or more
 * full stops, exactly three 。) that may be an ellipsis. Text without any is returned as it is,
 * which is most Chinese copy: its 。 stand alone.
 */
const CANDIDATES = /[,:;!?()"']|\.\.\.|。。。/;
const WESTERN_WORD = /[A-Za-z0-9]/;

const cjk = (ch: string | undefined): boolean => ch !== undefined && isCjk(classify(ch));

/**
 * A normalised text and, for each of its characters, the index of the source character it came
 * from (absent when nothing was merged: each comes from the one at its own index).
 */
export interface Normalized {
  readonly chars: string[];
  readonly from?: number[];
}

/** Normalise a paragraph given as characters (so quote pairs span strong and emphasis). */
export function normalizeChars(source: readonly string[]): Normalized {
  const normalized = ellipses(source);
  const { chars } = normalized;
  // 2. Half-width marks next to Chinese, with bracket pairs converted together. Every mark and
  // quote here is ASCII: only those positions are looked at again.
  const marks: number[] = [];
  const convert = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch.length !== 1 || ch.charCodeAt(0) > MAX_ASCII) continue;
    if (FULL_WIDTH.has(ch)) {
      marks.push(i);
      if (cjk(chars[i - 1]) || cjk(chars[i + 1])) convert[i] = 1;
    } else if (ch === '"' || ch === "'") marks.push(i);
  }
  const open: number[] = [];
  for (const i of marks) {
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length > 0) {
      const j = open.pop()!;
      if (convert[i] || convert[j]) convert[i] = convert[j] = 1;
    }
  }
  // A mark after a converted one is next to Chinese too (`好,(注)`).
  for (const i of marks) if (i > 0 && !convert[i] && FULL_WIDTH.has(chars[i]) && convert[i - 1]) convert[i] = 1;
  let doubleOpen = true;
  let singleOpen = true;
  for (const i of marks) {
    const ch = chars[i];
    if (convert[i]) chars[i] = FULL_WIDTH.get(ch)!;
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
  return normalized;
}

/**
 * 1. Ellipses: three or more dots (or 。。。) next to Chinese become ……, ………… (GB/T 15834
 * 4.11). A copy of `source`, with where each character came from once a run was merged.
 */
function ellipses(source: readonly string[]): Normalized {
  let chars: string[] | undefined;
  let from: number[] | undefined;
  for (let i = 0; i < source.length; ) {
    const ch = source[i];
    const dots = ch === '.' || ch === '。' ? runLength(source, i) : 0;
    if (dots >= 3 && (ch === '.' || dots === 3) && (cjk(source[i - 1]) || cjk(source[i + dots]))) {
      if (!chars || !from) {
        chars = source.slice(0, i);
        from = chars.map((_, k) => k);
      }
      const count = ch === '.' && dots > 6 ? 4 : 2;
      for (let k = 0; k < count; k++) {
        chars.push('…');
        from.push(i);
      }
      i += dots;
      continue;
    }
    if (chars && from) {
      chars.push(ch);
      from.push(i);
    }
    i++;
  }
  return chars && from ? { chars, from } : { chars: source.slice() };
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
  const text = inlineText(inlines);
  if (!CANDIDATES.test(text)) return [...inlines];
  const chars = Array.from(text);
  // The text node each character is in (in order of the text nodes); -1 for a line break.
  const owner = new Int32Array(chars.length);
  let at = 0;
  let nodes = 0;
  let breaks = 0;
  const collect = (list: readonly Inline[]): void => {
    for (const inline of list) {
      if (inline.kind === 'text') {
        const end = at + codePointCount(inline.text);
        owner.fill(nodes++, at, end);
        at = end;
      } else if (inline.kind === 'break') {
        owner[at++] = -1;
        breaks++;
      } else if (inline.kind !== 'noteref') collect(inline.children);
    }
  };
  collect(inlines);
  const { chars: out, from } = normalizeChars(chars);
  const texts = new Array<string>(nodes).fill('');
  // Most paragraphs are one text node: every character goes back into it.
  if (nodes === 1 && breaks === 0) texts[0] = out.join('');
  else {
    const nodeOf = (i: number): number => owner[from ? from[i] : i];
    for (let start = 0, i = 1; i <= out.length; i++) {
      if (i < out.length && nodeOf(i) === nodeOf(start)) continue;
      const node = nodeOf(start);
      if (node >= 0) texts[node] += out.slice(start, i).join('');
      start = i;
    }
  }
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
