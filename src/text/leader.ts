/**
 * An index item (导读): its text, a dot leader, and its page reference flush right at the column
 * edge. The leader is glue that takes all the room the last line leaves (TeX's \leaders with
 * \hfill); it stays on the reference's line, which is never broken from it, so a long item wraps
 * and the leader and reference end its last line. The render stage draws the leader's dots.
 */
import { glue, INFINITE_PENALTY, penalty, type Item } from './items.js';
import { FILL_STRETCH } from './itemize.js';

/** The leader is at least this wide (ems): a reference never touches the text before it. */
const LEADER_MIN_EM = 1.5;

/** The items of a paragraph without its ending (no break, the paragraph's fill, the forced break). */
function withoutEnding(items: readonly Item[]): Item[] {
  const end = items.length - 3;
  const fill = items[end + 1];
  if (end < 0 || fill.kind !== 'glue' || fill.glue !== 'paragraph-fill') throw new Error('an itemized paragraph ends with its fill');
  return items.slice(0, end);
}

/** The items of `text` (a paragraph), a leader, and `ref` (the page reference) ending its last line. */
export function withLeader(text: readonly Item[], ref: readonly Item[], size: number): Item[] {
  return [
    ...withoutEnding(text),
    penalty(INFINITE_PENALTY),
    glue(LEADER_MIN_EM * size, FILL_STRETCH, 0, 'leader'),
    ...withoutEnding(ref),
    penalty(-INFINITE_PENALTY),
  ];
}
