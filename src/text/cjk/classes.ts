/**
 * Character classes for Chinese composition, after clreq's punctuation tables
 * (#table_of_pause_or_stop_punctuation_marks, #table_of_bracket_indication_punctuation_marks,
 * #table_of_non-bracket_indication_punctuation_marks) and GB/T 15834-2011 §5.1.
 */
export type CharClass =
  | 'han' // ideographs and other full-width characters set solid, 1 em
  | 'opening' // opening brackets and quotes: glyph on the right half
  | 'closing' // closing brackets and quotes: glyph on the left half
  | 'stop' // pause/stop marks 点号: glyph in the lower-left corner
  | 'middle' // interpunct 间隔号: ½ em, centred (Mainland)
  | 'dash' // 破折号 —— : 2 em, never split
  | 'ellipsis' // 省略号 …… : 2 em, never split
  | 'connector' // short connector – and wave dash ～
  | 'space' // a typed space
  | 'western'; // Latin letters, digits and their punctuation: shaped as words

const OPENING = new Set('“‘（《〈【〖〔［｛「『〘');
const CLOSING = new Set('”’）》〉】〗〕］｝」』〙');
const STOP = new Set('、，。．：；？！');
const MIDDLE = new Set('·・');
const DASH = new Set('—⸺');
const ELLIPSIS = new Set('…⋯');
const CONNECTOR = new Set('–～〜');

/**
 * Every mark of the sets above under its class, the first set that has it winning (the order
 * `classify` asks them in): one look-up a character instead of seven.
 */
const MARK_CLASS: ReadonlyMap<string, CharClass> = (() => {
  const classes = new Map<string, CharClass>();
  const sets: [Set<string>, CharClass][] = [[OPENING, 'opening'], [CLOSING, 'closing'], [STOP, 'stop'], [MIDDLE, 'middle'], [DASH, 'dash'], [ELLIPSIS, 'ellipsis'], [CONNECTOR, 'connector']];
  for (const [set, cls] of sets) for (const ch of set) if (!classes.has(ch)) classes.set(ch, cls);
  return classes;
})();

/** Han ideographs (URO, Ext A, compatibility), CJK symbols, kana and full-width forms. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x3200 && cp <= 0x33ff) ||
    (cp >= 0x2460 && cp <= 0x24ff) // circled numbers ①: full-width in Chinese text
  );
}

/** The Han ideographs of the BMP (Ext A and the URO): no mark of MARK_CLASS lies among them. */
const BMP_HAN_FIRST = 0x3400;
const BMP_HAN_LAST = 0x9fff;

export function classify(ch: string): CharClass {
  // Most characters of a paragraph are ideographs: answered by their code before the marks'
  // look-up, which hashes the character's string (the same class either way).
  const unit = ch.charCodeAt(0);
  if (unit >= BMP_HAN_FIRST && unit <= BMP_HAN_LAST) return 'han';
  const mark = MARK_CLASS.get(ch);
  if (mark !== undefined) return mark;
  if (ch === ' ' || ch === '\u00a0' || ch === '\t') return 'space';
  const cp = ch.codePointAt(0)!;
  if (cp === 0x3000) return 'space';
  return isWide(cp) ? 'han' : 'western';
}

/** True for characters set on the CJK grid (everything but Western text and spaces). */
export function isCjk(cls: CharClass): boolean {
  return cls !== 'western' && cls !== 'space';
}

/** True for a Han ideograph proper (not punctuation). */
export function isHanIdeograph(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff);
}
