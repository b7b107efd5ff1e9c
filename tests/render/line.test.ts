/**
 * Rendering a placed line (src/render/line.ts): glyph positions from the items and the line's
 * adjustment ratio. A justified line runs exactly from start to end (clreq #line_adjustment,
 * #necessity_for_line_adjustment); a line-end mark is set at ½ em so its outer edge is the
 * measure (GB/T 15834 5.1.10); centred and right-aligned lines are offset by their slack.
 * Hand-made items with glyph runs: no fonts.
 */
import { describe, expect, it } from 'vitest';
import type { PlacedLine } from '../../src/compose/index.js';
import { breakLines, type Line } from '../../src/linebreak/index.js';
import type { Align } from '../../src/model/index.js';
import type { DrawOp } from '../../src/render/index.js';
import { renderPages } from '../../src/render/index.js';
import { renderLine } from '../../src/render/line.js';
import type { GlueKind, Item } from '../../src/text/index.js';
import { glyphList } from '../../src/render/placed-glyphs.js';

const SIZE = 9;
const TAG = { article: 'a', role: 'P' } as const;

type GlyphsOp = Extract<DrawOp, { op: 'glyphs' }>;

function run(ch: string, dx = 0, face = 'song', size = SIZE, advance?: number): Extract<Item, { kind: 'box' }>['run'] {
  const glyph = { id: ch.codePointAt(0)!, dx, text: ch };
  return { face, size, glyphs: [advance === undefined ? glyph : { ...glyph, advance }], style: 'plain' };
}

const g = (width: number, stretch: number, shrink: number, kind: GlueKind): Item => ({ kind: 'glue', width, stretch, shrink, glue: kind });
const p = (value: number): Item => ({ kind: 'penalty', width: 0, penalty: value, flagged: false });
const FINISH: Item[] = [p(10_000), g(0, 100_000, 0, 'paragraph-fill'), p(-10_000)];
const inter = (): Item => g(0, SIZE / 2, 0, 'inter-character');

/**
 * Items for a paragraph in the text stage's shapes: Han 1 em;
 * ，。、”） a ½-em box + ½-em blank; “（ a ½-em blank + ½-em box with the glyph at −½ em; a Latin word (written [WeChat]) a box of
 * 5 pt per letter, ¼-em Han–Western glue. Blanks carry the text stage's kinds (pause-, stop-,
 * bracket-blank), which the renderer compresses in clreq's order. Faces: `hei` for characters
 * in {curly braces}.
 */
function paragraph(text: string, indentEm = 0): Item[] {
  const items: Item[] = [];
  if (indentEm > 0) items.push({ kind: 'box', width: indentEm * SIZE });
  const tokens = text.match(/\[[^\]]+\]|\{[^}]+\}|./gu)!;
  let blank = 0;
  let blankKind: GlueKind = 'pause-blank';
  let prevWestern = false;
  let first = true;
  const units: { ch: string; face: string }[] = [];
  for (const t of tokens) {
    if (t.startsWith('{')) for (const ch of Array.from(t.slice(1, -1))) units.push({ ch, face: 'hei' });
    else units.push({ ch: t, face: 'song' });
  }
  for (const { ch, face } of units) {
    const western = ch.startsWith('[');
    const closing = '，。、”）'.includes(ch);
    const opening = '“（'.includes(ch);
    const kind: GlueKind = '，、'.includes(ch) ? 'pause-blank' : '。'.includes(ch) ? 'stop-blank' : 'bracket-blank';
    if (!first) {
      if (closing) items.push(p(10_000)); // no break before a closing or stop mark
      if (blank > 0) items.push(g(blank, 0, blank, blankKind));
      items.push(western !== prevWestern ? g(SIZE / 4, SIZE / 4, SIZE / 8, 'han-western') : inter());
    }
    blank = 0;
    if (western) {
      const word = ch.slice(1, -1);
      items.push({ kind: 'box', width: word.length * 5, run: { face, size: SIZE, glyphs: Array.from(word).map((c, i) => ({ id: c.codePointAt(0)!, dx: i * 5, text: c })), style: 'plain' } });
    } else if (closing) {
      // A mark's glyph keeps its full advance, as the text stage gives it.
      items.push({ kind: 'box', width: SIZE / 2, run: run(ch, 0, face, SIZE, SIZE) });
      blank = SIZE / 2;
      blankKind = kind;
    } else if (opening) {
      items.push(g(SIZE / 2, 0, SIZE / 2, kind), { kind: 'box', width: SIZE / 2, run: run(ch, -SIZE / 2, face, SIZE, SIZE) });
      items.push(p(10_000)); // no break after an opening mark
    } else {
      items.push({ kind: 'box', width: SIZE, run: run(ch, 0, face) });
    }
    prevWestern = western;
    first = false;
  }
  if (blank > 0) items.push(p(10_000), g(blank, 0, blank, blankKind));
  items.push(...FINISH);
  return items;
}

