/**
 * Soft line breaks between Chinese characters must not become spaces: `中\n文` is `中文`,
 * `Chinese\ntext` stays `Chinese text`.
 *
 * A small markdown-it core rule in place of `markdown-it-cjk-breaks`, whose 2.0.0 release
 * crashes on an empty text token before a soft break (`**foo**\nbar`). A soft break becomes
 * an empty text token when the characters on both sides are East Asian wide (East Asian
 * Width F, W or H; Hangul excluded, Korean is written with spaces), or when one side is
 * wide and the other is punctuation Chinese text shares with Western text (“ ” ‘ ’ — … ·).
 */
import type { PluginSimple, StateCore, Token } from 'markdown-it';

/** [first, last] code point ranges of East Asian Width F, W and H, without Hangul. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
  [0x3041, 0x3130], // Hiragana, Katakana, Bopomofo
  [0x3190, 0x33ff], // Kanbun, Bopomofo extended, CJK strokes, Katakana ext., enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff01, 0xff60], // full-width forms
  [0xff61, 0xff9f], // half-width CJK punctuation and Katakana
  [0xffe0, 0xffe6], // full-width signs
  [0x1b000, 0x1b2ff], // Kana supplement and extensions
  [0x20000, 0x2fffd], // CJK extensions B–F, compatibility supplement
  [0x30000, 0x3fffd], // CJK extensions G–I
];

/** Ambiguous-width punctuation that Chinese text uses: joins when the other side is wide. */
const SHARED_PUNCTUATION = new Set([0x201c, 0x201d, 0x2018, 0x2019, 0x2014, 0x2026, 0x00b7]);

/** Whether a code point is East Asian wide (F, W or H), Hangul excluded. */
export function isWide(cp: number): boolean {
  for (const [first, last] of WIDE_RANGES) {
    if (cp < first) return false;
    if (cp <= last) return true;
  }
  return false;
}

/** Whether a soft break between these two characters is dropped rather than made a space. */
export function joinsWithoutSpace(before: number, after: number): boolean {
  const wideBefore = isWide(before);
  const wideAfter = isWide(after);
  if (wideBefore && wideAfter) return true;
  if (wideBefore && SHARED_PUNCTUATION.has(after)) return true;
  return wideAfter && SHARED_PUNCTUATION.has(before);
}

const TEXTUAL = new Set(['text', 'text_special', 'code_inline']);

/** The character next to `children[index]`, looking through emphasis markers; undefined if none. */
function neighbour(children: readonly Token[], index: number, step: 1 | -1): number | undefined {
  for (let i = index + step; i >= 0 && i < children.length; i += step) {
    const child = children[i];
    if (TEXTUAL.has(child.type)) {
      if (child.content === '') continue;
      const chars = Array.from(child.content);
      return (step === 1 ? chars[0] : chars[chars.length - 1]).codePointAt(0);
    }
    if (child.nesting !== 0) continue; // strong_open, em_close …: look through
    return undefined;
  }
  return undefined;
}

function cjkBreaksRule(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children = block.children;
    children.forEach((child, index) => {
      if (child.type !== 'softbreak') return;
      const before = neighbour(children, index, -1);
      const after = neighbour(children, index, 1);
      if (before !== undefined && after !== undefined && joinsWithoutSpace(before, after)) {
        child.type = 'text';
        child.content = '';
        // Still a line end of the source, for errors at the right line (inlines.ts).
        child.meta = { joinedLine: true };
      }
    });
  }
}

/** markdown-it plugin: drop soft breaks between East Asian wide characters. */
export const cjkBreaks: PluginSimple = (md) => {
  md.core.ruler.push('banmian_cjk_breaks', cjkBreaksRule);
};
