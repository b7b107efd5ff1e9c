import type { RankSizes, StoryRank } from './rank.js';
import { HAO, type HouseStyle, type RoleStyle } from './style.js';

/**
 * What an edition may change of the house style (`style:` in edition.yml): type sizes, in 号
 * (五号, 小五, 六号 …) or points (`9pt`), and the column grid.
 */
export interface StyleOverrides {
  /** Sizes in points, by element. */
  readonly sizes: Partial<Record<SizedElement, number>>;
  /** Characters per basic column line. */
  readonly columnChars?: number;
  /** Gutter in body characters. */
  readonly gutterChars?: number;
  /** Body line pitch as a multiple of the body size (clreq: 1.5–2). */
  readonly leading?: number;
}

export const SIZED_ELEMENTS = ['body', 'headline', 'kicker', 'subtitle', 'series', 'byline', 'caption', 'section-head', 'pullquote'] as const;
export type SizedElement = (typeof SIZED_ELEMENTS)[number];

/** `小五` → 9, `9pt` → 9, `10.5` → 10.5; undefined when not a size. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number' && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const hao = (HAO as Record<string, number>)[value.trim()];
  if (hao !== undefined) return hao;
  const pt = /^\s*(\d+(?:\.\d+)?)\s*pt\s*$/.exec(value);
  return pt ? Number(pt[1]) : undefined;
}

function resized(role: RoleStyle, size: number | undefined): RoleStyle {
  if (size === undefined) return role;
  const factor = size / role.size;
  return { ...role, size, leading: role.leading * factor };
}

/**
 * The rank table after a change of the headline, kicker or subtitle size: the size given is the
 * default rank's (what `roles` holds), and every rank's size of that element moves by the same
 * factor, so the ranks keep their order and their steps.
 */
function scaledRanks(base: HouseStyle, size: StyleOverrides['sizes']): HouseStyle['ranks'] {
  const factor = (element: 'headline' | 'kicker' | 'subtitle'): number => (size[element] ?? base.roles[element].size) / base.roles[element].size;
  const [headline, kicker, subtitle] = [factor('headline'), factor('kicker'), factor('subtitle')];
  if (headline === 1 && kicker === 1 && subtitle === 1) return base.ranks;
  const scale = (r: RankSizes): RankSizes => ({
    headline: r.headline * headline,
    headlineMin: r.headlineMin * headline,
    kicker: r.kicker * kicker,
    subtitle: r.subtitle * subtitle,
  });
  return Object.fromEntries(Object.entries(base.ranks).map(([rank, sizes]) => [rank, scale(sizes)])) as Record<StoryRank, RankSizes>;
}

/** The house style with an edition's overrides applied; leading follows a changed size. */
export function applyStyle(base: HouseStyle, overrides: StyleOverrides | undefined): HouseStyle {
  if (!overrides) return base;
  const size = overrides.sizes;
  const bodySize = size.body ?? base.body.size;
  const leading = overrides.leading !== undefined ? bodySize * overrides.leading : (base.body.leading / base.body.size) * bodySize;
  // Roles set on the body grid keep the (new) body pitch whatever their size.
  const restyle = (role: RoleStyle, newSize: number | undefined): RoleStyle =>
    role.leading === base.body.leading ? { ...role, size: newSize ?? role.size, leading } : resized(role, newSize);
  const roles = Object.fromEntries(Object.entries(base.roles).map(([name, role]) => [name, restyle(role, size[name as SizedElement])])) as HouseStyle['roles'];
  return {
    ...base,
    body: { ...base.body, size: bodySize, leading },
    columnChars: overrides.columnChars ?? base.columnChars,
    gutterChars: overrides.gutterChars ?? base.gutterChars,
    roles,
    ranks: scaledRanks(base, size),
    caption: restyle(base.caption, size.caption),
    boxHeadline: size.headline !== undefined ? resized(base.boxHeadline, size.headline * (base.boxHeadline.size / base.roles.headline.size)) : base.boxHeadline,
  };
}
