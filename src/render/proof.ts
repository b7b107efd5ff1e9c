/**
 * A proof (校样) of composed pages, for the layout editor, written even when the build fails:
 * the pages as set, each article's area outlined and labelled with its id; text an area could
 * not take continued in red under its own columns on a strip added below the page, headed with
 * how many characters are over; areas left blank tinted, with about how many characters they
 * lack. Draws what compose found; decides nothing about the layout.
 */
import { breakLines } from '../linebreak/index.js';
import { BLANK_SHARE } from '../model/index.js';
import { EM_BOX_ASCENT, PAGE, placedLine, type ComposedPage, type Rect } from '../compose/index.js';
import type { SetText } from '../text/index.js';
import type { Colour, DrawOp, RenderedPage } from './draw-op.js';
import { renderLine } from './line.js';
import { renderPage } from './page.js';

/** Sets a note's text (an id, 溢出 N 字) in the proof's face. */
export type NoteSetter = (text: string) => SetText;

/** Proof colours, CMYK: outlines and ids in cyan, overset in red (M+Y), blank areas in a pale yellow. */
const OUTLINE: Colour = { space: 'cmyk', c: 1, m: 0, y: 0, k: 0 };
const OVERSET: Colour = { space: 'cmyk', c: 0, m: 1, y: 1, k: 0 };
const BLANK_TINT: Colour = { space: 'cmyk', c: 0, m: 0, y: 0.3, k: 0 };
const WHITE: Colour = { space: 'gray', value: 1 };
/** Stroke of an area's outline, in points. */
const OUTLINE_WIDTH = 0.75;
/** Padding around a note, and space between the overset strip's parts, in points. */
const NOTE_PAD = 2;
const STRIP_GAP = 12;

const PROOF_TAG = { article: PAGE, role: 'Artifact' } as const;

export function renderProofPages(pages: readonly ComposedPage[], note: NoteSetter): RenderedPage[] {
  return pages.map((page) => renderProofPage(page, note));
}

function renderProofPage(page: ComposedPage, note: NoteSetter): RenderedPage {
  const base = renderPage(page).page;
  const under: DrawOp[] = [];
  const over: DrawOp[] = [];
  for (const a of page.articles) {
    const slots = a.moduleLines * a.columns;
    if (slots > 0 && a.blankLines / slots > BLANK_SHARE) {
      under.push({ op: 'fill', x: a.x, y: a.y, width: a.width, height: a.height, colour: BLANK_TINT });
      over.push(...noteAt(note(`+${a.blankLines * a.columnChars} 字`), a.x + a.width, a.y + a.height, 'bottom-right', BLANK_TINT));
    }
    over.push(...outline(a), ...noteAt(note(a.id), a.x, a.y, 'top-left', OUTLINE));
  }
  // The overset strip: each article's left-over text under its own columns, one after another.
  let y = page.height + STRIP_GAP;
  for (const o of page.overset) {
    // A strip no deeper than the page itself per article (PDF viewers refuse pages past 200 in).
    const depth = Math.min(o.depth * page.grid.pitch, page.height);
    const cut = o.depth * page.grid.pitch > depth ? `（列出前 ${Math.floor(depth / page.grid.pitch)} 行）` : '';
    const head = `${o.article}：溢出 ${o.chars} 字，约差 ${o.lacking} 行${o.figures.length > 0 ? `，${o.figures.length} 幅图放不下` : ''}${cut}`;
    over.push({ op: 'rule', x1: o.area.x, y1: o.area.y + o.area.height, x2: o.area.x + o.area.width, y2: o.area.y + o.area.height, width: OUTLINE_WIDTH * 2, colour: OVERSET });
    over.push(...noteAt(note(`溢出 ${o.chars} 字`), o.area.x + o.area.width, o.area.y + o.area.height, 'bottom-right', OVERSET));
    const title = noteAt(note(head), o.area.x, y, 'top-left', OVERSET);
    over.push(...title);
    const top = y + lineHeight(note(head)) + NOTE_PAD * 2;
    for (const mark of o.marks) {
      if (mark.kind !== 'line' || mark.baseline > depth) continue;
      for (const op of renderLine(placedLine({ ...mark, baseline: mark.baseline + top }))) over.push(recolour(op, OVERSET));
    }
    y = top + depth + STRIP_GAP;
  }
  const height = page.overset.length > 0 ? y : page.height;
  const strip: DrawOp[] = page.overset.length > 0 ? [{ op: 'rule', x1: 0, y1: page.height, x2: page.width, y2: page.height, width: OUTLINE_WIDTH, colour: OVERSET }] : [];
  return { ...base, height, label: `${base.label}（校样）`, ops: [...under, ...base.ops, ...strip, ...over] };
}

function recolour(op: DrawOp, colour: Colour): DrawOp {
  return op.op === 'glyphs' || op.op === 'rule' || op.op === 'fill' || op.op === 'dot' ? { ...op, colour } : op;
}

function outline(r: Rect): DrawOp[] {
  const x2 = r.x + r.width;
  const y2 = r.y + r.height;
  const side = (x1: number, y1: number, xb: number, yb: number): DrawOp => ({ op: 'rule', x1, y1, x2: xb, y2: yb, width: OUTLINE_WIDTH, colour: OUTLINE });
  return [side(r.x, r.y, x2, r.y), side(r.x, y2, x2, y2), side(r.x, r.y, r.x, y2), side(x2, r.y, x2, y2)];
}

function lineHeight(set: SetText): number {
  return set.style.size;
}

/** A one-line note on a white ground, its corner at (x, y). */
function noteAt(set: SetText, x: number, y: number, corner: 'top-left' | 'bottom-right', colour: Colour): DrawOp[] {
  const [line] = breakLines(set.items, Number.MAX_SAFE_INTEGER / 4, { mode: 'first-fit', tolerance: 1, linePenalty: 0, fitnessDemerits: 0 });
  if (!line) return [];
  const width = line.naturalWidth + NOTE_PAD * 2;
  const height = set.style.size + NOTE_PAD * 2;
  const left = corner === 'top-left' ? x : x - width;
  const top = corner === 'top-left' ? y : y - height;
  const placed = placedLine({
    x: left + NOTE_PAD,
    baseline: top + NOTE_PAD + set.style.size * EM_BOX_ASCENT,
    measure: line.naturalWidth,
    align: 'left',
    items: set.items,
    line: { ...line, ratio: 0, width: line.naturalWidth },
    last: true,
    tag: PROOF_TAG,
    origin: { kind: 'label' },
    onGrid: false,
  });
  return [{ op: 'fill', x: left, y: top, width, height, colour: WHITE }, ...renderLine(placed).map((op) => recolour(op, colour))];
}
