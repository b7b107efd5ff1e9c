/**
 * The front page's masthead band (报头): the paper's name set large in its house colour (or an
 * image of it) with the date line (农历 too), issue and publisher lines centred under it, up to
 * two ear boxes (报眼) beside it — one ear stands at the right, two stand one on each side — and
 * a thick-and-thin rule in the masthead's colour across the type area under the band. The band
 * is a whole number of grid lines at the top of the type area; the page's `areas` start below it.
 */
import { breakLines } from '../linebreak/index.js';
import { ContentError, HAO, resolveColour, type HouseStyle, type Palette, type ProcessColour } from '../model/index.js';
import { scaleItems, type ItemizedMasthead, type SetText } from '../text/index.js';
import type { Module } from './article.js';
import { EM_BOX_ASCENT, type PageGeometry } from './geometry.js';
import { PAGE, type PlacedElement, type PlacedLine, type PlacedRule } from './types.js';
import { placedLine } from './placed-line.js';

/** The ears' share of the page's basic columns, each. */
const EAR_SHARE = 1 / 4;
/** Space between the name and the lines under it, and above and below the band's text, in body ems. */
const NAME_GAP_EM = 0.6;
const AIR_EM = 0.5;
/** The lines under the name are not set below 六号. */
const MIN_LINE_SIZE = HAO.六号;
/** The rules under the band: a thick one and a thin one, in the one line of space under the band. */
const THICK_RULE = 2;
const THIN_RULE = 0.5;
const THICK_AT = 0.35;
const THIN_AT = 0.7;
const EPSILON = 1e-9;

/** An ear's module and depth, for the page builder to set it in. */
export interface EarPlace {
  readonly id: string;
  readonly module: Module;
  /** Grid lines from the top of the type area. */
  readonly lines: number;
}

export interface MastheadLayout {
  /** The name (a line or an image) and the lines under it: page furniture. */
  readonly elements: readonly PlacedElement[];
  readonly rules: readonly PlacedRule[];
  /** Grid lines the band takes at the top of the type area, the line of its rule included. */
  readonly lines: number;
  readonly ears: readonly EarPlace[];
}

/** The natural width of a text set on one line. */
function widthOf(set: SetText): number {
  return oneLine(set).naturalWidth;
}

function oneLine(set: SetText): ReturnType<typeof breakLines>[number] {
  const [line] = breakLines(set.items, Number.MAX_SAFE_INTEGER / 4, { mode: 'first-fit', tolerance: 1, linePenalty: 0, fitnessDemerits: 0 });
  return line;
}

function scaled(set: SetText, factor: number): SetText {
  if (factor >= 1) return set;
  return { ...set, style: { ...set.style, size: set.style.size * factor, leading: set.style.leading * factor }, items: scaleItems(set.items, factor) };
}

/** A text on one line, centred on `centre`, as page furniture of the masthead. */
function centredLine(set: SetText, line: number, centre: number, baseline: number, colour?: ProcessColour): PlacedLine {
  const broken = oneLine(set);
  const width = broken.naturalWidth;
  return placedLine({
    x: centre - width / 2,
    baseline,
    measure: width,
    align: 'left',
    items: set.items,
    line: { ...broken, ratio: 0, width },
    last: true,
    tag: { article: PAGE, role: 'Artifact' },
    origin: { kind: 'masthead', line },
    onGrid: false,
    colour,
  });
}

/**
 * The ear modules: EAR_SHARE of the basic columns each (at least one), one at the right, or one
 * each side. An ear is a small box of one text column, however many basic columns it spans.
 */
function earModules(ids: readonly string[], geometry: PageGeometry): { id: string; module: Module }[] {
  const span = Math.max(1, Math.round(geometry.columns * EAR_SHARE));
  const moduleAt = (first: number): Module => ({ x: geometry.left + first * (geometry.columnWidth + geometry.gutter), width: span * geometry.columnWidth + (span - 1) * geometry.gutter, basicColumns: span, textColumns: 1 });
  const right = moduleAt(geometry.columns - span);
  if (ids.length === 1) return [{ id: ids[0], module: right }];
  return ids.map((id, i) => ({ id, module: i === 0 ? moduleAt(0) : right }));
}

/**
 * Lay out the masthead band. `earNeeds` says how many grid lines an ear needs in its module
 * (the page builder measures it); the band is as deep as the name and its lines or the deepest
 * ear, whichever is more.
 */
