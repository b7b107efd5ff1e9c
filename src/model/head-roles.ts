import type { TextRole } from './document.js';

/** Roles of the headline block (标题区), set across the module above the columns. */
export const HEAD_ROLES: ReadonlySet<TextRole> = new Set<TextRole>(['series', 'kicker', 'headline', 'subtitle', 'byline']);
