/**
 * The dots of an index item's leader (导读 ……… 第3版): small dots at a fixed pitch from the
 * column's left edge, so that the leaders of the items above one another line up, with a little
 * space left at each end. The leader is glue of kind `leader` (text/leader.ts); the line's
 * justification gives it the room the last line leaves (justify.ts).
 */
import type { PlacedLine } from '../compose/index.js';
import type { Colour, DrawOp } from './draw-op.js';
import { glueDeltas } from './justify.js';

const BLACK: Colour = { space: 'gray', value: 0 };

/** Dot pitch, radius and height of the dots' centres above the baseline, in ems of the line's size (the centre of a 中 box, as …… sits). */
const LEADER_PITCH_EM = 0.5;
const LEADER_DOT_RADIUS_EM = 0.06;
const LEADER_HEIGHT_EM = 0.38;
/** Space kept clear at each end of the leader, in ems. */
const LEADER_CLEAR_EM = 0.25;

/** Dots for every leader glue of a placed line (none for a line without one). */
export function leaderDots(placed: PlacedLine): DrawOp[] {
  const { items, line } = placed;
  let has = false;
  for (let i = line.start; i < line.end; i++) {
    const item = items[i];
    if (item.kind === 'glue' && item.glue === 'leader') has = true;
  }
  if (!has) return [];
  const deltas = glueDeltas(items, line, placed.align);
  const dots: DrawOp[] = [];
  // Lines with a leader are justified: they start at the measure's left edge.
  let x = placed.x;
  let size = 0;
  for (let i = line.start; i < line.end; i++) {
    const item = items[i];
    if (item.kind === 'box') {
      x += item.width;
      if (item.run) size = item.run.size;
    } else if (item.kind === 'glue') {
      const width = item.width + deltas[i - line.start];
      if (item.glue === 'leader' && size > 0) {
        const pitch = LEADER_PITCH_EM * size;
        const from = x + LEADER_CLEAR_EM * size;
        const to = x + width - LEADER_CLEAR_EM * size;
        for (let k = Math.ceil((from - placed.x) / pitch); placed.x + k * pitch + pitch <= to + 1e-6; k++) {
          dots.push({ op: 'dot', cx: placed.x + k * pitch + pitch / 2, cy: placed.baseline - LEADER_HEIGHT_EM * size, r: LEADER_DOT_RADIUS_EM * size, colour: BLACK });
        }
      }
      x += width;
    }
  }
  return dots;
}
