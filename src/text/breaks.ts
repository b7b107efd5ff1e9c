import LineBreaker from 'linebreak';
import { isCjk, type CharClass } from './cjk/classes.js';
import { breakForbidden } from './cjk/kinsoku.js';
import type { KinsokuLevel } from '../model/index.js';

/**
 * Break opportunities of a text: `allowed[i]` is true when a line may break before the i-th
 * code point. The base is the Unicode line-breaking algorithm (UAX #14, `linebreak` package);
 * wherever a CJK character is on either side the clreq rules decide instead, because the
 * package's pre-15.1 tables treat “ ” as ambiguous quotes (no break on either side) and let
 * · and — start a line (reference notes §3.3).
 */
export function breakOpportunities(chars: readonly string[], classes: readonly CharClass[], level: KinsokuLevel = 'basic'): boolean[] {
  const allowed = new Array<boolean>(chars.length + 1).fill(false);
  // UAX #14 positions are UTF-16 offsets; map them to code point indices.
  const text = chars.join('');
  const cpIndexAtOffset = new Map<number, number>();
  let offset = 0;
  chars.forEach((ch, i) => {
    cpIndexAtOffset.set(offset, i);
    offset += ch.length;
  });
  cpIndexAtOffset.set(offset, chars.length);
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const i = cpIndexAtOffset.get(bk.position);
    if (i !== undefined) allowed[i] = true;
  }
  for (let i = 1; i < chars.length; i++) {
    const before = classes[i - 1];
    const after = classes[i];
    if (isCjk(before) || isCjk(after)) {
      allowed[i] = !breakForbidden(before, after, chars[i - 1], level);
    }
  }
  allowed[0] = false;
  return allowed;
}

