/**
 * The total-fit breaker is WebAssembly (src/linebreak/assembly/total-fit.ts): every paragraph
 * must break exactly as the TypeScript breaker it replaced, kept as reference-total-fit.ts, in
 * every pass and for every looseness: the same lines, the same ratios and widths to the last bit,
 * and no breaks where the reference finds none. Seeded paragraphs of every kind of item (CJK as
 * the text stage makes it; boxes, glue and penalties of any size, negative widths and stretch,
 * emergency stretch, last-resort and forced breaks mid-paragraph), at one measure or a measure
 * per line, justified and ragged, at every fallback.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAK_OPTIONS, INFINITY_PENALTY, LAST_RESORT_PENALTY, type BreakItem, type BreakOptions, type Fallback, type Line, type LineWidths } from '../../src/linebreak/index.js';
import { totalFitLoose } from '../../src/linebreak/knuth-plass.js';
import { box, FINISH, glue, penalty, randomCjk } from './helpers.js';
import { nodesMade, referenceTotalFitLoose } from './reference-total-fit.js';

/**
 * A seeded generator of whole numbers below n (mulberry32: its low bits are as random as its
 * high ones, which the choices among two to ten kinds of item need).
 */
function seeded(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
  };
}

const FALLBACKS: readonly Fallback[] = ['none', 'letter-spacing', 'anywhere'];
const LOOSENESSES: readonly (readonly number[])[] = [[0], [1, -1], [-1, 1], [2, -2], [3]];

/** A line's numbers as text, −0 told from 0: equal texts are equal numbers, bit for bit. */
const exact = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));
const lineText = (l: Line): string => [l.start, l.end, l.ratio, l.naturalWidth, l.width, l.overfull].map((v) => (typeof v === 'number' ? exact(v) : String(v))).join(' ');
const resultText = (r: Line[][] | null): string => (r === null ? 'null' : r.map((lines) => lines.map(lineText).join('\n')).join('\n--\n'));

/** Any item: boxes and glue of any size (now and then negative), penalties of every kind. */
function randomItems(next: (n: number) => number): BreakItem[] {
  const items: BreakItem[] = [];
  const count = 5 + next(60);
  // Sizes that are not sums of powers of two, so that any change in the order of the module's
  // operations would round differently somewhere.
  const size = (): number => (next(10) === 0 ? -next(300) / 197 : next(800) / 197);
  for (let i = 0; i < count; i++) {
    const pick = next(10);
    if (pick < 5) items.push(box(size()));
    else if (pick < 8) {
      const g = glue(next(300) / 197, next(12) === 0 ? -1 : next(400) / 197, next(300) / 389);
      items.push(next(6) === 0 && g.kind === 'glue' ? { ...g, emergency: true } : g);
    } else {
      const values = [-INFINITY_PENALTY, -50, 0, 50, 100, 3_000, LAST_RESORT_PENALTY, LAST_RESORT_PENALTY + 500, INFINITY_PENALTY];
      items.push(penalty(values[next(values.length)], next(4) === 0 ? next(300) / 197 : 0));
    }
  }
  return [...items, ...FINISH];
}

/** One measure, or a measure per line (narrow and wide by turns, or any). */
function randomWidths(next: (n: number) => number): LineWidths {
  const pick = next(3);
  if (pick === 0) return 4 + next(2000) / 97;
  if (pick === 1) return (line: number) => (line % 2 === 0 ? 6 : 14);
  const widths = Array.from({ length: 8 }, () => 3 + next(1800) / 97);
  return (line: number) => widths[line % widths.length];
}

function randomOptions(next: (n: number) => number): { options: BreakOptions; tolerance: number } {
  if (next(4) === 0) return { options: { ...DEFAULT_BREAK_OPTIONS, ragged: true, fitnessDemerits: 0 }, tolerance: Number.POSITIVE_INFINITY };
  const tolerances = [DEFAULT_BREAK_OPTIONS.tolerance, 1, 4, Number.POSITIVE_INFINITY];
  return { options: { ...DEFAULT_BREAK_OPTIONS, linePenalty: [10, 0, 50][next(3)] }, tolerance: tolerances[next(tolerances.length)] };
}

function compare(items: readonly BreakItem[], widths: LineWidths, options: BreakOptions, tolerance: number, fallback: Fallback, loosenesses: readonly number[], label: string): void {
  const expected = resultText(referenceTotalFitLoose(items, widths, options, tolerance, fallback, loosenesses));
  expect(resultText(totalFitLoose(items, widths, options, tolerance, fallback, loosenesses)), label).toBe(expected);
}

describe('the WebAssembly breaker breaks as the TypeScript reference does', () => {
  it('CJK paragraphs as the text stage builds them, at every measure, pass and looseness', () => {
    const next = seeded(20261202);
    for (let k = 0; k < 60; k++) {
      const { items } = randomCjk(next, 10, 90);
      const widths = randomWidths(next);
      const { options, tolerance } = randomOptions(next);
      for (const fallback of FALLBACKS) for (const loosenesses of LOOSENESSES) compare(items, widths, options, tolerance, fallback, loosenesses, `cjk ${k} ${fallback} ${loosenesses.join(',')}`);
    }
  });

  it('paragraphs of any items: negative widths and stretch, emergency stretch, last-resort and forced breaks', () => {
    const next = seeded(7);
    let broken = 0;
    let none = 0;
    for (let k = 0; k < 400; k++) {
      const items = randomItems(next);
      const widths = randomWidths(next);
      const { options, tolerance } = randomOptions(next);
      for (const fallback of FALLBACKS) {
        for (const loosenesses of LOOSENESSES) {
          compare(items, widths, options, tolerance, fallback, loosenesses, `items ${k} ${fallback} ${loosenesses.join(',')}`);
          if (referenceTotalFitLoose(items, widths, options, tolerance, fallback, loosenesses) === null) none++;
          else broken++;
        }
      }
    }
    // Both outcomes are met: paragraphs broken, and paragraphs no set of breaks keeps within the tolerance.
    expect(broken).toBeGreaterThan(1_000);
    expect(none).toBeGreaterThan(1_000);
  });

  it('a paragraph that needs more nodes than it is first given room for is broken again with more', () => {
    // Ragged, any ratio acceptable, a node per line count: far more nodes than four an item.
    const items: BreakItem[] = [];
    for (let i = 0; i < 150; i++) items.push(box(1), glue(0, 1, 0));
    items.push(...FINISH);
    const options: BreakOptions = { ...DEFAULT_BREAK_OPTIONS, ragged: true, fitnessDemerits: 0 };
    referenceTotalFitLoose(items, 12, options, Number.POSITIVE_INFINITY, 'none', [1, -1]);
    expect(nodesMade).toBeGreaterThan(8 * items.length);
    compare(items, 12, options, Number.POSITIVE_INFINITY, 'none', [1, -1], 'ragged, looser and tighter');
    compare(items, 12, options, Number.POSITIVE_INFINITY, 'none', [0], 'ragged, best');
  });

  it('an empty paragraph and a paragraph of one forced break', () => {
    compare([], 10, DEFAULT_BREAK_OPTIONS, 2, 'none', [0], 'no items');
    compare([penalty(-INFINITY_PENALTY)], 10, DEFAULT_BREAK_OPTIONS, 2, 'none', [0], 'forced break alone');
    compare([box(3), penalty(-INFINITY_PENALTY)], 10, DEFAULT_BREAK_OPTIONS, 2, 'anywhere', [1, -1], 'one box');
  });
});
