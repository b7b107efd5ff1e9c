/**
 * What the audit needs to know of a placed line: what it draws (render/drawn-line.ts), from the
 * render stage's own placement, so that the audit measures what is drawn. A build hands the
 * audit the lines its render stage drew; a line met without them is placed here again.
 */
import type { PlacedLine } from '../compose/index.js';
import { drawnLine, placedBoxes, type DrawnLine } from '../render/index.js';

/** What the audit knows of a line: what it draws, and the line (render/drawn-line.ts). */
export type LineFacts = DrawnLine;

/** A line's facts from what the render stage drew of it, which must be that line. */
export function factsOf(placed: PlacedLine, drawn: DrawnLine): LineFacts {
  if (drawn.placed !== placed) throw new Error('audit: a drawn line is not the line placed in its place');
  return drawn;
}

/** A line's facts, placing it again (a column of a vertical head down the page from its top). */
export function lineFacts(placed: PlacedLine): LineFacts {
  return factsOf(placed, drawnLine(placed, placedBoxes(placed)));
}
