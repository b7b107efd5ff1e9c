/**
 * Itemization (src/text/itemize.ts) with the real fonts and the default style (body 小五 = 9 pt):
 * the boxes, glue and penalties that carry the clreq widths of Han characters and punctuation
 * (clreq #glyphs_sizes_and_positions_in_character_faces_of_punctuation_marks, GB/T 15834 §5.1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { breakLines } from '../../src/linebreak/index.js';
import { isBreakpoint } from '../../src/linebreak/measure.js';
import { DEFAULT_STYLE, DEFAULT_TYPOGRAPHY, type Inline, type RoleStyle } from '../../src/model/index.js';
import { FILL_STRETCH, INFINITE_PENALTY, makeTextOptions, type Item } from '../../src/text/index.js';
import { LAST_RESORT_PENALTY } from '../../src/text/items.js';
import { itemizeInlines } from '../../src/text/itemize.js';
import { Shaper, type MissingGlyph } from '../../src/text/shape.js';

const BODY = DEFAULT_STYLE.body;
const EM = BODY.size; // 9 pt
/** Body style without the first-line indent, to look at the text alone. */
const FLUSH: RoleStyle = { ...BODY, indentEm: 0 };

let fonts: FontBook;
let missing: MissingGlyph[];
let shaper: Shaper;

beforeAll(() => {
  fonts = loadFontBook();
  missing = [];
  shaper = new Shaper(fonts, missing);
});

function itemize(text: string | Inline[], style: RoleStyle = FLUSH): Item[] {
  const inlines: Inline[] = typeof text === 'string' ? [{ kind: 'text', text }] : text;
  return itemizeInlines(inlines, style, shaper, makeTextOptions(DEFAULT_TYPOGRAPHY));
}

type BoxItem = Extract<Item, { kind: 'box' }>;
type GlueItem = Extract<Item, { kind: 'glue' }>;

const textOf = (item: Item): string => (item.kind === 'box' && item.run ? item.run.glyphs.map((g) => g.text).join('') : '');

/** Index of the n-th box whose glyphs read `text`. */
function boxIndex(items: readonly Item[], text: string, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < items.length; i++) {
    if (textOf(items[i]) === text && seen++ === nth) return i;
  }
  throw new Error(`no box ${JSON.stringify(text)} (#${nth})`);
}

function box(items: readonly Item[], i: number): BoxItem {
  const item = items[i];
  if (item.kind !== 'box') throw new Error(`item ${i} is a ${item.kind}`);
  return item;
}

/** A compact picture of the items: B<width>:text, G<width>/<stretch>/<shrink>:kind, P<value>. */
function sketch(items: readonly Item[]): string[] {
  return items.map((item) => {
    switch (item.kind) {
      case 'box':
        return `B${+item.width.toFixed(3)}${item.run ? `:${textOf(item)}` : ''}`;
      case 'glue':
        return `G${+item.width.toFixed(3)}/${+item.stretch.toFixed(3)}/${+item.shrink.toFixed(3)}:${item.glue}`;
      case 'penalty':
        return `P${item.penalty}`;
    }
  });
}

describe('Han characters (clreq: 1 em, set solid)', () => {
  it('every ideograph is a 9 pt box with one glyph at dx 0, in the body face', () => {
    const items = itemize('党建聚合力发展增动能');
    const boxes = items.filter((i): i is BoxItem => i.kind === 'box');
    expect(boxes).toHaveLength(10);
    for (const b of boxes) {
      expect(b.width).toBe(9);
      expect(b.run!.size).toBe(9);
      expect(b.run!.face).toBe(fonts.chain('body')[0].key);
      expect(b.run!.glyphs).toHaveLength(1);
      expect(b.run!.glyphs[0].dx).toBe(0);
      expect(b.run!.glyphs[0].id).toBeGreaterThan(0);
    }
    expect(missing).toEqual([]);
  });

  it('between two ideographs: one zero-width inter-character glue that only stretches, and it is a breakpoint', () => {
    const items = itemize('中国人');
    expect(sketch(items).slice(0, 3)).toEqual(['B9:中', 'G0/1.35/0:inter-character', 'B9:国']);
    expect(isBreakpoint(items, 1)).toBe(true);
  });
});

