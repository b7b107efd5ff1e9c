import type { TextRole } from './document.js';
import { DEFAULT_BOX_RANK, DEFAULT_RANK, type RankSizes, type StoryRank } from './rank.js';

/**
 * The house style: sizes, faces and spacing of every element. One resolved, read-only object
 * is passed to every stage that needs it; nothing looks settings up in inner loops.
 *
 * Lengths are points (1/72 inch = 1 bp, the unit of the Chinese 号 sizes).
 */

/** Chinese type sizes (号数制) in points, as ctex's `\zihao` and word processors define them. */
export const HAO = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
  六号: 7.5,
  小六: 6.5,
} as const;

/**
 * Font roles: what a piece of text is, not which font it uses. `fonts/fonts.json` maps each
 * role to a chain of faces (the first that has a character wins).
 */
export const FONT_ROLES = [
  'body',
  'strong',
  'emphasis',
  'headline',
  'kicker',
  'subtitle',
  'series',
  'byline',
  'note',
  'signature',
  'lede',
  'pullquote',
  'section-head',
  'section-subhead',
  'caption',
  'credit',
  'label',
  'box-headline',
  'header',
  'header-paper',
  'table-head',
  'table-title',
] as const;

export type FontRole = (typeof FONT_ROLES)[number];

/**
 * Roles added after version 1.0 of fonts.json, and the role whose faces they take when a
 * fonts.json written before them does not map them: such a file keeps working.
 */
export const FONT_ROLE_FALLBACK: Readonly<Partial<Record<FontRole, FontRole>>> = {
  'table-head': 'header',
  'table-title': 'section-head',
};

/** clreq #prohibition_rules_for_line_start_end: none, basic (recommended), GB, strict. */
export type KinsokuLevel = 'none' | 'basic' | 'gb' | 'strict';
/**
 * Punctuation width styles (xeCJK's PunctStyle names): `mainland` is the Mainland newspaper
 * style — full-width marks, adjacent marks 1.5 em, half width at line ends (GB/T 15834 5.1.10)
 * and line starts; `quanjiao` 全角式 keeps every mark 1 em at line edges; `kaiming` 开明式 sets
 * 。？！ full width and the other marks half; `hangmobanjiao` 行末半角式 trims at line edges only.
 */
export type PunctuationStyle = 'mainland' | 'quanjiao' | 'kaiming' | 'hangmobanjiao';
export type LineBreaking = 'total-fit' | 'first-fit';
/** `*emphasis*`: 着重号 dots under each Han character, or the kai face (role `emphasis`). */
export type EmphasisStyle = 'dots' | 'kai';

/** Typographic settings of an edition (`typography:` in edition.yml). */
export interface Typography {
  /** Half-width , : ; ! ? ( ) next to Han characters become full-width. */
  readonly normalize: boolean;
  readonly kinsoku: KinsokuLevel;
  readonly punctuation: PunctuationStyle;
  /** ¼ em between Han characters and Latin letters or digits (clreq 3.2.2). */
  readonly autospace: boolean;
  readonly linebreak: LineBreaking;
  readonly emphasis: EmphasisStyle;
  /** Long Latin words may break at a hyphen where the en-us patterns allow (text/hyphenate.ts). */
  readonly hyphenate: boolean;
  /** EPUB only: `vertical` sets the e-book top to bottom, right to left (the PDF stays horizontal). */
  readonly writingMode?: 'horizontal' | 'vertical';
}

export const DEFAULT_TYPOGRAPHY: Typography = {
  normalize: true,
  kinsoku: 'basic',
  punctuation: 'mainland',
  autospace: true,
  linebreak: 'total-fit',
  emphasis: 'dots',
  hyphenate: true,
  writingMode: 'horizontal',
};

/** The values each typography setting takes, for validation and messages. */
export const TYPOGRAPHY_CHOICES = {
  normalize: [true, false],
  kinsoku: ['none', 'basic', 'gb', 'strict'],
  punctuation: ['mainland', 'quanjiao', 'kaiming', 'hangmobanjiao'],
  autospace: [true, false],
  linebreak: ['total-fit', 'first-fit'],
  emphasis: ['dots', 'kai'],
  hyphenate: [true, false],
  writingMode: ['horizontal', 'vertical'],
} as const satisfies { readonly [K in keyof Typography]: readonly Typography[K][] };

/** Horizontal alignment of a block's lines. */
export type Align = 'justify' | 'center' | 'left' | 'right';

/** How one text role is set. */
export interface RoleStyle {
  readonly font: FontRole;
  /** Font size in points. */
  readonly size: number;
  readonly align: Align;
  /** First-line indent in ems of this role's size. */
  readonly indentEm: number;
  /** Distance between baselines inside the block, in points. */
  readonly leading: number;
  /** Penalty for breaking a line inside a phrase rather than at a typed space (headlines
   *  break at their phrase space: 党建聚合力 / 发展增动能); 0 for running text. */
  readonly phraseBreakPenalty: number;
  /** Penalty for breaking a line inside a word (民|生, 宋|涛) rather than between words
   *  (src/text/cjk/words.ts); 0 for running text, which breaks between any Han characters. */
  readonly wordBreakPenalty: number;
  /** A headline only: the smallest size it may be set at to keep each phrase on a line in a
   *  narrow module (its rank's range, model/rank.ts). */
  readonly minSize?: number;
  /** The face of `**strong**` inside this role, when not the `strong` role's (a brief's run-in
   *  head and a caption's bold lead-in are set in the sans bold face). */
  readonly strongFont?: FontRole;
}

