import LineBreaker from 'linebreak';
import { isCjk, type CharClass } from './cjk/classes.js';
import { breakForbidden } from './cjk/kinsoku.js';
import type { KinsokuLevel } from '../model/index.js';
import { breakControl, withoutIgnorables } from './ignorable.js';

/**
 * Break opportunities of a text: `allowed[i]` is true when a line may break before the i-th
 * character (a code point, with the invisible ones it carries). The base is the Unicode
 * line-breaking algorithm (UAX #14, `linebreak` package); wherever a CJK character is on either
 * side the clreq rules decide instead, because the package's pre-15.1 tables treat “ ” as
 * ambiguous quotes (no break on either side) and let · and — start a line (reference notes §3.3).
 *
 * A character may carry invisible ones after it (ignorable.ts): UAX #14 sees them (a break after
 * U+200B ZWSP, none around U+2060 WORD JOINER or U+FEFF, class WJ), and where the clreq rules
 * decide a word joiner still forbids the break (a ZWSP never allows one they forbid).
 */
export function breakOpportunities(chars: readonly string[], classes: readonly CharClass[], level: KinsokuLevel = 'basic'): boolean[] {
  const allowed = new Array<boolean>(chars.length + 1).fill(false);
  if (uax14Decides(classes)) uax14Opportunities(chars, allowed);
  // UAX #14 LB3: always a break at the end of the text. Everywhere else a CJK neighbour
  // hands the decision to the clreq rules below, so UAX #14 need not run at all.
  else if (chars.length > 0) allowed[chars.length] = true;
  for (let i = 1; i < chars.length; i++) {
    const before = classes[i - 1];
    const after = classes[i];
    if (isCjk(before) || isCjk(after)) {
      const carries = chars[i - 1].length > 1; // only then can it carry an invisible character
      allowed[i] = !breakForbidden(before, after, carries ? withoutIgnorables(chars[i - 1]) : chars[i - 1], level) && !(carries && joined(chars[i - 1]));
    }
    // An opening bracket may not end a line, spaces after it or not (GB/T 15834 5.1.7; UAX #14
    // LB14, OP SP* ×): 《 现 does not break after the space either.
    if (allowed[i] && level !== 'none' && before === 'space' && openingBefore(classes, i - 1)) allowed[i] = false;
  }
  allowed[0] = false;
  return allowed;
}

/** Whether some boundary has no CJK character on either side: UAX #14 decides it. */
function uax14Decides(classes: readonly CharClass[]): boolean {
  for (let i = 1; i < classes.length; i++) if (!isCjk(classes[i - 1]) && !isCjk(classes[i])) return true;
  return false;
}

/** UAX #14's opportunities (the `linebreak` package) set in `allowed`, by code point index. */
function uax14Opportunities(chars: readonly string[], allowed: boolean[]): void {
  const text = chars.join('');
  // UAX #14 positions are UTF-16 offsets: each character's index at the offset it starts at
  // (and the text's end), none inside one. An array, not a map: every character of every
  // paragraph with Western text is stored once.
  const indexAt = new Int32Array(text.length + 1).fill(NOT_A_START);
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    indexAt[offset] = i;
    offset += chars[i].length;
  }
  indexAt[offset] = chars.length;
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const i = indexAt[bk.position];
    if (i !== NOT_A_START) allowed[i] = true;
  }
}

/** An offset inside a character (its second UTF-16 unit, or an invisible one it carries). */
const NOT_A_START = -1;

/** True when the last character before the spaces ending at `i` is an opening bracket. */
function openingBefore(classes: readonly CharClass[], i: number): boolean {
  let j = i;
  while (j >= 0 && classes[j] === 'space') j--;
  return j >= 0 && classes[j] === 'opening';
}

/** True when a character ends with a word joiner (UAX #14 LB11: no break after WJ). */
function joined(text: string): boolean {
  const last = Array.from(text).at(-1);
  return last !== undefined && breakControl(last) === 'no-break';
}