export function layoutMasthead(
  masthead: ItemizedMasthead,
  earIds: readonly string[],
  geometry: PageGeometry,
  style: HouseStyle,
  palette: Palette,
  earNeeds: (id: string, module: Module) => number,
): MastheadLayout {
  const em = geometry.em;
  const ears = earModules(earIds, geometry);
  const leftEar = ears.length === 2 ? ears[0].module : undefined;
  const rightEar = ears.length > 0 ? ears[ears.length - 1].module : undefined;
  const from = leftEar ? leftEar.x + leftEar.width + geometry.gutter : geometry.left;
  const to = rightEar ? rightEar.x - geometry.gutter : geometry.left + geometry.width;
  const room = to - from;
  const centre = (from + to) / 2;
  if (room < style.masthead.size) {
    throw new ContentError(`the masthead has ${room.toFixed(0)} pt between its ears, too little for the paper's name`, masthead.source, 'give the page more columns, or list one ear (or none) in ears:');
  }
  const colour = masthead.colour ? resolveColour(masthead.colour, palette) : undefined;

  // The name: set to fit between the ears, or an image of it, as tall as the set name would be.
  const name = masthead.name ? scaled(masthead.name, room / widthOf(masthead.name)) : undefined;
  const image = masthead.image ? imageSize(masthead.image, style.masthead.size, room) : undefined;
  const nameDepth = name ? name.style.size : image!.height;
  const lines = masthead.lines.map((set) => {
    const factor = room / widthOf(set);
    if (factor * set.style.size < MIN_LINE_SIZE) throw new ContentError(`the masthead line “${set.text}” is wider than the ${room.toFixed(0)} pt between the ears even in 六号`, masthead.source, 'shorten it, or split it into two lines (masthead lines:)');
    return scaled(set, factor);
  });
  const linesDepth = lines.reduce((sum, set) => sum + set.style.leading, 0);
  const textDepth = nameDepth + (lines.length > 0 ? NAME_GAP_EM * em + linesDepth : 0);
  const textLines = Math.ceil((textDepth + 2 * AIR_EM * em) / geometry.pitch - EPSILON);
  const places = ears.map((ear) => ({ ...ear, need: earNeeds(ear.id, ear.module) }));
  const bandLines = Math.max(textLines, ...places.map((p) => p.need));

  const top = geometry.top + (bandLines * geometry.pitch - textDepth) / 2;
  const elements: PlacedElement[] = [];
  if (name) elements.push(centredLine(name, 0, centre, top + EM_BOX_ASCENT * name.style.size, colour));
  if (image) {
    elements.push({ kind: 'image', src: masthead.image!.src, alt: masthead.alt, crop: false, x: centre - image.width / 2, y: top, width: image.width, height: image.height, pixelWidth: masthead.image!.pixelWidth, pixelHeight: masthead.image!.pixelHeight, tag: { article: PAGE, role: 'Artifact' }, origin: { kind: 'masthead', line: 0 } });
  }
  let y = top + nameDepth + NAME_GAP_EM * em;
  lines.forEach((set, i) => {
    const { size, leading } = set.style;
    elements.push(centredLine(set, i + 1, centre, y + (leading - size) / 2 + EM_BOX_ASCENT * size));
    y += leading;
  });
  const ruleTop = geometry.top + bandLines * geometry.pitch;
  const right = geometry.left + geometry.width;
  const rule = (at: number, width: number): PlacedRule => ({ kind: 'rule', article: PAGE, x1: geometry.left, y1: ruleTop + at * geometry.pitch, x2: right, y2: ruleTop + at * geometry.pitch, width, ...(colour ? { colour } : {}) });
  return {
    elements,
    rules: [rule(THICK_AT, THICK_RULE), rule(THIN_AT, THIN_RULE)],
    lines: bandLines + 1,
    ears: places.map((p) => ({ id: p.id, module: p.module, lines: bandLines })),
  };
}

/** The masthead image: as tall as the set name, narrower to fit `room`, in its proportions. */
function imageSize(image: { pixelWidth: number; pixelHeight: number }, height: number, room: number): { width: number; height: number } {
  const ratio = image.pixelWidth / image.pixelHeight;
  const width = Math.min(room, height * ratio);
  return { width, height: width / ratio };
}
