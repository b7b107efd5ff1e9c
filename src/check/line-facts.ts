/**
 * What the audit needs to know of a placed line: what it draws (render/drawn-line.ts), from the
 * render stage's own placement, so that the audit measures what is drawn. A build hands the
 * audit the lines its render stage drew; a line met without them is placed here again.
 */
import type { PlacedLine } from '../compose/index.js';
import { drawnLine, placedBoxes, type DrawnLine } from '../render/index.js';

export interface LineFacts extends DrawnLine {
  readonly placed: PlacedLine;
}

/** A line's facts from what the render stage drew of it. */
export function factsOf(placed: PlacedLine, drawn: DrawnLine): LineFacts {
  return { placed, ...drawn };
}

/** A line's facts, placing it again (a column of a vertical head down the page from its top). */
export function lineFacts(placed: PlacedLine): LineFacts {
  return factsOf(placed, drawnLine(placed, placedBoxes(placed)));
}