describe('paragraph frame (clreq #first_line_indents: 2-em indent)', () => {
  it('starts with an 18 pt indent box without glyphs and ends with penalty 10000, fill glue, penalty −10000', () => {
    const items = itemize('中国', BODY);
    expect(items[0]).toEqual({ kind: 'box', width: 18 });
    expect(items.slice(-3)).toEqual([
      { kind: 'penalty', width: 0, penalty: INFINITE_PENALTY, flagged: false },
      { kind: 'glue', width: 0, stretch: FILL_STRETCH, shrink: 0, glue: 'paragraph-fill' },
      { kind: 'penalty', width: 0, penalty: -INFINITE_PENALTY, flagged: false },
    ]);
  });

  /** clreq #adjustments_of_orphans_and_widows: no last line of one character — the break before
   *  the paragraph's last character is forbidden (penalty 10000 before its glue). */
  it('the whole of 中国 as items: no break before the last character', () => {
    expect(sketch(itemize('中国', BODY))).toEqual(['B18', 'B9:中', 'P10000', 'G0/1.35/0:inter-character', 'B9:国', 'P10000', 'G0/100000/0:paragraph-fill', 'P-10000']);
  });
});

describe('pause/stop marks (GB/T 15834 5.1.1–5.1.2, 5.1.10)', () => {
  it('，is a 4.5 pt box followed by a 4.5 pt blank that shrinks to nothing (line-end trim)', () => {
    const items = itemize('中国，人民');
    const i = boxIndex(items, '，');
    expect(box(items, i).width).toBe(4.5);
    expect(box(items, i).run!.glyphs[0].dx).toBe(0); // glyph on the left half
    expect(box(items, i).run!.glyphs[0].advance).toBe(9); // its full advance, for the render stage
    expect(box(items, boxIndex(items, '中')).run!.glyphs[0].advance).toBeUndefined();
    expect(items[i + 1]).toEqual({ kind: 'glue', width: 4.5, stretch: 0, shrink: 4.5, glue: 'pause-blank' });
    // A break at that blank drops it: the line ends on the half-width box.
    expect(isBreakpoint(items, i + 1)).toBe(true);
    expect(sketch(items)).toEqual([
      'B9:中',
      'G0/1.35/0:inter-character',
      'B9:国',
      'P10000',
      'G0/1.35/0:inter-character',
      'B4.5:，',
      'G4.5/0/4.5:pause-blank',
      'G0/1.35/0:inter-character',
      'B9:人',
      'P10000',
      'G0/1.35/0:inter-character',
      'B9:民',
      'P10000',
      'G0/100000/0:paragraph-fill',
      'P-10000',
    ]);
  });

  it.each([
    ['、', 'pause-blank'],
    ['；', 'pause-blank'],
    ['：', 'pause-blank'],
    ['。', 'stop-blank'],
    ['！', 'stop-blank'],
    ['？', 'stop-blank'],
  ])('%s is a half box plus a compressible half blank (%s)', (mark, kind) => {
    const items = itemize(`中${mark}国人`);
    const i = boxIndex(items, mark);
    expect(box(items, i).width).toBe(4.5);
    expect(items[i + 1]).toEqual({ kind: 'glue', width: 4.5, stretch: 0, shrink: 4.5, glue: kind });
  });

  it('no legal breakpoint stands right before ，(nor before any closing mark)', () => {
    const items = itemize('江苏省靖江市，新时代造船有限公司码头，21万吨“双燃料”动力散货船（试航）。');
    for (let i = 0; i < items.length; i++) {
      if (!'，。”）'.includes(textOf(items[i])) || textOf(items[i]) === '') continue;
      let j = i - 1;
      while (j >= 0 && items[j].kind !== 'box') {
        expect(isBreakpoint(items, j), `breakpoint at ${j} before ${textOf(items[i])}`).toBe(false);
        j--;
      }
    }
  });
});

describe('brackets and quotes', () => {
  it('opening “: a 4.5 pt blank glue BEFORE a 4.5 pt box whose glyph sits at dx −4.5', () => {
    const items = itemize('说“好呢');
    const i = boxIndex(items, '“');
    expect(items[i - 1]).toEqual({ kind: 'glue', width: 4.5, stretch: 0, shrink: 4.5, glue: 'bracket-blank' });
    expect(box(items, i).width).toBe(4.5);
    expect(box(items, i).run!.glyphs[0].dx).toBe(-4.5);
    // The break goes before the blank (which is then dropped at the line start, clreq
    // #h-compression_of_punctuation_marks_at_line_start); none after the “.
    expect(sketch(items).slice(0, 6)).toEqual(['B9:说', 'G0/1.35/0:inter-character', 'G4.5/0/4.5:bracket-blank', 'B4.5:“', 'P10000', 'G0/1.35/0:inter-character']);
    expect(isBreakpoint(items, 1)).toBe(true);
    expect(isBreakpoint(items, 2)).toBe(false);
  });

  it('closing ”: a 4.5 pt box at dx 0, then its 4.5 pt blank', () => {
    const items = itemize('好”说了');
    const i = boxIndex(items, '”');
    expect(box(items, i).width).toBe(4.5);
    expect(box(items, i).run!.glyphs[0].dx).toBe(0);
    expect(items[i + 1]).toEqual({ kind: 'glue', width: 4.5, stretch: 0, shrink: 4.5, glue: 'bracket-blank' });
    expect(isBreakpoint(items, i + 1)).toBe(true); // a line may end after ”
  });

  it('（ and ） are set like the quotes', () => {
    const items = itemize('陈昊(右一)与会'); // normalised to （ ）
    const open = boxIndex(items, '（');
    const close = boxIndex(items, '）');
    expect(box(items, open).width).toBe(4.5);
    expect(box(items, open).run!.glyphs[0].dx).toBe(-4.5);
    expect(items[open - 1]).toMatchObject({ kind: 'glue', width: 4.5, shrink: 4.5, glue: 'bracket-blank' });
    expect(box(items, close).width).toBe(4.5);
    expect(items[close + 1]).toMatchObject({ kind: 'glue', width: 4.5, shrink: 4.5, glue: 'bracket-blank' });
  });
});

