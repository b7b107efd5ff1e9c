/**
 * The headline block by the story's rank in the e-book: the print sizes of each rank (the house
 * style, model/rank.ts) in the e-book's gentler scale, as `article.rank-N` rules; a headline's
 * own `{size=…}` the same way, as its `style`.
 */
import type { Article } from '../../model/document.js';
import { DEFAULT_STYLE, STORY_RANKS, type RankedRole } from '../../model/index.js';

/** The e-book's sizes of the default rank's headline block, in ems of the body (css.ts). */
export const HEAD_EM: Readonly<Record<RankedRole, number>> = { headline: 1.8, kicker: 1.1, subtitle: 1.15 };

/**
 * A reading system's screen is no broadsheet: the e-book sets the lead's 小初 head over a 小五
 * body (4 : 1 in print) at 1.8 : 1. Every print ratio of sizes is compressed alike, raised to
 * this power (log 1.8 / log 4 ≈ 0.42), so the ranks keep their order and a brief's head stays
 * larger than its text.
 */
const COMPRESSION = Math.log(HEAD_EM.headline) / Math.log(DEFAULT_STYLE.roles.headline.size / DEFAULT_STYLE.body.size);

/** Ems are written to two decimals: finer steps make no difference on a screen. */
const EM_DECIMALS = 2;

/** The e-book size, in ems, of `role` set at `size` points in print. */
export function ebookEm(role: RankedRole, size: number): number {
  const em = HEAD_EM[role] * (size / DEFAULT_STYLE.roles[role].size) ** COMPRESSION;
  return Number(em.toFixed(EM_DECIMALS));
}

const SELECTOR: Readonly<Record<RankedRole, string>> = { headline: 'h1', kicker: '.kicker', subtitle: '.subtitle' };

/** `article.rank-2 h1 { font-size: 1.57em; }` … for every rank and ranked role. */
export function rankCss(): string {
  const rules = STORY_RANKS.flatMap((rank) =>
    (Object.keys(SELECTOR) as RankedRole[]).map((role) => `article.rank-${rank} ${SELECTOR[role]} {\n  font-size: ${ebookEm(role, DEFAULT_STYLE.ranks[rank][role])}em;\n}`),
  );
  return `/* The headline block by the story's rank (rank=1…4: 头条, 二条, 三条, 简讯), as in print. */\n${rules.join('\n\n')}`;
}

/** The article's classes: `box` and, when the page gives one, its rank. */
export function articleClasses(article: Article): string[] {
  return [...(article.kind === 'band-head' ? ['band-head'] : []), ...(article.box ? ['box'] : []), ...(article.rank === undefined ? [] : [`rank-${article.rank}`])];
}
