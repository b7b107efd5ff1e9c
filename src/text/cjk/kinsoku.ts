import type { KinsokuLevel } from '../../model/index.js';
import { classify, isCjk, type CharClass } from './classes.js';

/**
 * Which prohibition rule (禁则) a line break between two characters would break: a mark that
 * may not start a line, one that may not end a line, or a mark that may not be split.
 */
export type KinsokuRule = 'line-start' | 'line-end' | 'unbreakable';

/**
 * Line-start and line-end prohibition (禁则), clreq #prohibition_rules_for_line_start_end.
 * - basic (clreq's recommendation): no pause/stop mark, closing bracket, connector or interpunct
 *   at a line start; no opening bracket at a line end (GB/T 15834 5.1.1–5.1.7);
 * - gb: basic, and no solidus at a line end;
 * - strict: gb, and no 2-em dash or ellipsis at a line start;
 * - none: only the unbreakable marks stay whole.
 * At every level —— and …… are one 2-em unit (clreq #h-unbreakable_marks_punctuation,
 * GB/T 15834 5.1.4). Returns the rule a break between `before` and `after` breaks, or null.
 */
export function kinsokuRule(before: CharClass, after: CharClass, beforeText: string, level: KinsokuLevel): KinsokuRule | null {
  if (before === after && (after === 'dash' || after === 'ellipsis')) return 'unbreakable';
  if (level === 'none') return null;
  if (before === 'opening') return 'line-end';
  switch (after) {
    case 'closing':
    case 'stop':
    case 'middle':
    case 'connector':
      return 'line-start';
    case 'dash':
    case 'ellipsis':
      if (level === 'strict') return 'line-start';
      break;
    default:
      break;
  }
  if ((level === 'gb' || level === 'strict') && beforeText.endsWith('/')) return 'line-end';
  return null;
}

/** True when clreq forbids a line break between characters of these classes. */
export function breakForbidden(before: CharClass, after: CharClass, beforeText: string, level: KinsokuLevel): boolean {
  return kinsokuRule(before, after, beforeText, level) !== null;
}

/**
 * The rule broken by a line that ends with `before` and a next line that starts with `after`
 * (one character each), or null. The rules are clreq's and apply where either side is a CJK
 * character or mark; a break between two Western characters is UAX #14's business.
 */
export function lineBreakViolation(before: string, after: string, level: KinsokuLevel): KinsokuRule | null {
  const a = classify(before);
  const b = classify(after);
  if (!isCjk(a) && !isCjk(b)) return null;
  return kinsokuRule(a, b, before, level);
}