describe('marks of fixed width', () => {
  it('· is a 4.5 pt box (½ em in the Mainland, clreq #h-punctuation_adjustment_space), glyph centred', () => {
    const items = itemize('娜·罗塞');
    const i = boxIndex(items, '·');
    const b = box(items, i);
    expect(b.width).toBe(4.5);
    const face = fonts.face(b.run!.face);
    const advance = (fonts.glyph(face, 0xb7)!.advance * 9) / face.unitsPerEm;
    expect(b.run!.glyphs[0].dx).toBeCloseTo((4.5 - advance) / 2, 9);
    // no blank to compress and no gap opened around it (clreq #procedures_for_inter-character_space_expansion)
    const rigid = { kind: 'glue', width: 0, stretch: 0, shrink: 0, glue: 'inter-character' };
    expect(items[i - 1]).toEqual(rigid);
    expect(items[i + 1]).toEqual(rigid);
    expect(isBreakpoint(items, i - 1)).toBe(false); // after the penalty: · never starts a line
  });

  it('—— is ONE 18 pt box drawing the font’s single 2-em dash glyph (fwid)', () => {
    const items = itemize('怎样？——别人');
    const b = box(items, boxIndex(items, '——'));
    expect(b.width).toBe(18);
    expect(b.run!.glyphs).toHaveLength(1);
    expect(b.run!.glyphs[0].text).toBe('——');
    expect(b.run!.glyphs[0].dx).toBe(0);
  });

  it('…… is ONE 18 pt box', () => {
    const items = itemize('戏剧……然后');
    const b = box(items, boxIndex(items, '……'));
    expect(b.width).toBe(18);
    expect(b.run!.glyphs.map((g) => g.text).join('')).toBe('……');
    expect(items.filter((x) => x.kind === 'box' && textOf(x).includes('…'))).toHaveLength(1);
  });
});

describe('Han–Western spacing (clreq #mixed_text_composition_in_horizontal_writing_mode)', () => {
  it('第4章: glue of 2.25 pt (¼ em) shrinkable to 1.125 pt (⅛ em), growing to ½ em, on both sides of 4', () => {
    const items = itemize('第4章了');
    const four = boxIndex(items, '4');
    for (const g of [items[four - 1], items[four + 1]] as GlueItem[]) {
      expect(g).toEqual({ kind: 'glue', width: 2.25, stretch: 2.25, shrink: 1.125, glue: 'han-western' });
      expect(g.width - g.shrink).toBe(1.125);
    }
    // and it is where the line may break, so it vanishes at a line edge (§4 C23)
    expect(isBreakpoint(items, four - 1)).toBe(true);
  });

  it('a Western word is its letters’ boxes set with the word’s own advances, a last-resort break and a letter space between them', () => {
    const items = itemize('微信WeChat用户');
    const first = boxIndex(items, 'W');
    const last = boxIndex(items, 't');
    const word = items.slice(first, last + 1);
    const boxes = word.filter((x): x is BoxItem => x.kind === 'box');
    expect(boxes.map(textOf).join('')).toBe('WeChat');
    expect(boxes.every((b) => b.width > 0)).toBe(true);
    // Between two letters: a break the breaker takes only when the word is wider than the line
    // (≥ LAST_RESORT_PENALTY), then a zero-width letter space, stretched only as a last resort.
    for (let k = first + 1; k < last; k += 3) {
      expect(items[k]).toMatchObject({ kind: 'penalty', width: 0, flagged: false });
      expect((items[k] as Extract<Item, { kind: 'penalty' }>).penalty).toBeGreaterThanOrEqual(LAST_RESORT_PENALTY);
      expect(items[k + 1]).toMatchObject({ kind: 'glue', width: 0, shrink: 0, glue: 'letter-space', emergency: true });
    }
  });

  it('no Han–Western space next to Chinese punctuation: 5.2%，好', () => {
    const items = itemize('增长5.2%，好');
    const num = boxIndex(items, '%');
    expect(items.slice(num + 1, boxIndex(items, '，')).filter((x) => x.kind === 'glue').map((x) => (x as GlueItem).width)).toEqual([0]);
  });
});