export interface HouseStyle {
  /** Body text: size and line pitch define the baseline grid of the page. */
  readonly body: RoleStyle;
  /** Characters per basic column line at the body size (8 × 13 on a broadsheet). */
  readonly columnChars: number;
  /** Gutter between columns, in body characters. */
  readonly gutterChars: number;
  /** An article's text columns are never narrower or wider than this (characters): a module of
   *  narrow basic columns is set in fewer, wider ones, a very wide one in more. */
  readonly textColumnChars: { readonly min: number; readonly max: number };
  /** Headline (in `roles` and `boxHeadline`: face, alignment, leading) and kicker and subtitle
   *  sizes by the story's rank; `roles` holds them at the default rank. */
  readonly roles: Readonly<Record<Exclude<TextRole, 'paragraph'>, RoleStyle>>;
  readonly ranks: Readonly<Record<StoryRank, RankSizes>>;
  readonly caption: RoleStyle;
  readonly label: RoleStyle;
  /** The headline of a boxed commentary: its face, alignment and leading; its size is its
   *  story's rank's (a 三条 by default, model/rank.ts). */
  readonly boxHeadline: RoleStyle;
  readonly header: RoleStyle;
  readonly headerPaper: RoleStyle;
  /** The front page's masthead (报头): the paper's name, set large in the paper-name face, and
   *  the lines under it (date with 农历, issue, publisher). */
  readonly masthead: RoleStyle;
  readonly mastheadLine: RoleStyle;
  /** Jump lines: （下转第N版） at the break, （上接第N版） where the article goes on. */
  readonly jump: RoleStyle;
  /** The headline in short over a continuation. */
  readonly jumpHead: RoleStyle;
  /** Stroke widths of rules, in points. */
  readonly rules: { readonly column: number; readonly box: number; readonly header: number };
  /** Inside padding of a ruled box, in body characters. */
  readonly boxPaddingChars: number;
  readonly table: TableStyle;
}

/**
 * How a table is set: its cells in the body face, its head row in the sans face, both on the
 * body grid (each row one or more grid lines); a title above it and a source line below; the
 * newspaper's rules — thick above and below, thin under the head row and, asked for, between rows.
 */
export interface TableStyle {
  readonly cell: RoleStyle;
  readonly head: RoleStyle;
  readonly title: RoleStyle;
  readonly note: RoleStyle;
  /** Stroke widths in points: the rules above and below the table, under its head row, between rows. */
  readonly rules: { readonly outer: number; readonly head: number; readonly row: number };
  /** Space between two columns of a table, in ems of its cell size, and the least it closes to before a head wraps. */
  readonly columnGapEm: number;
  readonly minColumnGapEm: number;
}

const BODY_SIZE = HAO.小五;
/** Line pitch = size + gap; clreq #considerations_in_designing_type_area: gap 50–100 % of the size. */
const BODY_LEADING = BODY_SIZE * 1.5;

function role(font: FontRole, size: number, align: Align, indentEm = 0, leading = size * 1.3, phraseBreakPenalty = 0, wordBreakPenalty = 0): RoleStyle {
  return { font, size, align, indentEm, leading, phraseBreakPenalty, wordBreakPenalty };
}

/** Breaking a headline inside a phrase is a last resort (TeX-style cost, below the 10000 that forbids). */
const HEADLINE_PHRASE_PENALTY = 5000;
/**
 * Heads, bylines and captions break between words: a break inside a word costs more than one
 * inside a phrase (64·10⁶ demerits against 25·10⁶), so it is taken only when a word is wider
 * than the line; it stays below the line breaker's last resort (9000), where a Western token
 * breaks between letters.
 */
const WORD_BREAK_PENALTY = 8000;

/**
 * Headline sizes by rank: a Chinese daily's ladder of 号, one 号 step between the ranks' heads
 * (头条 小初, 二条 一号, 三条 二号, 简讯 三号). A rank's head is made smaller for a narrow module
 * down to the next 号 size only (小初 → 一号, …), so it stays above the next rank's head. 引题
 * and 副题 sit at least two 号 grades below their 主题 (reference §2.3 and rule 36, after
 * 晚报版面ABC: 主题 初号 → 引/副 小二); the lead's keep the 小三 they always had.
 */
const RANKS: Readonly<Record<StoryRank, RankSizes>> = {
  1: { headline: HAO.小初, headlineMin: HAO.一号, kicker: HAO.小三, subtitle: HAO.小三 },
  2: { headline: HAO.一号, headlineMin: HAO.小一, kicker: HAO.四号, subtitle: HAO.四号 },
  3: { headline: HAO.二号, headlineMin: HAO.小二, kicker: HAO.小四, subtitle: HAO.小四 },
  4: { headline: HAO.三号, headlineMin: HAO.小三, kicker: HAO.五号, subtitle: HAO.五号 },
};

