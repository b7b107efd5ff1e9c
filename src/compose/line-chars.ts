/**
 * The characters a reader sees in a stretch of a set text's items: the code points of its
 * glyphs' texts, white space apart, counted as `visibleChars` (slabs.ts) counts their joined
 * text, without joining them. Every line of a paragraph is counted each time its block is made
 * into slabs (for what an overset would leave out), so no string is built for it.
 */
import { isHighSurrogate, isLowSurrogate, type SetText } from '../text/index.js';
import type { RelativeLine } from './slabs.js';

/**
 * A UTF-16 unit that `/\s/` matches: ECMAScript's WhiteSpace and LineTerminator (ECMA-262
 * §12.2, §12.3): tab, line feed, vertical tab, form feed, carriage return, U+FEFF, the line and
 * paragraph separators, and the space separators (Zs). tests/compose/line-chars.test.ts asks
 * every unit of the regular expression.
 */
function isWhiteSpace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

/** Visible characters of the glyphs of `set.items[start, end)`: visibleChars of their texts joined. */
export function itemChars(set: SetText, start: number, end: number): number {
  let count = 0;
  // A high surrogate just counted: a low one after it (white space between them left out, as
  // in the joined text) completes its pair and is not counted again.
  let afterHigh = false;
  for (let i = start; i < end; i++) {
    const item = set.items[i];
    if (item.kind !== 'box' || !item.run) continue;
    const glyphs = item.run.glyphs;
    for (let g = 0; g < glyphs.length; g++) {
      const text = glyphs[g].text;
      for (let k = 0; k < text.length; k++) {
        const unit = text.charCodeAt(k);
        if (isWhiteSpace(unit)) continue;
        if (afterHigh && isLowSurrogate(unit)) {
          afterHigh = false;
          continue;
        }
        count++;
        afterHigh = isHighSurrogate(unit);
      }
    }
  }
  return count;
}

/** Characters a reader sees on a line. */
export function lineChars(line: RelativeLine): number {
  return itemChars(line.set, line.line.start, line.line.end);
}
