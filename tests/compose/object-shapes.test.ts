/**
 * The objects the stages hand on, each kind with one set of fields in one order whatever made
 * it (text/items.ts, compose/placed-line.ts): items, a box's glyphs and runs, placed lines.
 * V8 gives objects made with other fields, or the same in another order, hidden classes of
 * their own, and every read of them in the render stage and the audit then looks them up
 * (README, Speed: round 24). Pages with a masthead, a vertical head, colours, notes and lists.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlacedLine } from '../../src/compose/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { typesetEdition } from '../../src/pipeline.js';
import type { Item } from '../../src/text/index.js';

const ROOT = join(import.meta.dirname, '../..');
const EDITIONS = ['content', 'tests/fixtures/front-page', 'tests/fixtures/vertical-head', 'tests/fixtures/lists-notes'];

let lines: PlacedLine[];

/** The distinct field lists of `objects`, each as its fields in order. */
function shapes(objects: Iterable<object>): string[] {
  const seen = new Set<string>();
  for (const o of objects) seen.add(Object.keys(o).join(','));
  return [...seen];
}

beforeAll(() => {
  const fonts: FontBook = loadFontBook();
  lines = EDITIONS.flatMap((dir) => typesetEdition(join(ROOT, dir), fonts).composed.flatMap((page) => page.elements.filter((e): e is PlacedLine => e.kind === 'line')));
});

describe('one set of fields, in one order, for each kind of object the stages hand on', () => {
  it('placed lines: set in columns, page headers, mastheads, vertical heads, coloured', () => {
    expect(lines.some((l) => l.vertical)).toBe(true);
    expect(lines.some((l) => l.origin.kind === 'header')).toBe(true);
    expect(lines.some((l) => l.origin.kind === 'masthead')).toBe(true);
    expect(shapes(lines)).toEqual(['kind,x,baseline,measure,align,items,line,last,tag,origin,onGrid,vertical,colour,overprint']);
  });

  it('items of every kind, and their glyph runs and glyphs', () => {
    const items = new Set<Item>(lines.flatMap((l) => l.items));
    expect(new Set([...items].map((i) => i.kind))).toEqual(new Set(['box', 'glue', 'penalty']));
    expect(shapes(items)).toEqual(['kind,width,stretch,shrink,glue,emergency,penalty,flagged,run']);
    const runs = [...items].flatMap((i) => (i.run ? [i.run] : []));
    expect(shapes(runs)).toEqual(['face,size,glyphs,style,rise']);
    expect(shapes(runs.flatMap((r) => r.glyphs))).toEqual(['id,dx,text,advance,across']);
  });
});
