/**
 * Filling a module: the moves a layout editor makes so an article ends level at the module's
 * foot instead of leaving white — grow the photos, open the space around the headline, and
 * (loosen.ts) set a paragraph a line looser or tighter.
 */
import type { PlacedFigure } from './figures.js';
import { balanceColumns, whiteUnder, type ColumnFrame, type FlowResult } from './flow.js';
import type { Slab } from './slabs.js';

/** Lines of white the headline block may take on to fill its module (half above, half below). */
export const MAX_HEAD_SPACE = 4;

/**
 * Change the figures' depths a line at a time — `place(adjust)` places them `adjust[i]` lines
 * from their natural depth, `fits` says whether they stay inside the module — taking at each
 * step the change that `better` prefers, until no step improves. The page builder's moves of
 * 放大图片 (a photo grows, cropped, to close a gap under the columns) and 缩小图片 (a photo is
 * cropped shallower so the text fits).
 */
export function stepFigures<T>(
  start: readonly number[],
  direction: 1 | -1,
  place: (adjust: readonly number[]) => PlacedFigure[],
  fits: (figures: readonly PlacedFigure[]) => boolean,
  score: (figures: PlacedFigure[]) => T | undefined,
  better: (a: T, b: T | undefined) => boolean,
  initial: T | undefined,
): { adjust: number[]; result: T | undefined } {
  let adjust = [...start];
  let best = initial;
  for (;;) {
    let step: { adjust: number[]; result: T } | undefined;
    const current = place(adjust);
    for (let i = 0; i < adjust.length; i++) {
      const f = current.find((figure) => figure.ordinal === i);
      if (!f || (direction > 0 ? f.gridLines >= f.maxLines : f.gridLines <= f.minLines)) continue;
      const trial = adjust.map((a, k) => (k === i ? a + direction : a));
      const figures = place(trial);
      if (!fits(figures)) continue;
      const result = score(figures);
      if (result !== undefined && better(result, step ? step.result : best)) step = { adjust: trial, result };
    }
    if (!step) return { adjust, result: best };
    adjust = step.adjust;
    best = step.result;
  }
}

/**
 * Fill a module deeper than the article: grow the photos a line at a time (cropping them to
 * their rectangles), each step taking the photo whose growth brings the balanced columns'
 * foot nearest the module's foot, until the foot is reached or no photo may grow further —
 * never past the module (`fits`).
 */
export function growFigures(
  adjust: readonly number[],
  flow: FlowResult,
  bottom: number,
  slabs: readonly Slab[],
  place: (adjust: readonly number[]) => PlacedFigure[],
  fits: (figures: readonly PlacedFigure[]) => boolean,
  framesFor: (figures: readonly PlacedFigure[]) => ColumnFrame[],
): number[] {
  const white = (figures: PlacedFigure[]): { flow: FlowResult; white: number } | undefined => {
    const frames = framesFor(figures);
    const result = balanceColumns(slabs, frames);
    if (!result || result.level > bottom) return undefined;
    return { flow: result, white: whiteUnder(result, frames, bottom) };
  };
  const initial = { flow, white: whiteUnder(flow, framesFor(place(adjust)), bottom) };
  return stepFigures(adjust, 1, place, fits, white, (a, b) => b === undefined || a.white < b.white, initial).adjust;
}
