/**
 * The EPUB's cover: a typographic front page drawn by banmian as SVG: the paper's name as a
 * masthead, the date and 第N版 section between rules, and the lead headline large, broken at
 * its phrase spaces. Every character is a glyph outline taken from the edition's own faces
 * (fonts/outline.ts), scaled into place, so the image needs no font on the reading system and looks
 * the same everywhere. Numbers are rounded to 0.1 unit: the same edition and fonts give the
 * same bytes.
 */
import { glyphOutline, type OutlineCommand } from '../../fonts/outline.js';
import type { Face, FontBook, FontRole } from '../../fonts/types.js';
import { pathData } from '../path-data.js';
import { escapeAttr, escapeText, xhtmlDocument } from './xml.js';

/** What the cover shows (plain, normalised strings). */
export interface CoverText {
  /** Paper name (masthead), e.g. 人民日报. */
  readonly paper: string;
  /** Date line, e.g. 2024年11月24日 星期日. */
  readonly date: string;
  /** Page line, e.g. 第11版 党建. */
  readonly page: string;
  /** Lead headline; a space separates phrases, each set on its own line. */
  readonly headline: string;
  /** Language of the text (the SVG's xml:lang). */
  readonly lang: string;
}

/** Canvas (SVG user units; 3:4, the shape most reading systems give a cover). */
export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 1600;
const MARGIN = 90;
const RED = '#c00000';
const INK = '#111111';
const PAPER = '#ffffff';

/** One glyph placed on the canvas: its outline in canvas units. */
interface PlacedOutline {
  readonly d: string;
}

/** A line of text laid out at a size: glyphs with pen positions (in em), ink extent. */
interface SetLine {
  readonly glyphs: ReadonlyArray<{ readonly face: Face; readonly outline: readonly OutlineCommand[]; readonly x: number }>;
  /** Advance width in em. */
  readonly advance: number;
  /** Ink from the pen origin, in em: left of the first inked glyph, right of the last. */
  readonly inkLeft: number;
  readonly inkRight: number;
}

/** The roles whose faces the cover is drawn in: the masthead, the date and page lines, the headline. */
const COVER_ROLES = ['header-paper', 'header', 'headline'] as const satisfies readonly FontRole[];
type CoverRole = (typeof COVER_ROLES)[number];

/** Every face the cover may be drawn from (a character takes the first face of its role's chain that has it). */
export function coverFaces(fonts: FontBook): Face[] {
  return [...new Set(COVER_ROLES.flatMap((role) => fonts.chain(role)))];
}

/** Set `text` in `role`'s fallback chain: per character, the first face that has it. */
function setLine(fonts: FontBook, role: CoverRole, text: string): SetLine {
  const chain = fonts.chain(role);
  const chosen = Array.from(text, (ch) => {
    const cp = ch.codePointAt(0)!;
    const face = chain.find((f) => fonts.glyph(f, cp) !== undefined) ?? chain[0];
    return { face, id: fonts.glyph(face, cp)?.id ?? 0 }; // .notdef: a visible box, not a silent gap
  });
  // The line's outlines read from each face's file at once (fonts/font-file.ts), not glyph by glyph.
  for (const face of new Set(chosen.map((c) => c.face))) face.outlines.read(chosen.filter((c) => c.face === face).map((c) => c.id));
  const glyphs: { face: Face; outline: readonly OutlineCommand[]; x: number }[] = [];
  let pen = 0;
  let inkLeft = Infinity;
  let inkRight = -Infinity;
  for (const { face, id } of chosen) {
    const outline = glyphOutline(face, id);
    const em = face.unitsPerEm;
    if (outline.commands.length > 0) {
      inkLeft = Math.min(inkLeft, pen + outline.minX / em);
      inkRight = Math.max(inkRight, pen + outline.maxX / em);
    }
    glyphs.push({ face, outline: outline.commands, x: pen });
    // The hmtx advance (fonts/advance.ts): fontkit's advanceWidth works out vertical metrics too.
    pen += face.advance(id) / em;
  }
  if (inkLeft === Infinity) [inkLeft, inkRight] = [0, pen];
  return { glyphs, advance: pen, inkLeft, inkRight };
}

