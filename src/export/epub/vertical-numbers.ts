/**
 * Arabic numbers in vertical text (竖排). Left alone, a reading system turns every Latin run a
 * quarter, so `12年` reads sideways. clreq sets short numbers horizontally inside the vertical
 * line (纵中横, tate-chu-yoko) and longer ones with each digit upright
 * (clreq #h-handling_of_western_text_in_vertical_writing_mode). Latin words stay turned, as
 * there. Numbers joined to letters (`5G`, `H5`) are part of a Latin word and stay with it.
 */

/** Digit runs up to this many digits are set as one upright block (`text-combine-upright`). */
export const TATE_CHU_YOKO_DIGITS = 2;

/** Class of a span set horizontally in the vertical line. */
export const TCY_CLASS = 'tcy';
/** Class of a span whose characters stand upright one below the other. */
export const UPRIGHT_CLASS = 'upright';

/** A number: digits, with decimal points or thousands separators between digits. */
const NUMBER = /(?<![0-9A-Za-z])[0-9]+(?:[.,][0-9]+)*(?![0-9A-Za-z])/g;

/**
 * Wraps the numbers of already-escaped XHTML text in spans for vertical writing: up to
 * `TATE_CHU_YOKO_DIGITS` plain digits → `<span class="tcy">`, any longer number →
 * `<span class="upright">`. Escaped text holds no digits inside entities (`&amp;` `&lt;`
 * `&gt;` only), so the pattern cannot cut one.
 */
export function markVerticalNumbers(escaped: string): string {
  return escaped.replace(NUMBER, (n) => {
    const cls = /^[0-9]+$/.test(n) && n.length <= TATE_CHU_YOKO_DIGITS ? TCY_CLASS : UPRIGHT_CLASS;
    return `<span class="${cls}">${n}</span>`;
  });
}