function placed(items: readonly Item[], line: Line, align: Align, last: boolean, measure = 117, x = 100): PlacedLine {
  return { kind: 'line', x, baseline: 500, measure, align, items, line, last, tag: TAG, origin: { kind: 'block', index: 0 }, onGrid: true };
}

/** Absolute x of every glyph origin of the ops, in order, with its text. */
function glyphXs(ops: readonly DrawOp[]): { x: number; text: string }[] {
  return ops.flatMap((op) => (op.op === 'glyphs' ? glyphList(op.glyphs).map((gl) => ({ x: op.x + gl.dx, text: gl.text })) : []));
}

const glyphOps = (ops: readonly DrawOp[]): GlyphsOp[] => ops.filter((o): o is GlyphsOp => o.op === 'glyphs');

describe('justified lines run from the start to the measure', () => {
  const text = '高质量发展是新时代的硬道理，亟须不断强化[WeChat]党建引领，把党的政治优势、组织优势转化为发展优势。';
  const items = paragraph(text, 2);
  const lines = breakLines(items, 117);

  it('the sample paragraph breaks into several lines', () => {
    expect(lines.length).toBeGreaterThanOrEqual(4);
  });

  it('glyph x positions strictly increase along every line', () => {
    for (const line of lines) {
      const xs = glyphXs(renderLine(placed(items, line, 'justify', line === lines[lines.length - 1]))).map((gl) => gl.x);
      for (let k = 1; k < xs.length; k++) expect(xs[k]).toBeGreaterThan(xs[k - 1]);
    }
  });

  it('every non-last line ends exactly at x + measure (last box end, within 0.01 pt)', () => {
    for (const line of lines.slice(0, -1)) {
      const ops = renderLine(placed(items, line, 'justify', false));
      // the last box of the line and where its glyphs put it
      let lastBox = line.end - 1;
      while (items[lastBox].kind !== 'box') lastBox--;
      const b = items[lastBox] as Extract<Item, { kind: 'box' }>;
      const xs = glyphXs(ops);
      const lastGlyph = xs[xs.length - 1];
      const boxLeft = lastGlyph.x - b.run!.glyphs[b.run!.glyphs.length - 1].dx;
      expect(Math.abs(boxLeft + b.width - (100 + 117))).toBeLessThan(0.01);
    }
  });

  it('the first line starts after the 2-em indent', () => {
    const xs = glyphXs(renderLine(placed(items, lines[0], 'justify', false)));
    expect(xs[0]).toEqual({ x: 118, text: '高' });
  });

  it('the last line is not stretched: its glyphs sit one em apart', () => {
    const last = lines[lines.length - 1];
    const xs = glyphXs(renderLine(placed(items, last, 'justify', true))).filter((gl) => gl.text !== '。');
    for (let k = 1; k < xs.length; k++) expect(xs[k].x - xs[k - 1].x).toBeCloseTo(9, 2);
  });
});

describe('whole-character lines (§4 D26)', () => {
  it('13 Han characters at 117 pt: glyphs exactly 9 pt apart, ratio 0', () => {
    const items = paragraph('一二三四五六七八九十甲乙丙丁戊');
    const [line] = breakLines(items, 117);
    expect(line.ratio).toBe(0);
    const xs = glyphXs(renderLine(placed(items, line, 'justify', false))).map((gl) => gl.x);
    expect(xs).toEqual(Array.from({ length: 13 }, (_, k) => 100 + 9 * k));
  });
});

