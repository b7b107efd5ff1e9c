/**
 * A placed line made with every field, in one order, the optional ones undefined when absent:
 * one hidden class for every line of every page, however it was made (set in a column, a page
 * header's field, a masthead line, a column of a vertical head) or moved since (down its
 * module, a house colour, overprint). The render stage and the audit read every field of every
 * line; lines made by literals of their own, and copied by spreads that change a field, were
 * four classes for the same fields, which made each of those reads polymorphic, and the read
 * of `kind` beside the photos' class megamorphic.
 */
import type { PlacedLine } from './types.js';

/** The fields of a placed line, as given to `placedLine`. */
export type PlacedLineFields = Omit<PlacedLine, 'kind'>;

/** The line of fields `f`, on `baseline` (its own, or another when a line is moved down the page: not a spread of it first, a copy a line for nothing). */
export function placedLine(f: PlacedLineFields, baseline = f.baseline): PlacedLine {
  return {
    kind: 'line',
    x: f.x,
    baseline,
    measure: f.measure,
    align: f.align,
    items: f.items,
    line: f.line,
    last: f.last,
    tag: f.tag,
    origin: f.origin,
    onGrid: f.onGrid,
    vertical: f.vertical,
    colour: f.colour,
    overprint: f.overprint,
  };
}
