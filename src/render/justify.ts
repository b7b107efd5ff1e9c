import type { Align } from '../model/index.js';
import type { Line } from '../linebreak/index.js';
import type { GlueKind, Item } from '../text/index.js';

/**
 * clreq #procedures_for_inter-character_spacing_reduction: compress Western word spaces first,
 * then brackets, then ，、；, then Han–Western gaps, then 。？！ (line-end marks were already
 * trimmed by the break).
 */
const SHRINK_ORDER: readonly GlueKind[] = ['word-space', 'bracket-blank', 'pause-blank', 'han-western', 'stop-blank'];
/**
 * clreq #procedures_for_inter-character_space_expansion: widen Western word spaces (to ½ em),
 * then Han–Western gaps (to ½ em), and only then every gap between characters evenly.
 */
const STRETCH_ORDER: readonly GlueKind[] = ['word-space', 'han-western'];
/** When a line has no gap between characters to open (a Western line), these take the rest. */
const LAST_RESORT: readonly GlueKind[] = ['word-space', 'han-western', 'phrase-space'];
/**
 * A line with nothing else to open (the middle of a URL or number broken across lines) is
 * letter-spaced between the pieces of its token, so that it still ends at its measure; a Western
 * word is never letter-spaced otherwise (clreq #handling_western_text_in_chinese_text_using_proportional_western_fonts).
 */
const LETTERS: readonly GlueKind[] = ['letter-space'];

/** Each kind of SHRINK_ORDER and STRETCH_ORDER as a list of its own, and the leader's: made once, not a line. */
const SHRINK_STEPS: readonly (readonly GlueKind[])[] = SHRINK_ORDER.map((kind) => [kind]);
const STRETCH_STEPS: readonly (readonly GlueKind[])[] = STRETCH_ORDER.map((kind) => [kind]);
const INTER_CHARACTER: readonly GlueKind[] = ['inter-character'];
const LEADER: readonly GlueKind[] = ['leader'];

/** Share `amount` among the glue of `kinds`, in proportion to `capacity`, at most each capacity if `capped`. */
function share(items: readonly Item[], line: Line, deltas: number[], kinds: readonly GlueKind[], amount: number, sign: 1 | -1, capped: boolean): number {
  // Nothing left to share (the usual case after the first kind that has glue): the line is not read.
  if (amount <= 0) return amount;
  let capacity = 0;
  for (let i = line.start; i < line.end; i++) {
    const item = items[i];
    if (item.kind === 'glue' && kinds.includes(item.glue)) capacity += sign > 0 ? item.stretch : item.shrink;
  }
  if (capacity <= 0) return amount;
  const used = capped ? Math.min(amount, capacity) : amount;
  for (let i = line.start; i < line.end; i++) {
    const item = items[i];
    if (item.kind === 'glue' && kinds.includes(item.glue)) {
      deltas[i - line.start] += (sign * used * (sign > 0 ? item.stretch : item.shrink)) / capacity;
    }
  }
  return amount - used;
}

/**
 * How much each glue of a line grows (+) or shrinks (−), in clreq's order, so that a justified
 * line ends exactly at its measure. A paragraph's last line is not stretched; other alignments
 * only shrink, and only when they must.
 */
export function glueDeltas(items: readonly Item[], line: Line, align: Align): number[] {
  const deltas = new Array<number>(line.end - line.start).fill(0);
  const excess = line.naturalWidth - line.width;
  if (excess > 0) {
    let left = excess;
    for (const kinds of SHRINK_STEPS) left = share(items, line, deltas, kinds, left, -1, true);
    return deltas;
  }
  // Whether the line ends its paragraph, and whether it has a leader (most lines have none: the
  // leader's share is then not looked for).
  let last = false;
  let leader = false;
  for (let i = line.start; i < line.end; i++) {
    const item = items[i];
    if (item.kind !== 'glue') continue;
    if (item.glue === 'paragraph-fill') last = true;
    else if (item.glue === 'leader') leader = true;
  }
  // An index item's last line: its dot leader takes all the room, the reference ends flush right.
  if (leader && !last && excess < 0 && share(items, line, deltas, LEADER, -excess, 1, false) === 0) return deltas;
  if (align !== 'justify' || last || excess === 0) return deltas;
  let left = -excess;
  for (const kinds of STRETCH_STEPS) left = share(items, line, deltas, kinds, left, 1, true);
  left = share(items, line, deltas, INTER_CHARACTER, left, 1, false);
  left = share(items, line, deltas, LAST_RESORT, left, 1, false);
  share(items, line, deltas, LETTERS, left, 1, false);
  return deltas;
}
