/**
 * A vertical headline (竖题) as items (src/text/vertical.ts, cjk/vertical-forms.ts) with the real
 * fonts: punctuation and brackets in the fonts' vertical forms (OpenType vert/vrt2, clreq
 * #h-punctuation_marks_in_vertical_writing_mode), two digits across one em box (纵中横), a
 * column per phrase, adjacent marks 1.5 em.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { DEFAULT_STYLE, DEFAULT_TYPOGRAPHY, type RoleStyle } from '../../src/model/index.js';
import { INFINITE_PENALTY, makeTextOptions, type Item } from '../../src/text/index.js';
import { verticalCell, VERTICAL_FEATURES } from '../../src/text/cjk/vertical-forms.js';
import { Shaper } from '../../src/text/shape.js';
import { itemizeVertical } from '../../src/text/vertical.js';

const HEAD: RoleStyle = { ...DEFAULT_STYLE.roles.headline, size: 30, align: 'left', indentEm: 0 };
const EM = HEAD.size;
/** Marks whose vertical form the brief names: brackets, quotes, book-title marks, pause and stop marks. */
const MARKS = Array.from('「」『』（）《》，。、：');

let fonts: FontBook;
let shaper: Shaper;
beforeAll(() => {
  fonts = loadFontBook();
  shaper = new Shaper(fonts, []);
});

type BoxItem = Extract<Item, { kind: 'box' }>;
const boxes = (items: readonly Item[]): BoxItem[] => items.filter((i): i is BoxItem => i.kind === 'box');
const textOf = (b: BoxItem): string => b.run!.glyphs.map((g) => g.text).join('');
const column = (text: string, language = 'zh-Hans'): Item[] => itemizeVertical([{ kind: 'text', text }], HEAD, shaper, makeTextOptions(DEFAULT_TYPOGRAPHY, language));

describe('vertical forms', () => {
  it.each(['song', 'hei-bold'])('the %s face has a vertical form for every mark, and vert/vrt2 pick it', (key) => {
    const face = fonts.face(key);
    for (const mark of MARKS) {
      const [flat] = shaper.layout(face, mark, []);
      const [upright] = shaper.layout(face, mark, VERTICAL_FEATURES);
      expect(upright.id, `${mark} in ${key}`).not.toBe(flat.id);
    }
    // —— as one 2-em dash glyph, turned.
    const [dash] = shaper.layout(face, '——', ['fwid']);
    const [turned] = shaper.layout(face, '——', ['fwid', ...VERTICAL_FEATURES]);
    expect(turned.id).not.toBe(dash.id);
    const box = face.font.getGlyph(turned.id).bbox;
    expect(box.maxY - box.minY).toBeGreaterThan(box.maxX - box.minX);
  });

  it('in a Mainland face the comma and full stop move to the top right of the em box', () => {
    const face = fonts.face('hei-bold');
    for (const mark of '，。') {
      const [g] = shaper.layout(face, mark, VERTICAL_FEATURES);
      const box = face.font.getGlyph(g.id).bbox;
      // Noto CJK's em box runs from −120 to 880 font units; its centre is at (500, 380).
      expect(box.minX, mark).toBeGreaterThan(500);
      expect(box.minY, mark).toBeGreaterThan(380);
    }
  });

  it('numbers of one or two digits go across the column (纵中横), longer ones and letters stand one to a box', () => {
    expect(verticalCell('western', '24').kind).toBe('across');
    expect(verticalCell('western', '7').kind).toBe('across');
    expect(verticalCell('western', '2024').kind).toBe('stacked');
    expect(verticalCell('western', 'APEC').kind).toBe('stacked');
    expect(verticalCell('han', '中').kind).toBe('upright');
  });
});

describe('a column of items', () => {
  it('sets each Han character and mark in one em down the column, in its vertical form', () => {
    const items = column('走进《诗经》');
    const set = boxes(items);
    expect(set.map(textOf)).toEqual(['走', '进', '《', '诗', '经', '》']);
    for (const b of set) expect(b.width).toBeCloseTo(EM, 6);
    const face = fonts.face(set[2].run!.face);
    expect(set[2].run!.glyphs[0].id).toBe(shaper.layout(face, '《', VERTICAL_FEATURES)[0].id);
    expect(set[2].run!.glyphs[0].id).not.toBe(shaper.layout(face, '《', [])[0].id);
  });

  it('sets 24 across one em box, each digit half an em, side by side', () => {
    const [pair] = boxes(column('24')).filter((b) => textOf(b) === '24');
    expect(pair.width).toBeCloseTo(EM, 6);
    const [two, four] = pair.run!.glyphs;
    expect(two.dx).toBe(four.dx);
    expect(four.across! - two.across!).toBeCloseTo(EM / 2, 3);
    expect(two.across!).toBeCloseTo(0, 3);
  });

  it('stands the digits of 2024 one to an em box, each centred across the column', () => {
    const digits = boxes(column('2024年'));
    expect(digits.map(textOf)).toEqual(['2', '0', '2', '4', '年']);
    for (const d of digits.slice(0, 4)) expect(d.run!.glyphs[0].across!).toBeCloseTo(EM / 4, 3);
  });

  it('sets the 2-em dash as one glyph in the middle of its two em boxes', () => {
    const [dash] = boxes(column('——听见')).filter((b) => textOf(b) === '——');
    expect(dash.width).toBeCloseTo(2 * EM, 6);
    expect(dash.run!.glyphs).toHaveLength(1);
    expect(dash.run!.glyphs[0].dx).toBeCloseTo(EM / 2, 6);
  });

  it('starts a new column at a typed space', () => {
    const items = column('走进村庄 听见节气');
    const forced = items.filter((i) => i.kind === 'penalty' && i.penalty <= -INFINITE_PENALTY);
    expect(forced).toHaveLength(2);
    const firstBreak = items.findIndex((i) => i.kind === 'penalty' && i.penalty <= -INFINITE_PENALTY);
    expect(boxes(items.slice(0, firstBreak)).map(textOf).join('')).toBe('走进村庄');
  });

  it('takes the blank half between adjacent marks: 。」 is 1.5 em, the stop keeping its ink at the top', () => {
    const set = boxes(column('好。」'));
    const stop = set.find((b) => textOf(b) === '。')!;
    const close = set.find((b) => textOf(b) === '」')!;
    expect(stop.width + close.width).toBeCloseTo(1.5 * EM, 6);
    expect(stop.width).toBeCloseTo(EM / 2, 6);
  });

  it('never breaks a column before a closing mark (禁则)', () => {
    const items = column('做得好。」');
    const i = items.findIndex((it) => it.kind === 'box' && textOf(it) === '」');
    // The item before the closing mark's box is glue with a forbidding penalty before it.
    expect(items[i - 1].kind).toBe('glue');
    expect(items[i - 2]).toMatchObject({ kind: 'penalty', penalty: INFINITE_PENALTY });
  });
});
