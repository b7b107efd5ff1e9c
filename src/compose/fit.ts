import type { RoleStyle } from '../model/index.js';
import { scaleItems, widestPhrase, type SetText } from '../text/index.js';

/** Smallest share of its styled size a headline may be set at to fit its phrases. */
const MIN_HEADLINE_SCALE = 0.6;

/**
 * A headline whose longest phrase is wider than the module is set smaller, so each phrase keeps
 * to one line (激活“两新”力量 / 凝聚治理合力) rather than breaking mid-phrase.
 */
export function fitPhrases(set: SetText, width: number, minScale = MIN_HEADLINE_SCALE): { set: SetText; style: RoleStyle } {
  const widest = widestPhrase(set.items);
  if (widest <= width) return { set, style: set.style };
  const factor = Math.max(minScale, width / widest);
  const style: RoleStyle = { ...set.style, size: set.style.size * factor, leading: set.style.leading * factor };
  return { set: { ...set, style, items: scaleItems(set.items, factor) }, style };
}

