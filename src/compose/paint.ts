/**
 * Colour on an article's area: a headline in its house colour, a tint behind the area (底纹)
 * with the black text on it overprinting, and a reversed label (反白): paper-white text on a bar
 * of the label's colour. Resolved here from the edition's palette; the render stage draws it.
 */
import { PAPER, resolveColour, type Palette } from '../model/index.js';
import type { ItemizedArticle } from '../text/index.js';
import { EM_BOX_ASCENT } from './geometry.js';
import type { PlacedElement, PlacedFill, PlacedLine, Rect } from './types.js';
import { placedLine } from './placed-line.js';

/** The bar around a reversed label's text: this much of its size beyond the text on each side and above and below. */
const BAR_PAD_X_EM = 0.35;
const BAR_PAD_Y_EM = 0.15;

export interface Painted {
  readonly elements: PlacedElement[];
  /** The tint behind the area, then the label's bars (drawn before any text). */
  readonly fills: PlacedFill[];
}

/** Colour an article's placed marks in `area` (page coordinates). */
export function paintArticle(article: ItemizedArticle, elements: readonly PlacedElement[], area: Rect, palette: Palette): Painted {
  const fills: PlacedFill[] = [];
  const tint = article.tint ? resolveColour(article.tint, palette) : undefined;
  if (tint) fills.push({ kind: 'fill', ...area, grey: 1, colour: tint });
  const label = article.labelColour ? resolveColour(article.labelColour, palette) : undefined;
  const painted = elements.map((e): PlacedElement => {
    if (e.kind !== 'line') return e;
    if (e.origin.kind === 'label' && label) {
      const line = reversed(e);
      fills.push({ kind: 'fill', ...barOf(line), grey: 0, colour: label });
      return line;
    }
    const block = e.origin.kind === 'block' ? article.blocks[e.origin.index] : undefined;
    const colour = block?.kind === 'text' && block.colour ? resolveColour(block.colour, palette) : undefined;
    if (colour) return placedLine({ ...e, colour });
    return tint ? placedLine({ ...e, overprint: true }) : e;
  });
  return { elements: painted, fills };
}

/** A label line in paper white, moved in by the bar's margin so the bar stays inside the area. */
function reversed(line: PlacedLine): PlacedLine {
  const size = line.items.find((i) => i.kind === 'box' && i.run)?.run?.size ?? 0;
  const pad = BAR_PAD_X_EM * size;
  return placedLine({ ...line, x: line.x + pad, measure: Math.max(0, line.measure - 2 * pad), colour: PAPER });
}

/** The bar behind a reversed label line: its text's extent, its em box, and the margins. */
function barOf(line: PlacedLine): Rect {
  const size = line.items.find((i) => i.kind === 'box' && i.run)?.run?.size ?? 0;
  const padX = BAR_PAD_X_EM * size;
  const padY = BAR_PAD_Y_EM * size;
  const width = line.line.naturalWidth + 2 * padX;
  const x = line.align === 'center' ? line.x + (line.measure - line.line.naturalWidth) / 2 - padX : line.align === 'right' ? line.x + line.measure - line.line.naturalWidth - padX : line.x - padX;
  return { x, y: line.baseline - EM_BOX_ASCENT * size - padY, width, height: size + 2 * padY };
}
