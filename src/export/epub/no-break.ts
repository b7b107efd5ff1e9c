/**
 * Line-break rules the reading system does not know. UAX #14 lets a browser break before an
 * em dash (class B2) and before `·` `–` `～`, and CSS `line-break: strict` does not stop it, so
 * a kicker ending in `——` can leave the dashes alone on the next line. clreq and GB/T 15834 keep
 * them with the character before (as the PDF's breaker does, text/breaks.ts): the character and
 * the marks go in one `<span class="nobr">` (`white-space: nowrap`).
 */

/** Marks that never start a line: the em dash (one or two), the en dash, the interpunct, the wave dash. */
const NO_BREAK_BEFORE = /([^\s—–·～])(—+|–|·|～)/gu;

/** Class of a span the reading system must not break inside. */
export const NO_BREAK_CLASS = 'nobr';

/** A piece of text: plain, or to be kept on one line. */
export interface TextPiece {
  readonly text: string;
  readonly keep: boolean;
}

/** Splits `text` into plain pieces and pieces that must stay on one line (`新——`, `注·`). */
export function noBreakPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(NO_BREAK_BEFORE)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), keep: false });
    pieces.push({ text: m[0], keep: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), keep: false });
  return pieces;
}