describe('spaces', () => {
  it('a typed space between two Han characters in a headline is a 1-em phrase space (36 pt)', () => {
    const headline = DEFAULT_STYLE.roles.headline;
    const items = itemize('党建 发展壮大', headline);
    const g = items.find((x): x is GlueItem => x.kind === 'glue' && x.glue === 'phrase-space');
    if (g === undefined) throw new Error('no phrase space among the items');
    expect(g).toMatchObject({ kind: 'glue', width: headline.size, stretch: 0, shrink: 0, glue: 'phrase-space' });
    // It draws the typed space as the font's space glyph, so that copied text keeps it.
    expect(g.run).toMatchObject({ face: 'hei-bold', size: 36, glyphs: [{ dx: 0, text: ' ' }] });
    expect(headline.size).toBe(36);
    // breaking at the phrase space is free; inside a phrase it costs the phrase penalty (发展|壮大),
    // inside a word more (党|建, 发|展; 壮|大 is forbidden: no last line of one character)
    const i = items.indexOf(g);
    expect(isBreakpoint(items, i)).toBe(true);
    expect(items.filter((x) => x.kind === 'penalty' && x.penalty === headline.phraseBreakPenalty)).toHaveLength(1);
    expect(items.filter((x) => x.kind === 'penalty' && x.penalty === headline.wordBreakPenalty)).toHaveLength(2);
    expect(headline.wordBreakPenalty).toBeGreaterThan(headline.phraseBreakPenalty);
  });

  it('a space between Western words is the font’s space, growing to ½ em and shrinking to ¼ em', () => {
    const items = itemize('Hello big world');
    const g = items.find((x): x is GlueItem => x.kind === 'glue' && x.glue === 'word-space')!;
    expect(g.width).toBeGreaterThan(0.25 * EM);
    expect(g.width + g.stretch).toBeCloseTo(0.5 * EM, 12);
    expect(g.width - g.shrink).toBeCloseTo(0.25 * EM, 12);
    expect(g.run?.glyphs.map((gl) => gl.text)).toEqual([' ']);
  });
});

describe('with the line breaker (§4 D26: whole-character measure)', () => {
  it('a pure-Han paragraph at 13 em sets 11 characters after the indent, then 13 per line, all at ratio 0', () => {
    const text = '高质量发展是新时代的硬道理亟须不断强化党建引领把党的政治优势组织优势转化为发展优势';
    expect(Array.from(text)).toHaveLength(41);
    const items = itemize(text, BODY);
    const lines = breakLines(items, 13 * EM);
    const counts = lines.map((l) => items.slice(l.start, l.end).filter((x) => x.kind === 'box' && x.run).length);
    expect(counts).toEqual([11, 13, 13, 4]);
    for (const l of lines.slice(0, -1)) {
      expect(l.ratio).toBe(0);
      expect(l.naturalWidth).toBe(117);
    }
  });

  it('a line may end on ，: the break is at its blank, so the mark counts ½ em (GB/T 15834 5.1.10, §4 B14)', () => {
    // 2-em indent + 10 characters + ，= 18 + 90 + 4.5 = 112.5 pt, stretched by 4.5 over 10 gaps
    // of 1.35 pt stretch each (0.15 em): ratio 1/3.
    const items = itemize('高质量发展是新时代的，硬道理亟须不断', BODY);
    const lines = breakLines(items, 13 * EM);
    const first = items.slice(lines[0].start, lines[0].end).filter((x) => x.kind === 'box' && x.run).map(textOf).join('');
    expect(first).toBe('高质量发展是新时代的，');
    expect(items[lines[0].end]).toMatchObject({ kind: 'glue', glue: 'pause-blank' });
    expect(lines[0].naturalWidth).toBe(112.5);
    expect(lines[0].ratio).toBeCloseTo(1 / 3, 12);
  });
});

describe('characters no face has', () => {
  it('each keeps its own text, though all are drawn with .notdef (fontkit reuses one glyph object per id)', () => {
    const items = itemize('表情😀和📱与😀');
    const tofu = items.filter((i): i is BoxItem => i.kind === 'box' && i.run?.glyphs[0]?.id === 0).map(textOf);
    expect(tofu).toEqual(['😀', '📱', '😀']);
  });

  it('a right-to-left word the shaper reorders reads in its own order', () => {
    const word = items(itemize('مرحبا')).join('');
    expect(word).toBe('مرحبا');
  });
});

function items(list: readonly Item[]): string[] {
  return list.map(textOf).filter(Boolean);
}