/** Visible width of a set line in em (ink to ink). */
const inkWidth = (line: SetLine): number => line.inkRight - line.inkLeft;

/** Tenths, for SVG path data. */
const TENTHS = 10;
/**
 * Below this many tenths, `String(tenths / 10)` is the tenths written out: a decimal of at most
 * 15 significant digits is the shortest that reads back as its double (ECMA-262 Number::toString).
 */
const WRITTEN_OUT_BELOW = 1e14;

/** A number for SVG path data: 0.1 unit, no `-0`; as String(Math.round(v * 10) / 10) writes it, without its cost. */
export function coverNumber(v: number): string {
  const tenths = Math.round(v * TENTHS);
  if (tenths === 0) return '0';
  const size = Math.abs(tenths);
  if (!(size < WRITTEN_OUT_BELOW)) return String(tenths / TENTHS);
  const whole = Math.floor(size / TENTHS);
  const tenth = size - whole * TENTHS;
  return `${tenths < 0 ? '-' : ''}${whole}${tenth === 0 ? '' : `.${tenth}`}`;
}

/** Outlines of a line at `size` with its pen origin at (x, baseline). */
function outlines(line: SetLine, size: number, x: number, baseline: number): PlacedOutline[] {
  const out: PlacedOutline[] = [];
  for (const g of line.glyphs) {
    const scale = size / g.face.unitsPerEm;
    const ox = x + g.x * size;
    // Font units are y-up; the canvas is y-down.
    const px = (fx: number) => coverNumber(ox + fx * scale);
    const py = (fy: number) => coverNumber(baseline - fy * scale);
    const d = pathData(g.outline, (fx, fy) => `${px(fx)} ${py(fy)}`);
    if (d) out.push({ d });
  }
  return out;
}

type Align = 'left' | 'center' | 'right';

/** Outlines of `line` at `size`, aligned by its ink within [left, right], on `baseline`. */
function place(line: SetLine, size: number, left: number, right: number, baseline: number, align: Align): PlacedOutline[] {
  const width = inkWidth(line) * size;
  const inkStart = align === 'left' ? left : align === 'right' ? right - width : (left + right - width) / 2;
  return outlines(line, size, inkStart - line.inkLeft * size, baseline);
}

/** Characters that may not start a line (clreq, basic level) and may not end one. */
const NO_START = /^[、，。．：；！？）］｝〕〉》」』】〗〙”’…—～·]/u;
const NO_END = /[（［｛〔〈《「『【〖〘“‘]$/u;

/**
 * The headline as lines: one per phrase (the space in `党建聚合力 发展增动能`), and a phrase too
 * long for `perLine` characters split into even lines that neither start with a closing mark
 * nor end with an opening one.
 */
export function headlineLines(headline: string, perLine: number): string[] {
  const lines: string[] = [];
  for (const phrase of headline.split(/\s+/).filter(Boolean)) {
    const chars = Array.from(phrase);
    const count = Math.ceil(chars.length / perLine);
    const even = Math.ceil(chars.length / count);
    let start = 0;
    while (start < chars.length) {
      let end = Math.min(chars.length, start + even);
      // Pull a closing mark back onto this line, or push an opening mark onto the next.
      while (end < chars.length && end - start > 1 && (NO_START.test(chars[end]) || NO_END.test(chars[end - 1]))) end -= 1;
      lines.push(chars.slice(start, end).join(''));
      start = end;
    }
  }
  return lines;
}

