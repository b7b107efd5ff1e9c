/**
 * Invisible characters: Unicode's Default_Ignorable_Code_Point property (Unicode §5.21
 * "Ignoring Characters in Processing", DerivedCoreProperties.txt). A font that has no glyph for
 * one of them must not show a box or leave a gap: it is set with no width and draws nothing.
 *
 * They still mean something, so none is simply dropped:
 * - a variation selector (Unicode §23.4), a zero-width joiner or non-joiner, the combining grapheme
 *   joiner and the rest go with the character before them, into the text its glyph stands for
 *   (U+845B U+E0100 葛󠄀 is one character to copy, and to look up in the font's cmap);
 * - the three that steer line breaking (UAX #14 §5.1 classes ZW, WJ and BA) do that, then leave
 *   nothing in the PDF's text: U+200B ZERO WIDTH SPACE is a break opportunity, U+2060 WORD
 *   JOINER and U+FEFF ZERO WIDTH NO-BREAK SPACE forbid a break, U+00AD SOFT HYPHEN is a break that
 *   shows a hyphen (in words that are hyphenated at all).
 */

/** Unicode §5.21 Default_Ignorable_Code_Point (the ECMAScript property is Unicode's own table). */
const DEFAULT_IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const DEFAULT_IGNORABLES = /\p{Default_Ignorable_Code_Point}/gu;
/** Unicode §23.4 Variation_Selector: U+FE00–FE0F, U+E0100–E01EF and the Mongolian FVS. */
const VARIATION_SELECTOR = /^\p{Variation_Selector}$/u;

export const ZERO_WIDTH_SPACE = '\u200b';
export const WORD_JOINER = '\u2060';
export const ZERO_WIDTH_NO_BREAK_SPACE = '\ufeff';
export const SOFT_HYPHEN = '\u00ad';

/** What an invisible character does to line breaking: UAX #14 classes ZW, WJ, and SHY's BA. */
export type BreakControl = 'break' | 'no-break' | 'hyphen';

const BREAK_CONTROLS: ReadonlyMap<string, BreakControl> = new Map<string, BreakControl>([
  [ZERO_WIDTH_SPACE, 'break'],
  [WORD_JOINER, 'no-break'],
  [ZERO_WIDTH_NO_BREAK_SPACE, 'no-break'],
  [SOFT_HYPHEN, 'hyphen'],
]);
/** The break controls' code units (each is one unit): a number is looked up without hashing a string. */
const BREAK_CONTROL_UNITS: ReadonlySet<number> = new Set([...BREAK_CONTROLS.keys()].map((c) => c.charCodeAt(0)));

/** The break controls, to strip them in one pass. */
const BREAK_CONTROL_CHARS = new RegExp(`[${[...BREAK_CONTROLS.keys()].join('')}]`, 'gu');

/** U+00AD SOFT HYPHEN is the first default-ignorable code point: below it, no need to ask. */
const FIRST_IGNORABLE = 0xad;
/**
 * From U+3165 (after U+3164 HANGUL FILLER) to U+FDFF (before the variation selectors U+FE00–FE0F)
 * no code point is default-ignorable: the Han ideographs, kana and CJK marks of a page's text
 * are answered without the regular expression (tests/text/ignorable.test.ts asks it of them all).
 */
const IGNORABLE_FREE = { from: 0x3165, to: 0xfdff } as const;

/** True for one code point with Unicode's Default_Ignorable_Code_Point property. */
export function isDefaultIgnorable(ch: string): boolean {
  // The code point, not its first UTF-16 unit: U+E0100's high surrogate is in the free range.
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < FIRST_IGNORABLE || (cp >= IGNORABLE_FREE.from && cp <= IGNORABLE_FREE.to)) return false;
  return DEFAULT_IGNORABLE.test(ch);
}

/** True for a variation selector: it picks a glyph for the character before it (cmap format 14). */
export function isVariationSelector(ch: string): boolean {
  return VARIATION_SELECTOR.test(ch);
}

/** The line-breaking role of one code point, if it is one of the invisible break controls. */
export function breakControl(ch: string): BreakControl | undefined {
  return BREAK_CONTROLS.get(ch);
}

/** The first code point of `text` that is not default-ignorable (the character it sets), or undefined. */
export function baseOf(text: string): string | undefined {
  for (const ch of text) if (!isDefaultIgnorable(ch)) return ch;
  return undefined;
}

/** `text` without its default-ignorable code points: what it shows. */
export function withoutIgnorables(text: string): string {
  return text.replace(DEFAULT_IGNORABLES, '');
}

/**
 * `text` as the PDF's text layer gives it back: without the break controls, which have done
 * their work once the lines are set (a ZWSP copied out of a page only stops a search from
 * finding the words on either side of it). Variation selectors and joiners stay: they are part
 * of the characters a glyph stands for.
 */
export function withoutBreakControls(text: string): string {
  // Most texts are one character of one UTF-16 unit (a glyph's): asked without a regular
  // expression, as the PDF asks for each of a page's glyphs.
  if (text.length === 1) return BREAK_CONTROL_UNITS.has(text.charCodeAt(0)) ? '' : text;
  return text.replace(BREAK_CONTROL_CHARS, '');
}