describe('punctuation at line edges', () => {
  it('a line ending in ，: the mark’s box ends at the measure (blank dropped, GB/T 15834 5.1.10)', () => {
    // 10 characters + ，= 94.5 pt, then more text; W = 99 → the line is stretched to end on ，
    const items = paragraph('一二三四五六七八九十，甲乙丙丁戊己庚辛');
    const lines = breakLines(items, 99);
    const xs = glyphXs(renderLine(placed(items, lines[0], 'justify', false, 99)));
    expect(xs[xs.length - 1].text).toBe('，');
    expect(xs[xs.length - 1].x + 4.5).toBeCloseTo(100 + 99, 2);
  });

  it('a mark set narrower than its advance carries its set width: a trimmed ， at the line end, ½ em', () => {
    const items = paragraph('一二三四五六七八九十，甲乙丙丁戊己庚辛');
    const lines = breakLines(items, 99);
    const advances = (line: Line, last: boolean) =>
      glyphOps(renderLine(placed(items, line, 'justify', last, 99))).flatMap((op) => glyphList(op.glyphs).map((gl) => [gl.text, gl.advance]));
    const first = advances(lines[0], false);
    expect(first[first.length - 1]).toEqual(['，', 4.5]);
    // Han characters, and marks set at their full advance, carry none.
    expect(first.slice(0, -1).every(([, advance]) => advance === undefined)).toBe(true);
    expect(advances(lines[1], true).every(([, advance]) => advance === undefined)).toBe(true);
  });

  it('adjacent marks: 。 compressed against ” is set to the distance to the quote’s origin, ½ em', () => {
    // The text stage drops the blank of 。 before ” (clreq: two marks take 1.5 em).
    const items: Item[] = [
      { kind: 'box', width: SIZE, run: run('发') },
      inter(),
      { kind: 'box', width: SIZE / 2, run: run('。', 0, 'song', SIZE, SIZE) },
      p(10_000),
      { kind: 'box', width: SIZE / 2, run: run('”', 0, 'song', SIZE, SIZE) },
      g(SIZE / 2, 0, SIZE / 2, 'bracket-blank'),
      inter(),
      { kind: 'box', width: SIZE, run: run('新') },
      ...FINISH,
    ];
    const [line] = breakLines(items, 117);
    const set = glyphOps(renderLine(placed(items, line, 'justify', true))).flatMap((op) => glyphList(op.glyphs).map((gl) => [gl.text, gl.advance]));
    expect(set).toEqual([
      ['发', undefined],
      ['。', 4.5],
      ['”', undefined],
      ['新', undefined],
    ]);
  });

  it('a line starting with “: its blank half is dropped and the glyph origin sits ½ em before the measure start', () => {
    const items = paragraph('一二三四五六七八九十“甲乙”丙丁');
    const lines = breakLines(items, 90);
    const second = glyphXs(renderLine(placed(items, lines[1], 'justify', false, 90)));
    expect(second[0]).toEqual({ x: 100 - 4.5, text: '“' });
  });

  it('a compressed line (ratio −1) closes the blank of its inner comma completely', () => {
    // §4 case 3 at 9 pt: 一二三，四五六七八九，十 in 90 pt, set by first-fit with push-in
    const items = paragraph('一二三，四五六七八九，十');
    const [line] = breakLines(items, 90, { mode: 'first-fit', tolerance: 2, linePenalty: 10, fitnessDemerits: 10_000 });
    expect(line.ratio).toBe(-1);
    const xs = glyphXs(renderLine(placed(items, line, 'justify', false, 90)));
    expect(xs.map((gl) => gl.text).join('')).toBe('一二三，四五六七八九，');
    const comma = xs.findIndex((gl) => gl.text === '，');
    expect(xs[comma + 1].x - xs[comma].x).toBeCloseTo(4.5, 9);
    expect(xs[xs.length - 1].x + 4.5).toBeCloseTo(190, 9);
  });
});

describe('justification in clreq order (src/render/justify.ts)', () => {
  /**
   * #procedures_for_inter-character_spacing_reduction: brackets are compressed before ，、；
   * A line 4.5 pt too long holding （ and ，loses the bracket's blank, and the comma keeps its own.
   */
  it('reduction: the bracket blank goes first, the comma blank stays', () => {
    const items = paragraph('一，二（三四');
    const end = items.length - 3; // the line stops before the paragraph's finishing items
    const line: Line = { start: 0, end, ratio: -1, naturalWidth: 54, width: 49.5, overfull: false };
    const xs = glyphXs(renderLine(placed(items, line, 'justify', false, 49.5)));
    expect(xs).toEqual([
      { x: 100, text: '一' },
      { x: 109, text: '，' },
      { x: 118, text: '二' }, // ，keeps its 4.5 pt blank
      { x: 122.5, text: '（' }, // box at 127 with the glyph half an em before it: no blank left
      { x: 131.5, text: '三' },
      { x: 140.5, text: '四' },
    ]);
    expect(xs[xs.length - 1].x + 9).toBe(149.5);
  });

  /**
   * #procedures_for_inter-character_space_expansion: Han–Western gaps grow first (to ½ em), then
   * every gap between characters evenly; never inside the Western word.
   */
  it('expansion: Han–Western gaps to ½ em first, then the Han gaps evenly', () => {
    const items = paragraph('在[AB]组之间');
    const end = items.length - 3;
    // natural 9 + 2.25 + 10 + 2.25 + 9 + 9 + 9 = 50.5; set at 57: 4.5 to the two Han–Western gaps, 1 + 1 to the Han gaps
    const line: Line = { start: 0, end, ratio: 0.5, naturalWidth: 50.5, width: 57, overfull: false };
    const xs = glyphXs(renderLine(placed(items, line, 'justify', false, 57)));
    expect(xs.map((gl) => [gl.text, gl.x])).toEqual([
      ['在', 100],
      ['A', 113.5],
      ['B', 118.5], // letters keep their advance
      ['组', 128],
      ['之', 138],
      ['间', 148],
    ]);
  });

  it('a paragraph’s last line is not stretched however short', () => {
    const items = paragraph('在[AB]组之间');
    const line: Line = { start: 0, end: items.length - 1, ratio: 0.0001, naturalWidth: 50.5, width: 117, overfull: false };
    const xs = glyphXs(renderLine(placed(items, line, 'justify', true)));
    expect(xs.map((gl) => gl.x)).toEqual([100, 111.25, 116.25, 123.5, 132.5, 141.5]);
  });
});

