import { HEAD_ROLES, type HouseStyle, type RoleStyle, type TextRole } from '../model/index.js';
import type { ItemizedArticle, SetText } from '../text/index.js';
import { fitPhrases } from './fit.js';
import type { LineCache } from './line-cache.js';
import { stackLines, type RelativeLine } from './slabs.js';
import type { MarkOrigin, StructureRole } from './types.js';



const STRUCTURE_ROLE: Partial<Record<TextRole, StructureRole>> = { headline: 'H1' };

/** Space between the parts of a headline block, in line pitches of the body. */
const HEAD_PART_GAP_PITCH = 0.35;

export interface HeadBlock {
  readonly lines: readonly RelativeLine[];
  /** Depth in whole grid lines, so the body below stays on the grid (clreq
   *  #using_type_area_for_composition_in_real_pages: a heading takes a multiple of lines). */
  readonly gridLines: number;
}

/**
 * The headline hierarchy: series tag, label, kicker (引题), headline (主题), subtitle (副题),
 * byline, each in its own size and face, across the module's width.
 */
export function layoutHeadBlock(article: ItemizedArticle, width: number, pitch: number, style: HouseStyle, cache: LineCache, skip?: number): HeadBlock {
  const parts: HeadPart[] = [];
  if (article.label) parts.push({ set: article.label, style: article.label.style, origin: { kind: 'label' }, role: 'P' });
  article.blocks.forEach((block, index) => {
    // `skip`: a vertical headline, set in its own strip (vertical-head.ts).
    if (block.kind === 'text' && HEAD_ROLES.has(block.role) && index !== skip) {
      parts.push({ set: block.set, style: block.set.style, origin: { kind: 'block', index }, role: STRUCTURE_ROLE[block.role] ?? 'P' });
    }
  });
  return layoutHeadParts(article.id, parts, width, pitch, style, cache);
}

/** One part of a headline block: a text in its style, from a block of the article or added by the page. */
export interface HeadPart {
  set: SetText;
  style: RoleStyle;
  readonly origin: MarkOrigin;
  readonly role: StructureRole;
}

/** Stack head parts across `width`, a whole number of grid lines deep. */
export function layoutHeadParts(articleId: string, parts: HeadPart[], width: number, pitch: number, style: HouseStyle, cache: LineCache): HeadBlock {
  const article = { id: articleId };
  if (parts.length === 0) return { lines: [], gridLines: 0 };
  // Headlines are set smaller to keep each phrase on a line; kickers and subtitles wrap instead.
  for (const part of parts) {
    if (part.style.font === 'headline' || part.style.font === 'box-headline') Object.assign(part, fitPhrases(part.set, width));
  }
  const lines: RelativeLine[] = [];
  let y = 0;
  parts.forEach((part, i) => {
    if (i > 0) y += HEAD_PART_GAP_PITCH * pitch;
    const stacked = stackLines(part.set, part.style, width, { article: article.id, role: part.role }, part.origin, cache, y);
    lines.push(...stacked.lines);
    y += stacked.height;
  });
  // A whole number of grid lines, plus one line of space before the body.
  const gridLines = Math.ceil(y / pitch - 1e-6) + (style.body.leading > 0 ? 1 : 0);
  return { lines, gridLines };
}
