import type { KinsokuLevel } from '../../model/index.js';
import type { CharClass } from './classes.js';

/**
 * Line-start and line-end prohibition (禁则), clreq #prohibition_rules_for_line_start_end.
 * - basic (clreq's recommendation): no pause/stop mark, closing bracket, connector or interpunct
 *   at a line start; no opening bracket at a line end (GB/T 15834 5.1.1–5.1.7);
 * - gb: basic, and no solidus at a line end;
 * - strict: gb, and no 2-em dash or ellipsis at a line start;
 * - none: only the unbreakable marks stay whole.
 * At every level —— and …… are one 2-em unit (clreq #h-unbreakable_marks_punctuation,
 * GB/T 15834 5.1.4).
 */
export function breakForbidden(before: CharClass, after: CharClass, beforeText: string, level: KinsokuLevel): boolean {
  if (before === after && (after === 'dash' || after === 'ellipsis')) return true;
  if (level === 'none') return false;
  if (before === 'opening') return true;
  switch (after) {
    case 'closing':
    case 'stop':
    case 'middle':
    case 'connector':
      return true;
    case 'dash':
    case 'ellipsis':
      if (level === 'strict') return true;
      break;
    default:
      break;
  }
  if ((level === 'gb' || level === 'strict') && beforeText.endsWith('/')) return true;
  return false;
}
