/**
 * The audit measures what the render stage drew (render/drawn-line.ts): the facts it reads of each
 * line come from the boxes the line was drawn from, and are the facts it finds placing the line
 * again (check/line-facts.ts), line for line, on real pages: the sample, a vertical head, the
 * Traditional Chinese edition, and the sample on a sheet with bleed and crop marks (whose ops
 * move onto the sheet while the audit reads the page).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/index.js';
import { lineFacts } from '../../src/check/line-facts.js';
import type { PlacedLine } from '../../src/compose/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { applyStyle, DEFAULT_STYLE } from '../../src/model/index.js';
import { setPages, type Typeset } from '../../src/page-run.js';
import { parseEdition } from '../../src/parse/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EDITIONS = { sample: join(ROOT, 'content'), 'vertical-head': join(ROOT, 'tests', 'fixtures', 'vertical-head'), 'zh-hant': join(ROOT, 'tests', 'fixtures', 'zh-hant') };

let fonts: FontBook;
beforeAll(() => {
  fonts = loadFontBook();
});

function typeset(dir: string, sheet = false): Typeset {
  const parsed = parseEdition(dir);
  const edition = sheet ? { ...parsed, print: { ...parsed.print, bleedMm: 3, cropMarks: true } } : parsed;
  return setPages(edition, fonts, applyStyle(DEFAULT_STYLE, edition.style));
}

function compare(set: Typeset): number {
  let lines = 0;
  set.composed.forEach((page, i) => {
    const placed = page.elements.filter((e): e is PlacedLine => e.kind === 'line');
    expect(set.drawn[i]).toHaveLength(placed.length);
    placed.forEach((line, k) => {
      // The line drawn in its place, and what it draws as placing it again gives.
      expect(set.drawn[i][k].placed).toBe(line);
      expect(set.drawn[i][k]).toEqual(lineFacts(line));
      lines++;
    });
  });
  return lines;
}

describe('what the render stage drew, as the audit reads it', () => {
  it.each(Object.entries(EDITIONS))('is what placing each line again gives: %s', (_, dir) => {
    expect(compare(typeset(dir))).toBeGreaterThan(50);
  });

  it('is read in the page\'s coordinates when the page is drawn on a larger sheet', () => {
    const set = typeset(EDITIONS.sample, true);
    expect(compare(set)).toBeGreaterThan(50);
    // The sheet's ops moved: the drawn lines did not.
    expect(set.rendered[0].width).toBeGreaterThan(set.composed[0].width);
  });

  it('gives the audit the same report as placing the lines again', async () => {
    const set = typeset(EDITIONS['vertical-head']);
    const given = await checkEdition({ itemized: set.itemized, composed: set.composed, drawn: set.drawn });
    const again = await checkEdition({ itemized: set.itemized, composed: set.composed });
    expect(given).toEqual(again);
    expect(given.figures.placedChars).toBeGreaterThan(0);
  });

  it('must match the page\'s lines: a page drawn with a line missing is an error of the build', async () => {
    const set = typeset(EDITIONS.sample);
    const short = set.drawn.map((lines, i) => (i === 0 ? lines.slice(1) : lines));
    await expect(checkEdition({ itemized: set.itemized, composed: set.composed, drawn: short })).rejects.toThrow(/lines and .* drawn/);
  });

  it('must match the page\'s lines: two lines drawn in each other\'s places are an error of the build', async () => {
    const set = typeset(EDITIONS.sample);
    const swapped = set.drawn.map((lines, i) => (i === 0 ? [lines[1], lines[0], ...lines.slice(2)] : lines));
    await expect(checkEdition({ itemized: set.itemized, composed: set.composed, drawn: swapped })).rejects.toThrow(/not the line placed in its place/);
  });
});
