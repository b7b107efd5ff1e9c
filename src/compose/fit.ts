import type { RoleStyle } from '../model/index.js';
import { scaleItems, widestPhrase, type SetText } from '../text/index.js';

/** Smallest share of its styled size a head without a size range of its own (the headline in
 *  short over a continuation) may be set at to fit its phrases. */
const MIN_HEADLINE_SCALE = 0.6;

/**
 * A headline whose longest phrase is wider than the module is set smaller, so each phrase keeps
 * to one line (激活“两新”力量 / 凝聚治理合力) rather than breaking mid-phrase: down to its
 * style's `minSize` (the range of its story's rank, model/rank.ts), else to `minScale` of its
 * size. Below that it breaks inside a phrase.
 */
export function fitPhrases(set: SetText, width: number, minScale?: number): { set: SetText; style: RoleStyle } {
  const widest = widestPhrase(set.items);
  if (widest <= width) return { set, style: set.style };
  const floor = minScale ?? (set.style.minSize !== undefined ? set.style.minSize / set.style.size : MIN_HEADLINE_SCALE);
  const factor = Math.max(floor, width / widest);
  const style: RoleStyle = { ...set.style, size: set.style.size * factor, leading: set.style.leading * factor };
  return { set: { ...set, style, items: scaleItems(set.items, factor) }, style };
}


/**
 * A justified block in a size of its own (a pull quote) set at the nearest size that puts a
 * whole number of characters in the measure, so its lines justify on the character grid
 * (clreq #h-line_length: the line length is a multiple of the character size) instead of
 * spreading a fraction of a character over every line.
 */
export function fitCharacterGrid(set: SetText, width: number): SetText {
  const size = set.style.size;
  const per = width / size;
  const candidates = [Math.floor(per + 1e-9), Math.ceil(per - 1e-9)].filter((n) => n >= 1);
  if (candidates.length === 0) return set;
  const factors = candidates.map((n) => width / n / size);
  const factor = factors.reduce((best, f) => (Math.abs(f - 1) < Math.abs(best - 1) ? f : best));
  if (Math.abs(factor - 1) < 1e-9) return set;
  const style: RoleStyle = { ...set.style, size: size * factor, leading: set.style.leading * factor };
  return { ...set, style, items: scaleItems(set.items, factor) };
}
