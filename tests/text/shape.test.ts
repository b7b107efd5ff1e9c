/**
 * The shaper (src/text/shape.ts, src/text/fontkit-layout.ts) with the bundled fonts: every glyph
 * carries the characters it stands for, whatever fontkit made its shared glyph object for
 * first. The Noto SC faces have no emoji, no Arabic, and no combining U+0308 or U+0323, but do
 * have ä U+00E4 and ạ U+1EA1, and 礼 U+793C with VS1 as a variant glyph (cmap format 14).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Face, FontBook } from '../../src/fonts/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { layoutRun } from '../../src/text/fontkit-layout.js';
import { Shaper, type MissingGlyph, type ShapedGlyph } from '../../src/text/shape.js';

const WORD = ['kern', 'pwid'];

let fonts: FontBook;
let song: Face;

beforeAll(() => {
  fonts = loadFontBook();
  song = fonts.face('song');
});

const id = (ch: string): number => fonts.glyph(song, ch.codePointAt(0)!)!.id;
const texts = (glyphs: readonly ShapedGlyph[]): string[] => glyphs.map((g) => g.text);
const fresh = (): Shaper => new Shaper(fonts, []);

describe('fontkit layout with the code points of this use (fontkit-layout.ts)', () => {
  it('gives .notdef the character it stands for now, not the one fontkit first made it for', () => {
    song.font.layout('😀');
    const first = song.font.getGlyph(0).codePoints;
    const { glyphs } = layoutRun(song.font, '📱', []);
    expect(glyphs).toEqual([{ id: 0, advance: song.font.getGlyph(0).advanceWidth, codePoints: [0x1f4f1] }]);
    // fontkit's shared glyph object is left as it was.
    expect(song.font.getGlyph(0).codePoints).toEqual(first);
    expect(Object.prototype.hasOwnProperty.call(song.font, 'getGlyph')).toBe(false);
  });

  it('gives a ligature all its components, in order', () => {
    const { glyphs } = layoutRun(song.font, 'office', WORD);
    expect(glyphs.map((g) => String.fromCodePoint(...g.codePoints))).toEqual(['o', 'ffi', 'c', 'e']);
  });
});

describe('characters the face lacks', () => {
  it('are each their own .notdef glyph with their own text, in whatever order they come', () => {
    const shaper = fresh();
    expect(texts(shaper.layout(song, '😀', WORD))).toEqual(['😀']);
    const glyphs = shaper.layout(song, '📱😀', WORD);
    expect(glyphs.map((g) => g.id)).toEqual([0, 0]);
    expect(texts(glyphs)).toEqual(['📱', '😀']);
  });

  it('an Arabic word with no Arabic face: five boxes, each its own letter, in logical order', () => {
    const glyphs = fresh().layout(song, 'مرحبا', WORD);
    expect(glyphs.map((g) => g.id)).toEqual([0, 0, 0, 0, 0]);
    expect(texts(glyphs)).toEqual(['م', 'ر', 'ح', 'ب', 'ا']);
  });

  it('a missing character inside a word leaves the letters around it set as they were', () => {
    const shaper = fresh();
    const glyphs = shaper.layout(song, 'ab😀cd', WORD);
    expect(texts(glyphs)).toEqual(['a', 'b', '😀', 'c', 'd']);
    expect(glyphs.map((g) => g.id)).toEqual([id('a'), id('b'), 0, id('c'), id('d')]);
  });

  it('faceFor reports the first visible character, not an invisible one before it', () => {
    const missing: MissingGlyph[] = [];
    const shaper = new Shaper(fonts, missing);
    shaper.faceFor('body', '\u200b😀');
    expect(missing.map((m) => m.char)).toEqual(['😀']);
  });
});

describe('combining marks keep their code points', () => {
  it('a + U+0323, which the face has only precomposed: the glyph of ạ, standing for a + U+0323', () => {
    const shaper = fresh();
    shaper.layout(song, 'a\u0308', WORD); // .notdef's shared object made for U+0308 first
    expect(shaper.layout(song, 'a\u0323', WORD)).toEqual([{ id: id('\u1ea1'), advance: song.font.getGlyph(id('\u1ea1')).advanceWidth, text: 'a\u0323' }]);
    expect(shaper.layout(song, 'a\u0308', WORD)).toEqual([{ id: id('ä'), advance: song.font.getGlyph(id('ä')).advanceWidth, text: 'a\u0308' }]);
  });

  it('a mark with no precomposed form is a .notdef of its own, after its letter', () => {
    const glyphs = fresh().layout(song, 'x\u0323y', WORD);
    expect(glyphs.map((g) => [g.id, g.text])).toEqual([
      [id('x'), 'x'],
      [0, '\u0323'],
      [id('y'), 'y'],
    ]);
  });

  it('a mark the face has is shaped with its letter', () => {
    expect(texts(fresh().layout(song, 'e\u0301', WORD))).toEqual(['e', '\u0301']);
  });
});

describe('invisible characters (Default_Ignorable_Code_Point) draw nothing', () => {
  it('U+200B inside a word: no glyph, no width; its text goes with the letter before', () => {
    const shaper = fresh();
    const plain = shaper.layout(song, 'foobar', WORD);
    const marked = shaper.layout(song, 'foo\u200bbar', WORD);
    expect(marked.map((g) => [g.id, g.advance])).toEqual(plain.map((g) => [g.id, g.advance]));
    expect(texts(marked)).toEqual(['f', 'o', 'o\u200b', 'b', 'a', 'r']);
  });

  it('whatever .notdef was first made for: hidden or shown does not depend on it', () => {
    const shaper = fresh();
    song.font.layout('\u200b'); // fontkit's .notdef object now has U+200B's code point
    expect(texts(shaper.layout(song, '😀', WORD))).toEqual(['😀']);
    expect(shaper.layout(song, '😀', WORD)[0].advance).toBe(song.font.getGlyph(0).advanceWidth);
  });

  it('U+FEFF before any glyph goes with the first one; a soft hyphen is not drawn (it has a glyph)', () => {
    const shaper = fresh();
    expect(texts(shaper.layout(song, '\ufeffabc', WORD))).toEqual(['\ufeffa', 'b', 'c']);
    const shy = shaper.layout(song, 'a\u00adb', WORD);
    expect(shy.map((g) => g.id)).toEqual([id('a'), id('b')]);
    expect(texts(shy)).toEqual(['a\u00ad', 'b']);
  });

  it('a text of invisible characters only sets nothing', () => {
    expect(fresh().layout(song, '\u200b\u2060', WORD)).toEqual([]);
  });

  it('a variation selector picks the variant glyph (cmap format 14) and stays in the text', () => {
    const shaper = fresh();
    const variant = shaper.char(song, '礼\ufe00');
    expect(variant.id).not.toBe(id('礼'));
    expect(variant.id).toBeGreaterThan(0);
    expect(variant.text).toBe('礼\ufe00');
    expect(shaper.char(song, '礼').id).toBe(id('礼'));
    // 、 with VS1 is in the default table (its own glyph), with VS2 in the non-default one.
    expect(shaper.char(song, '、\ufe00').id).toBe(id('、'));
    expect(shaper.char(song, '、\ufe01').id).not.toBe(id('、'));
    expect(shaper.char(song, '葛\u{e0100}')).toMatchObject({ id: id('葛'), text: '葛\u{e0100}' });
    expect(shaper.char(song, '零\u200b')).toMatchObject({ id: id('零'), text: '零\u200b' });
  });

  it('a selector after a missing character stays with it, in its .notdef', () => {
    expect(fresh().layout(song, '😀\ufe0f', WORD).map((g) => [g.id, g.text])).toEqual([[0, '😀\ufe0f']]);
  });
});