/** The paper's name in the masthead: twice 初号, as a daily's front page sets it (a narrow page sets it smaller to fit). */
const MASTHEAD_SIZE = 2 * HAO.初号;

/** The default style: a Mainland broadsheet, 8 columns of 13 小五 characters. */
export const DEFAULT_STYLE: HouseStyle = {
  body: role('body', BODY_SIZE, 'justify', 2, BODY_LEADING),
  columnChars: 13,
  gutterChars: 1,
  textColumnChars: { min: 11, max: 24 },
  roles: {
    series: role('series', HAO.五号, 'left', 0, HAO.五号 * 1.3, 0, WORD_BREAK_PENALTY),
    kicker: role('kicker', RANKS[DEFAULT_RANK].kicker, 'center', 0, RANKS[DEFAULT_RANK].kicker * 1.3, HEADLINE_PHRASE_PENALTY, WORD_BREAK_PENALTY),
    headline: role('headline', RANKS[DEFAULT_RANK].headline, 'center', 0, RANKS[DEFAULT_RANK].headline * 1.25, HEADLINE_PHRASE_PENALTY, WORD_BREAK_PENALTY),
    subtitle: role('subtitle', RANKS[DEFAULT_RANK].subtitle, 'center', 0, RANKS[DEFAULT_RANK].subtitle * 1.3, HEADLINE_PHRASE_PENALTY, WORD_BREAK_PENALTY),
    byline: role('byline', HAO.小五, 'center', 0, HAO.小五 * 1.3, 0, WORD_BREAK_PENALTY),
    note: role('note', HAO.小五, 'justify', 2, BODY_LEADING),
    signature: role('signature', HAO.小五, 'right', 0, BODY_LEADING),
    lede: role('lede', HAO.小五, 'justify', 2, BODY_LEADING),
    pullquote: role('pullquote', HAO.四号, 'justify', 0, HAO.四号 * 1.45),
    'section-head': role('section-head', HAO.五号, 'center', 0, BODY_LEADING, 0, WORD_BREAK_PENALTY),
    'section-subhead': role('section-subhead', HAO.五号, 'center', 0, BODY_LEADING, 0, WORD_BREAK_PENALTY),
    credit: role('credit', HAO.六号, 'right', 0, BODY_LEADING, 0, WORD_BREAK_PENALTY),
    // List items hang their numeral or bullet in the indent (compose/list-slabs.ts); on the grid.
    'list-item': role('body', BODY_SIZE, 'justify', 0, BODY_LEADING),
    // A brief: indented like a paragraph, its **run-in head** in the sans bold face.
    brief: { ...role('body', BODY_SIZE, 'justify', 2, BODY_LEADING), strongFont: 'section-head' },
    // Notes: 六号 at their own leading, each kept whole at the foot of the article.
    footnote: role('body', HAO.六号, 'justify', 0, HAO.六号 * 1.45),
  },
  ranks: RANKS,
  caption: { ...role('caption', HAO.六号 + 0.5, 'justify', 0, BODY_LEADING * 0.75, 0, WORD_BREAK_PENALTY), strongFont: 'section-head' },
  label: role('label', HAO.三号, 'left', 0, HAO.三号 * 1.3, 0, WORD_BREAK_PENALTY),
  boxHeadline: role('box-headline', RANKS[DEFAULT_BOX_RANK].headline, 'center', 0, RANKS[DEFAULT_BOX_RANK].headline * 1.3, HEADLINE_PHRASE_PENALTY, WORD_BREAK_PENALTY),
  header: role('header', HAO.小五, 'left'),
  jump: role('byline', HAO.小五, 'right', 0, BODY_LEADING),
  jumpHead: role('headline', HAO.小二, 'center', 0, HAO.小二 * 1.3, HEADLINE_PHRASE_PENALTY, WORD_BREAK_PENALTY),
  headerPaper: role('header-paper', HAO.三号, 'left'),
  masthead: role('header-paper', MASTHEAD_SIZE, 'center', 0, MASTHEAD_SIZE),
  mastheadLine: role('header', HAO.小五, 'center', 0, HAO.小五 * 1.5),
  rules: { column: 0.5, box: 0.8, header: 0.8 },
  boxPaddingChars: 1,
  table: {
    // 六号 figures on the 小五 body's grid: a newspaper sets its tables a size below the text.
    cell: role('body', HAO.六号 + 0.5, 'left', 0, BODY_LEADING, 0, WORD_BREAK_PENALTY),
    head: role('table-head', HAO.六号 + 0.5, 'left', 0, BODY_LEADING, 0, WORD_BREAK_PENALTY),
    title: role('table-title', HAO.小五, 'center', 0, BODY_LEADING, 0, WORD_BREAK_PENALTY),
    note: role('caption', HAO.六号, 'left', 0, BODY_LEADING, 0, WORD_BREAK_PENALTY),
    rules: { outer: 1, head: 0.4, row: 0.25 },
    columnGapEm: 0.75,
    minColumnGapEm: 0.5,
  },
};
