/**
 * A story's rank on its page (稿件的主次): the lead (头条), the second and third stories (二条,
 * 三条) and briefs (简讯). The rank, not the width of the module, sets the size of the headline
 * block, so two stories of one rank carry heads of one size, and a brief's head never outranks
 * a lead's (reference §2.3: the headline's size shows the story's weight on the page).
 */
import type { HouseStyle, RoleStyle } from './style.js';

export const STORY_RANKS = [1, 2, 3, 4] as const;
export type StoryRank = (typeof STORY_RANKS)[number];

/** The newsroom's names of the ranks, for messages and documentation. */
export const RANK_NAMES: Readonly<Record<StoryRank, string>> = { 1: '头条', 2: '二条', 3: '三条', 4: '简讯' };

/**
 * An article without `rank=` is set as a lead, as every article was before ranks existed, so
 * pages written without them keep their look (the sample's lead among them).
 */
export const DEFAULT_RANK: StoryRank = 1;

/**
 * A boxed commentary (`box`) without `rank=` is set as a 三条: its 二号 head is the size the
 * box headline always had.
 */
export const DEFAULT_BOX_RANK: StoryRank = 3;

/** The sizes of a rank's headline block, in points. */
export interface RankSizes {
  /** 主题. */
  readonly headline: number;
  /** The smallest the 主题 may be set to keep each phrase on a line in a narrow module: below
   *  it the head breaks inside a phrase instead, so it never falls into the next rank's sizes. */
  readonly headlineMin: number;
  /** 引题. */
  readonly kicker: number;
  /** 副题. */
  readonly subtitle: number;
}

/** Roles whose size the rank sets. */
export type RankedRole = 'headline' | 'kicker' | 'subtitle';

/** The rank an article is set at: its own, else the default for a box or a plain story. */
export function rankOf(article: { readonly rank?: StoryRank; readonly box: boolean }): StoryRank {
  return article.rank ?? (article.box ? DEFAULT_BOX_RANK : DEFAULT_RANK);
}

/** `role`'s style at `size`: the leading keeps its ratio to the size. */
function atSize(role: RoleStyle, size: number): RoleStyle {
  return size === role.size ? role : { ...role, size, leading: (role.leading / role.size) * size };
}

/**
 * How a ranked role is set: the house style's face, alignment and leading for the role (the box
 * headline's in a box), at the rank's size. `size` (a headline's `{size=…}`) overrides the
 * rank and is kept as written: the head is then not made smaller for a narrow module.
 */
export function rankedStyle(style: HouseStyle, role: RankedRole, rank: StoryRank, box: boolean, size?: number): RoleStyle {
  const sizes = style.ranks[rank];
  if (role !== 'headline') return atSize(style.roles[role], sizes[role]);
  const template = box ? style.boxHeadline : style.roles.headline;
  if (size !== undefined) return { ...atSize(template, size), minSize: size };
  return { ...atSize(template, sizes.headline), minSize: sizes.headlineMin };
}
