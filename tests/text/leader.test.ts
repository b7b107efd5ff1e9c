/**
 * The text stage's new items: an index item's dot leader (text/leader.ts) and a note marker's
 * superscript numeral (itemize.ts); the marks hung before list items and notes (list-marks.ts);
 * and how the render stage gives the leader the room its line leaves and draws its dots.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlacedLine } from '../../src/compose/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { breakLines } from '../../src/linebreak/index.js';
import { DEFAULT_STYLE, DEFAULT_TYPOGRAPHY, type Inline, type RoleStyle, type TextBlock } from '../../src/model/index.js';
import { placeBoxes, renderLine } from '../../src/render/index.js';
import { makeTextOptions, type Item } from '../../src/text/index.js';
import { itemizeInlines } from '../../src/text/itemize.js';
import { withLeader } from '../../src/text/leader.js';
import { markerText } from '../../src/text/list-marks.js';
import { Shaper } from '../../src/text/shape.js';

const EM = DEFAULT_STYLE.body.size;
const LEFT: RoleStyle = { ...DEFAULT_STYLE.body, indentEm: 0, align: 'left' };
let shaper: Shaper;

beforeAll(() => {
  shaper = new Shaper(loadFontBook(), []);
});

const itemize = (inlines: Inline[], style: RoleStyle = LEFT): Item[] => itemizeInlines(inlines, style, shaper, makeTextOptions(DEFAULT_TYPOGRAPHY));
const text = (t: string): Inline => ({ kind: 'text', text: t });

/** Break `items` at `measure` and place every line at x = 0, as compose would. */
function place(items: Item[], measure: number, style: RoleStyle = LEFT): PlacedLine[] {
  const lines = breakLines(items, measure, { mode: 'total-fit', tolerance: Infinity, linePenalty: 10, fitnessDemerits: 0, ragged: true });
  return lines.map((line, i) => ({ kind: 'line', x: 0, baseline: 20 * (i + 1), measure, align: style.align, items, line, last: i === lines.length - 1, tag: { article: 'a', role: 'P' }, origin: { kind: 'block', index: 0 }, onGrid: true }));
}

describe('the dot leader of an index item', () => {
  it('ends the last line with the reference flush at the measure, the leader taking the room between', () => {
    const items = withLeader(itemize([text('产业链党建聚合力')]), itemize([text('第2版')]), EM);
    const [line] = place(items, 20 * EM);
    const boxes = placeBoxes(line);
    const last = boxes[boxes.length - 1];
    expect(last.x + last.item.width).toBeCloseTo(20 * EM, 6);
    const dots = renderLine(line).filter((op) => op.op === 'dot');
    // About two dots an em over the gap (20 em less 8 characters and the reference), none over the text.
    expect(dots.length).toBeGreaterThan(12);
    const textEnd = boxes[7].x + boxes[7].item.width;
    for (const dot of dots) if (dot.op === 'dot') expect(dot.cx).toBeGreaterThan(textEnd);
  });

  it('a long item wraps: the leader and its reference stay together on the last line', () => {
    const items = withLeader(itemize([text('城市更新中的老街区留住烟火气也留住几代人的记忆')]), itemize([text('第5版')]), EM);
    const lines = place(items, 10 * EM);
    expect(lines.length).toBeGreaterThan(2);
    const hasLeader = lines.map((l) => items.slice(l.line.start, l.line.end).some((i) => i.kind === 'glue' && i.glue === 'leader'));
    expect(hasLeader).toEqual([...lines.slice(1).map(() => false), true]);
    const last = placeBoxes(lines[lines.length - 1]);
    expect(last.map((b) => b.item.run?.glyphs.map((g) => g.text).join('')).slice(-3)).toEqual(['第', '5', '版']);
  });
});

describe('a note marker', () => {
  it('is a raised numeral at 0.6 of the size, kept to the character before it, with no ¼ em gap', () => {
    const items = itemize([text('议事会制度'), { kind: 'noteref', number: 12 }, text('，居民')]);
    const sup = items.find((i) => i.kind === 'box' && i.run?.style === 'superscript');
    expect(sup?.kind === 'box' && sup.run?.glyphs.map((g) => g.text).join('')).toBe('12');
    if (sup?.kind !== 'box' || !sup.run) return;
    expect(sup.run.size).toBeCloseTo(0.6 * EM, 6);
    expect(sup.run.rise).toBeCloseTo(0.35 * EM, 6);
    const k = items.indexOf(sup);
    expect(items[k - 1]).toMatchObject({ kind: 'glue', width: 0, stretch: 0, shrink: 0, glue: 'inter-character' });
    expect(items[k - 2]).toMatchObject({ kind: 'penalty', penalty: 10_000 });
  });

  it('is drawn above the baseline', () => {
    const items = itemize([text('制度'), { kind: 'noteref', number: 1 }]);
    const [line] = place(items, 10 * EM);
    const runs = renderLine(line).filter((op) => op.op === 'glyphs');
    expect(runs.map((op) => (op.op === 'glyphs' ? op.y : 0))).toEqual([20, 20 - 0.35 * EM]);
  });
});

describe('hung marks', () => {
  const item = (list: TextBlock['list'], role: TextBlock['role'] = 'list-item'): TextBlock => ({ kind: 'text', role, inlines: [text('甲')], source: { file: 'x.md', line: 1 }, ...(list ? { list } : {}) });
  it.each([
    [{ kind: 'ordered', list: 0, number: 3, start: 1, highest: 5 } as const, '③'],
    [{ kind: 'ordered', list: 0, number: 21, start: 1, highest: 21 } as const, '21.'],
    [{ kind: 'ordered', list: 0, number: 2, start: 1, highest: 21 } as const, '2.'],
    [{ kind: 'bullet', list: 0, number: 1, start: 1, highest: 1 } as const, '●'],
    [{ kind: 'index', list: 0, number: 1, start: 1, highest: 1, ref: '第3版' } as const, undefined],
  ])('%o → %s', (list, mark) => {
    expect(markerText(item(list))).toBe(mark);
  });

  it('a note starts with its number', () => {
    expect(markerText({ ...item(undefined, 'footnote'), note: { number: 2, label: 'x' } })).toBe('2.');
    expect(markerText(item(undefined, 'paragraph'))).toBeUndefined();
  });
});
