import { breakLines } from '../linebreak/index.js';
import type { HouseStyle } from '../model/index.js';
import type { ItemizedHeader, SetText } from '../text/index.js';
import { baselineIn, type PageGeometry } from './geometry.js';
import { PAGE, type HeaderField, type PlacedLine, type PlacedRule } from './types.js';

/** Line pitches the page header (报眉) takes above the type area (版心), in the top margin. */
export const HEADER_LINES = 3;
/** Space between header fields, in ems of the body. */
const FIELD_GAP_EM = 1.5;
/** The thin rule under the thick one, and the gap between them (points). */
const THIN_RULE = 0.3;
const RULE_GAP = 1.5;

function oneLine(set: SetText, field: HeaderField, x: number, baseline: number): { line: PlacedLine; width: number } {
  const [line] = breakLines(set.items, Number.MAX_SAFE_INTEGER / 4, { mode: 'first-fit', tolerance: 1, linePenalty: 0, fitnessDemerits: 0 });
  const width = line.naturalWidth;
  return {
    line: { kind: 'line', x, baseline, measure: width, align: 'left', items: set.items, line: { ...line, ratio: 0, width }, last: true, tag: { article: PAGE, role: 'Artifact' }, origin: { kind: 'header', field }, onGrid: false },
    width,
  };
}

/**
 * The page header: folio and section name on the left, date and paper name on the right,
 * all on one baseline, over a thick-and-thin rule that closes the header band.
 */
export function layoutHeader(header: ItemizedHeader, geometry: PageGeometry, style: HouseStyle): { lines: PlacedLine[]; rules: PlacedRule[] } {
  const slot = (HEADER_LINES - 1) * geometry.pitch;
  const headerTop = geometry.top - HEADER_LINES * geometry.pitch;
  const baseline = baselineIn(headerTop, slot, style.headerPaper.size);
  const gap = FIELD_GAP_EM * geometry.em;
  const lines: PlacedLine[] = [];
  let x = geometry.left;
  for (const [set, field] of [[header.folio, 'folio'], [header.section, 'section']] as const) {
    const placed = oneLine(set, field, x, baseline);
    lines.push(placed.line);
    x += placed.width + gap;
  }
  let right = geometry.left + geometry.width;
  for (const [set, field] of [[header.paper, 'paper'], [header.date, 'date']] as const) {
    const probe = oneLine(set, field, 0, baseline);
    right -= probe.width;
    lines.push({ ...probe.line, x: right });
    right -= gap;
  }
  const ruleY = headerTop + slot;
  const rules: PlacedRule[] = [
    { kind: 'rule', article: PAGE, x1: geometry.left, y1: ruleY, x2: geometry.left + geometry.width, y2: ruleY, width: style.rules.header },
    { kind: 'rule', article: PAGE, x1: geometry.left, y1: ruleY + RULE_GAP + style.rules.header, x2: geometry.left + geometry.width, y2: ruleY + RULE_GAP + style.rules.header, width: THIN_RULE },
  ];
  if (header.editor) {
    const probe = oneLine(header.editor, 'editor', 0, geometry.top + geometry.height + geometry.pitch * 1.5);
    lines.push({ ...probe.line, x: geometry.left + geometry.width - probe.width });
  }
  return { lines, rules };
}
