/**
 * Hand-made paragraphs for the line-breaker tests: round widths, no fonts. Lengths are in ems
 * (1 = one Han character) unless a test says otherwise.
 */
import type { BreakItem, Line } from '../../src/linebreak/index.js';

export const box = (width: number): BreakItem => ({ kind: 'box', width });
export const glue = (width: number, stretch: number, shrink: number): BreakItem => ({ kind: 'glue', width, stretch, shrink });
export const penalty = (value: number, width = 0): BreakItem => ({ kind: 'penalty', width, penalty: value, flagged: false });

/** The end of every paragraph: no break before the fill, the fill, a forced break (TeX \parfillskip). */
export const FINISH: readonly BreakItem[] = [penalty(10_000), glue(0, 100_000, 0), penalty(-10_000)];

/** A paragraph with a label for each box, so tests can read lines back as text. */
export interface Paragraph {
  readonly items: BreakItem[];
  /** labels[i] is the text of items[i] when it is a box. */
  readonly labels: (string | undefined)[];
}

/**
 * A CJK paragraph the way the text stage builds it (src/text/itemize.ts), in ems:
 * a Han character is a 1-em box; `，` is a ½-em box and a ½-em blank that shrinks to 0;
 * between units an inter-character glue (0, stretch ½, shrink 0), preceded by penalty 10000
 * when the next unit is `，` (no break before a stop mark).
 */
export function cjk(text: string): Paragraph {
  const items: BreakItem[] = [];
  const labels: (string | undefined)[] = [];
  const push = (item: BreakItem, label?: string): void => {
    items.push(item);
    labels.push(label);
  };
  let blank = 0;
  Array.from(text).forEach((ch, i) => {
    const stop = ch === '，';
    if (i > 0) {
      if (stop) push(penalty(10_000));
      if (blank > 0) push(glue(blank, 0, blank));
      push(glue(0, 0.5, 0));
    }
    blank = stop ? 0.5 : 0;
    push(box(stop ? 0.5 : 1), ch);
  });
  if (blank > 0) {
    push(penalty(10_000));
    push(glue(blank, 0, blank));
  }
  for (const item of FINISH) push(item);
  return { items, labels };
}

/**
 * Western-style words of the given widths separated by interword glue (1, stretch 1, shrink 0);
 * each box is labelled with its width.
 */
export function words(widths: readonly number[]): Paragraph {
  const items: BreakItem[] = [];
  const labels: (string | undefined)[] = [];
  widths.forEach((w, i) => {
    if (i > 0) {
      items.push(glue(1, 1, 0));
      labels.push(undefined);
    }
    items.push(box(w));
    labels.push(String(w));
  });
  for (const item of FINISH) {
    items.push(item);
    labels.push(undefined);
  }
  return { items, labels };
}

/** The boxes of a line, read back through the labels and joined with `sep`. */
export function lineText(p: Paragraph, line: Line, sep = ''): string {
  const out: string[] = [];
  for (let i = line.start; i < line.end; i++) if (p.items[i].kind === 'box') out.push(p.labels[i] ?? '?');
  return out.join(sep);
}

export function linesText(p: Paragraph, lines: readonly Line[], sep = ''): string[] {
  return lines.map((l) => lineText(p, l, sep));
}

/** Indices of the boxes of a paragraph. */
export function boxIndices(items: readonly BreakItem[]): number[] {
  return items.flatMap((item, i) => (item.kind === 'box' ? [i] : []));
}

/** Indices of the boxes the lines hold, in line order (a box held twice appears twice). */
export function heldBoxes(items: readonly BreakItem[], lines: readonly Line[]): number[] {
  const out: number[] = [];
  for (const line of lines) for (let i = line.start; i < line.end; i++) if (items[i].kind === 'box') out.push(i);
  return out;
}

/** A seeded generator of whole numbers below n (an LCG: the same paragraphs every run). */
export function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

/** A random CJK paragraph of `min` to `min + spread - 1` characters: Han, stops and brackets. */
export function randomCjk(next: (n: number) => number, min: number, spread: number): Paragraph {
  const marks = '中文排版，新闻。报纸、（版面）';
  return cjk(Array.from({ length: min + next(spread) }, () => marks[next(marks.length)]).join(''));
}
