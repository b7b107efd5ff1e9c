import type { CharClass } from './classes.js';

/**
 * Line-start and line-end prohibition (禁则), clreq #prohibition_rules_for_line_start_end,
 * level "basic" (the most recommended): no pause/stop mark, closing bracket, connector or
 * interpunct at a line start; no opening bracket at a line end. GB/T 15834 5.1.1–5.1.7.
 */
export function breakForbidden(before: CharClass, after: CharClass): boolean {
  if (before === 'opening') return true; // an opening bracket never ends a line
  switch (after) {
    case 'closing':
    case 'stop':
    case 'middle':
    case 'connector':
      return true; // these never start a line
    default:
      break;
  }
  // clreq #h-unbreakable_marks_punctuation: —— and …… are one 2-em unit (GB/T 15834 5.1.4).
  if (before === after && (after === 'dash' || after === 'ellipsis')) return true;
  return false;
}
