import { breakLines } from '../linebreak/index.js';
import { ContentError, HAO, SAFE_MARGIN_MM, type HouseStyle } from '../model/index.js';
import { scaleItems, type ItemizedHeader, type SetText } from '../text/index.js';
import { EM_BOX_ASCENT, PT_PER_MM, type PageGeometry } from './geometry.js';
import { planHeader, type HeaderPlan, type RunningField } from './header-rows.js';
import { PAGE, type HeaderField, type PlacedLine, type PlacedRule } from './types.js';
import { placedLine } from './placed-line.js';

/** Space between header fields when the line has room, in ems of the body. */
const FIELD_GAP_EM = 1.5;
/** The least space between two fields: a full-width space (全角空格), the usual separator of
 *  the fields of a Chinese running head, still reads as a break between them. */
const MIN_FIELD_GAP_EM = 1;
/** The least space between the fields on the left and those on the right: two full-width
 *  spaces, so the two groups still read apart. */
const MIN_GROUP_GAP_EM = 2;
/** No field is set below 六号, the smallest legible size (reference §2.2). */
const MIN_FIELD_SIZE = HAO.六号;
/** Space between two lines of a running head set on more than one, in ems of the body. */
const ROW_GAP_EM = 0.5;
/** The header's text keeps this clear of the top of its band and of the rule under it (body ems). */
const AIR_EM = 0.5;
/** Line pitches of space between the header's rules and the type area (版心). */
const SPACE_LINES_BELOW = 1;
/** The thin rule under the thick one, and the gap between them (points). */
const THIN_RULE = 0.3;
const RULE_GAP = 1.5;
/** The credit line's baseline under the type area, in line pitches. */
const CREDIT_BASELINE_PITCHES = 1.5;
const EPSILON = 1e-9;

/** The running head and the credit line, and the type area they leave to the articles. */
export interface PageHeader {
  readonly lines: PlacedLine[];
  readonly rules: PlacedRule[];
  /** The page's geometry, its type area made shorter where the margins could not hold the
   *  running head or the credit line; the same object when they could. */
  readonly geometry: PageGeometry;
  /** Grid lines the running head's band takes above the type area, its space below included
   *  (what a front page's masthead takes over). */
  readonly bandLines: number;
}

function measure(set: SetText): number {
  const [line] = breakLines(set.items, Number.MAX_SAFE_INTEGER / 4, { mode: 'first-fit', tolerance: 1, linePenalty: 0, fitnessDemerits: 0 });
  return line.naturalWidth;
}

function scaled(set: SetText, factor: number): SetText {
  if (factor === 1) return set;
  return { ...set, style: { ...set.style, size: set.style.size * factor, leading: set.style.leading * factor }, items: scaleItems(set.items, factor) };
}

function oneLine(set: SetText, field: HeaderField, x: number, baseline: number): PlacedLine {
  const [line] = breakLines(set.items, Number.MAX_SAFE_INTEGER / 4, { mode: 'first-fit', tolerance: 1, linePenalty: 0, fitnessDemerits: 0 });
  const width = line.naturalWidth;
  return placedLine({ x, baseline, measure: width, align: 'left', items: set.items, line: { ...line, ratio: 0, width }, last: true, tag: { article: PAGE, role: 'Artifact' }, origin: { kind: 'header', field }, onGrid: false });
}

/**
 * The page header (报眉): folio and section name on the left, date and paper name on the right,
 * on one baseline over a thick-and-thin rule that closes the header band. Where they do not fit
 * the type area's width, the gaps between them narrow, then the fields are set smaller (not
 * below 六号), then they go on two or three lines (header-rows.ts). The band is as deep as its
 * lines need; when the top margin cannot hold it (with 3 mm to the trim), the type area gives
 * up lines at its top, and likewise at its foot for the credit line. A page on which even that
 * fails is refused with a ContentError.
 */