describe('alignment of short lines', () => {
  const items = paragraph('党建');
  const line: Line = { start: 0, end: items.length - 1, ratio: 0, naturalWidth: 18, width: 117, overfull: false };

  it('left: at x', () => {
    expect(glyphXs(renderLine(placed(items, line, 'left', true))).map((gl) => gl.x)).toEqual([100, 109]);
  });

  it('center: offset by half the slack, (117 − 18) / 2 = 49.5', () => {
    expect(glyphXs(renderLine(placed(items, line, 'center', true))).map((gl) => gl.x)).toEqual([149.5, 158.5]);
  });

  it('right: offset by the whole slack, 117 − 18 = 99', () => {
    expect(glyphXs(renderLine(placed(items, line, 'right', true))).map((gl) => gl.x)).toEqual([199, 208]);
  });

  it('a centred line is not stretched even when the breaker gave it a positive ratio', () => {
    const loose = { ...line, ratio: 5 };
    expect(glyphXs(renderLine(placed(items, loose, 'center', false))).map((gl) => gl.x)).toEqual([149.5, 158.5]);
  });
});

describe('glyph runs', () => {
  it('one glyphs op per stretch of the same face and size, at the baseline, with the tag', () => {
    const items = paragraph('党建{聚合}力发展');
    const [line] = breakLines(items, 117);
    const ops = glyphOps(renderLine(placed(items, line, 'justify', true)));
    expect(ops.map((o) => [o.face, glyphList(o.glyphs).map((gl) => gl.text).join('')])).toEqual([
      ['song', '党建'],
      ['hei', '聚合'],
      ['song', '力发展'],
    ]);
    for (const o of ops) {
      expect(o.y).toBe(500);
      expect(o.size).toBe(9);
      expect(o.tag).toEqual(TAG);
      expect(o.glyphs.dx[0]).toBe(0); // the op's x is its first glyph's origin
    }
  });

  it('a change of size starts a new op', () => {
    const items: Item[] = [{ kind: 'box', width: 9, run: run('大', 0, 'song', 9) }, inter(), { kind: 'box', width: 18, run: run('小', 0, 'song', 18) }, ...FINISH];
    const [line] = breakLines(items, 117);
    expect(glyphOps(renderLine(placed(items, line, 'left', true))).map((o) => o.size)).toEqual([9, 18]);
  });

  it('a line with no glyphs draws nothing', () => {
    const items: Item[] = [{ kind: 'box', width: 18 }, ...FINISH];
    const [line] = breakLines(items, 117);
    expect(renderLine(placed(items, line, 'justify', true))).toEqual([]);
  });
});

describe('renderPages', () => {
  it('fills first, then rules, then marks in reading order', () => {
    const items = paragraph('党建');
    const line: Line = { start: 0, end: items.length - 1, ratio: 0, naturalWidth: 18, width: 117, overfull: false };
    const { pages: [page], lines } = renderPages([
      {
        width: 1000,
        height: 1400,
        number: 11,
        label: '第11版 党建',
        elements: [
          placed(items, line, 'left', true),
          { kind: 'image', src: '/x/a.jpg', alt: 'photo', crop: false, x: 1, y: 2, width: 3, height: 4, pixelWidth: 30, pixelHeight: 40, tag: { article: 'a', role: 'Figure' }, origin: { kind: 'block', index: 1 } },
        ],
        rules: [{ kind: 'rule', article: '#page', x1: 0, y1: 0, x2: 10, y2: 0, width: 0.5 }],
        fills: [{ kind: 'fill', x: 0, y: 0, width: 5, height: 5, grey: 0.9 }],
        articles: [],
        outline: [],
        typeArea: { x: 0, y: 0, width: 1000, height: 1377 },
        grid: { pitch: 13.5, top: 0, firstBaseline: 10.17, lines: 102 },
        overset: [],
      },
    ]);
    expect(page.ops.map((o) => o.op)).toEqual(['fill', 'rule', 'glyphs', 'image']);
    expect(page).toMatchObject({ width: 1000, height: 1400, number: 11, label: '第11版 党建' });
    // What its one line draws, for the audit: the page's coordinates.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(1);
    expect(lines[0][0]).toMatchObject({ text: '党建', first: '党', last: '建', left: 100, right: 118, size: 9 });
  });
});
