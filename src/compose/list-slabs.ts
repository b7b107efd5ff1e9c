/**
 * Hanging marks: a list item's numeral or bullet, a note's number, hung in the indent at the
 * left of the column, the item's lines set beside it (a hanging indent). A list item is set on
 * the body grid, one slab a line like a paragraph; a note is set small at its own leading and
 * kept whole, in whole grid lines (like a head), at the foot of its article.
 */
import type { SetText } from '../text/index.js';
import type { LineCache } from './line-cache.js';
import { setLines, stackLines, visibleChars, type RelativeLine, type Slab } from './slabs.js';
import type { StructureRole } from './types.js';

/** The space between a hanging mark and the item's text, at least (ems of the item's size). */
const MARK_GAP_EM = 0.25;
/** The indent is a whole number of these (ems): ① takes 1½ em, a bullet 1 em. */
const HANG_STEP_EM = 0.5;

/** How far an item's lines are indented: its mark and a gap, rounded up to half ems. */
export function hangWidth(marker: SetText, size: number): number {
  let width = 0;
  for (const item of marker.items) if (item.kind === 'box') width += item.width;
  const step = HANG_STEP_EM * size;
  return Math.ceil((width + MARK_GAP_EM * size) / step - 1e-6) * step;
}

/** Height of the centre of a CJK em box above its baseline, in ems (the ideographic box sits 0.12 em below it). */
const EM_CENTRE = 0.38;

/** The mark's line beside the item's first line: on its baseline, a smaller mark (a bullet) raised to centre on the text. */
export function markerLine(marker: SetText, hang: number, first: RelativeLine, index: number, cache: LineCache): RelativeLine {
  const [line] = setLines(marker, hang, cache);
  const raise = EM_CENTRE * (first.set.style.size - marker.style.size);
  return { dx: 0, dy: first.dy - raise, measure: hang, set: marker, line, last: true, tag: first.tag, origin: { kind: 'marker', index }, onGrid: false };
}

/** A note: its number hung in the indent, its text at its own leading, centred in whole grid lines. */
export function noteSlab(set: SetText, marker: SetText, role: StructureRole, measure: number, pitch: number, article: string, block: number, cache: LineCache): Slab {
  const hang = hangWidth(marker, set.style.size);
  const tag = { article, role };
  const origin = { kind: 'block', index: block } as const;
  const probe = stackLines(set, set.style, measure - hang, tag, origin, cache, 0, hang);
  const gridLines = Math.max(1, Math.ceil(probe.height / pitch - 1e-6));
  const top = (gridLines * pitch - probe.height) / 2;
  const { lines } = stackLines(set, set.style, measure - hang, tag, origin, cache, top, hang);
  const content = lines.length > 0 ? [markerLine(marker, hang, lines[0], block, cache), ...lines] : lines;
  return { lines: gridLines, content, keepWithNext: false, discardableAtTop: false, block, item: 0, chars: visibleChars(set.text) };
}