export function layoutHeader(header: ItemizedHeader, geometry: PageGeometry, style: HouseStyle): PageHeader {
  const fields: Record<RunningField, SetText> = { folio: header.folio, section: header.section, date: header.date, paper: header.paper };
  const widths = { folio: measure(header.folio), section: measure(header.section), date: measure(header.date), paper: measure(header.paper) };
  const smallest = Math.min(...Object.values(fields).map((f) => f.style.size));
  const plan = planHeader(widths, { width: geometry.width, gap: FIELD_GAP_EM * geometry.em, minGap: MIN_FIELD_GAP_EM * geometry.em, minGroupGap: MIN_GROUP_GAP_EM * geometry.em, minScale: Math.min(1, MIN_FIELD_SIZE / smallest) });
  if (!plan) {
    const widest = (Object.keys(widths) as RunningField[]).reduce((a, b) => (widths[b] > widths[a] ? b : a));
    throw new ContentError(
      `the running head does not fit the type area, ${geometry.width.toFixed(0)} pt wide, even on three lines in 六号: its ${widest} “${fields[widest].text}” alone is ${widths[widest].toFixed(0)} pt at its size`,
      header.source,
      'shorten the section or paper name, or give the page more columns',
    );
  }
  const rowSizes = plan.rows.map((row) => plan.scale * Math.max(...[...row.left, ...row.right].map((f) => fields[f].style.size)));
  const rowGap = ROW_GAP_EM * geometry.em;
  const textDepth = rowSizes.reduce((a, b) => a + b, 0) + (rowSizes.length - 1) * rowGap;
  const slotLines = Math.max(1, Math.ceil((textDepth + 2 * AIR_EM * geometry.em) / geometry.pitch - EPSILON));
  const credit = header.editor ? fitCredit(header.editor, geometry, header) : undefined;
  const creditDepth = credit ? CREDIT_BASELINE_PITCHES * geometry.pitch + (1 - EM_BOX_ASCENT) * credit.style.size : 0;
  const page = makeRoom(geometry, (slotLines + SPACE_LINES_BELOW) * geometry.pitch, creditDepth, header);

  const slot = slotLines * geometry.pitch;
  const headerTop = page.top - (slotLines + SPACE_LINES_BELOW) * geometry.pitch;
  const lines = placeRows(plan, fields, rowSizes, page, headerTop + (slot - textDepth) / 2, rowGap);
  const ruleY = headerTop + slot;
  const right = page.left + page.width;
  const rules: PlacedRule[] = [
    { kind: 'rule', article: PAGE, x1: page.left, y1: ruleY, x2: right, y2: ruleY, width: style.rules.header },
    { kind: 'rule', article: PAGE, x1: page.left, y1: ruleY + RULE_GAP + style.rules.header, x2: right, y2: ruleY + RULE_GAP + style.rules.header, width: THIN_RULE },
  ];
  if (credit) {
    const line = oneLine(credit, 'editor', 0, page.top + page.height + geometry.pitch * CREDIT_BASELINE_PITCHES);
    lines.push(placedLine({ ...line, x: right - line.measure }));
  }
  return { lines, rules, geometry: page, bandLines: slotLines + SPACE_LINES_BELOW };
}

/** Each line's fields: the left ones from the left edge, the right ones from the right edge inwards. */
function placeRows(plan: HeaderPlan, fields: Record<RunningField, SetText>, rowSizes: readonly number[], page: PageGeometry, textTop: number, rowGap: number): PlacedLine[] {
  const lines: PlacedLine[] = [];
  let top = textTop;
  plan.rows.forEach((row, i) => {
    const baseline = top + EM_BOX_ASCENT * rowSizes[i];
    let x = page.left;
    for (const field of row.left) {
      const line = oneLine(scaled(fields[field], plan.scale), field, x, baseline);
      lines.push(line);
      x += line.measure + plan.gaps[i];
    }
    let right = page.left + page.width;
    for (const field of [...row.right].reverse()) {
      const line = oneLine(scaled(fields[field], plan.scale), field, 0, baseline);
      right -= line.measure;
      lines.push(placedLine({ ...line, x: right }));
      right -= plan.gaps[i];
    }
    top += rowSizes[i] + rowGap;
  });
  return lines;
}

/** The credit line (责任编辑：…), set smaller (not below 六号) if it is wider than the type area. */
function fitCredit(set: SetText, geometry: PageGeometry, header: ItemizedHeader): SetText {
  const width = measure(set);
  if (width <= geometry.width) return set;
  const factor = geometry.width / width;
  if (factor * set.style.size < MIN_FIELD_SIZE) {
    throw new ContentError(`the credit line “${set.text}” is wider than the type area (${geometry.width.toFixed(0)} pt) even in 六号`, header.source, 'shorten the editor line, or give the page more columns');
  }
  return scaled(set, factor);
}

/**
 * The type area, shortened by whole lines where the top margin cannot hold `bandDepth` or the
 * foot margin `creditDepth`, each with the safe margin to the trim.
 */
function makeRoom(geometry: PageGeometry, bandDepth: number, creditDepth: number, header: ItemizedHeader): PageGeometry {
  const safe = SAFE_MARGIN_MM * PT_PER_MM;
  const linesShort = (need: number, margin: number): number => Math.max(0, Math.ceil((need + safe - margin) / geometry.pitch - EPSILON));
  const fromTop = linesShort(bandDepth, geometry.top);
  const fromFoot = creditDepth > 0 ? linesShort(creditDepth, geometry.pageHeight - geometry.top - geometry.height) : 0;
  if (fromTop === 0 && fromFoot === 0) return geometry;
  const height = geometry.height - (fromTop + fromFoot) * geometry.pitch;
  if (height < geometry.pitch) {
    throw new ContentError('the page is too short for its running head and a type area', header.source, 'use a taller page size');
  }
  return { ...geometry, top: geometry.top + fromTop * geometry.pitch, height };
}

/**
 * A front page's top: no running head; its band's grid lines above the type area are given to
 * the type area (the masthead stands there), the credit line under it stays.
 */
export function withoutRunningHead(header: PageHeader): PageHeader {
  const { geometry, bandLines } = header;
  const raised = bandLines * geometry.pitch;
  return {
    lines: header.lines.filter((line) => line.origin.kind === 'header' && line.origin.field === 'editor'),
    rules: [],
    geometry: { ...geometry, top: geometry.top - raised, height: geometry.height + raised },
    bandLines: 0,
  };
}