/** The cover image as an SVG document. */
export function renderCoverSvg(text: CoverText, fonts: FontBook): string {
  const parts: string[] = [];
  const red: PlacedOutline[] = [];
  const ink: PlacedOutline[] = [];
  const left = MARGIN;
  const right = COVER_WIDTH - MARGIN;
  const measure = right - left;
  const rule = (y: number, height: number, colour: string) =>
    parts.push(`<rect x="${left}" y="${coverNumber(y)}" width="${measure}" height="${coverNumber(height)}" fill="${colour}"/>`);

  // Masthead: the paper's name, as large as fits (at most 210 units a character).
  const paper = setLine(fonts, 'header-paper', text.paper);
  const paperSize = Math.min(210, measure / Math.max(inkWidth(paper), 1));
  const mastheadBaseline = 150 + paperSize * 0.88;
  red.push(...place(paper, paperSize, left, right, mastheadBaseline, 'center'));
  const rulesTop = mastheadBaseline + paperSize * 0.3;
  rule(rulesTop, 10, RED);
  rule(rulesTop + 18, 3, RED);

  // Date on the left, page on the right, between the masthead rules and a hairline.
  const dateLine = setLine(fonts, 'header', text.date);
  const pageLine = setLine(fonts, 'header', text.page);
  const infoSize = Math.min(44, (measure - 44) / Math.max(inkWidth(dateLine) + inkWidth(pageLine), 1));
  const infoBaseline = rulesTop + 21 + 30 + infoSize * 0.88;
  ink.push(...place(dateLine, infoSize, left, right, infoBaseline, 'left'));
  ink.push(...place(pageLine, infoSize, left, right, infoBaseline, 'right'));
  const infoRule = infoBaseline + infoSize * 0.12 + 30;
  rule(infoRule, 2, INK);

  // The lead headline, centred in the space left, each line as large as the widest allows.
  const bottomRule = COVER_HEIGHT - MARGIN - 13;
  const area = { top: infoRule + 60, bottom: bottomRule - 60 };
  let perLine = Math.max(1, ...text.headline.split(/\s+/).map((p) => Array.from(p).length));
  let lines: SetLine[] = [];
  let size = 0;
  for (;;) {
    lines = headlineLines(text.headline, perLine).map((l) => setLine(fonts, 'headline', l));
    const widest = Math.max(1, ...lines.map(inkWidth));
    size = Math.min(170, measure / widest, (area.bottom - area.top) / (lines.length * 1.3));
    if (size >= 96 || perLine <= 4) break;
    perLine = Math.ceil(perLine * 0.75);
  }
  const leading = size * 1.3;
  const blockHeight = leading * (lines.length - 1) + size;
  let baseline = (area.top + area.bottom - blockHeight) / 2 + size * 0.88;
  for (const line of lines) {
    ink.push(...place(line, size, left, right, baseline, 'center'));
    baseline += leading;
  }
  rule(bottomRule, 3, RED);
  rule(bottomRule + 8, 10, RED);

  const path = (colour: string, list: PlacedOutline[]) => (list.length > 0 ? [`<path fill="${colour}" d="${list.map((o) => o.d).join('')}"/>`] : []);
  const title = [text.paper, text.date, text.page, text.headline].filter(Boolean).join(' ');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}" xml:lang="${escapeAttr(text.lang)}">`,
    `<title>${escapeText(title)}</title>`,
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${PAPER}"/>`,
    ...parts,
    ...path(RED, red),
    ...path(INK, ink),
    '</svg>',
    '',
  ].join('\n');
}

/** The cover page: the cover image alone, first in the spine. */
export function renderCoverPage(text: CoverText, imageHref: string): string {
  const alt = [text.paper, text.date, text.page, text.headline].filter(Boolean).join(' ');
  return xhtmlDocument({
    lang: text.lang,
    title: text.paper || alt,
    body: `<section class="cover" epub:type="cover">\n<img src="${escapeAttr(imageHref)}" alt="${escapeAttr(alt)}"/>\n</section>\n`,
    epubNamespace: true,
  });
}
