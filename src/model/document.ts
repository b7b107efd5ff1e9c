/**
 * The document model: what a newsroom wrote, after parsing and before any layout.
 *
 * Plain, immutable, printable data. Both renderers start here: the page pipeline
 * (text → linebreak → compose → render → export/pdf) and the EPUB exporter. Nothing in it
 * knows about Markdown, fonts or points on a page.
 */
import type { ColourRef, Palette } from './colour.js';
import type { StoryRank } from './rank.js';
import type { Typography } from './style.js';
import type { StyleOverrides } from './style-overrides.js';

/** Where a construct came from, for error messages: `content/11.md:42`. */
export interface SourcePos {
  /** Path of the page file, as given to the parser (relative to the working directory). */
  readonly file: string;
  /** 1-based line number in that file. */
  readonly line: number;
}

/** One edition: a folder of page files, set as one PDF and one EPUB. */
export interface Edition {
  /** Output file stem: `output/<slug>.pdf`. */
  readonly slug: string;
  /** Title of the edition (PDF document title, EPUB title). */
  readonly title: string;
  /** BCP 47 language tag, `zh-Hans` by default. */
  readonly language: string;
  /** Absolute path of the edition folder; images are resolved inside it. */
  readonly dir: string;
  /** Pages in page-number order. */
  readonly pages: readonly Page[];
  /** Typographic settings (edition.yml `typography:`), defaults filled in. */
  readonly typography: Typography;
  /** Print settings (edition.yml `print:`): bleed and crop marks for the printer. */
  readonly print: PrintSettings;
  /** Changes to the house style (edition.yml `style:`), if any. */
  readonly style?: StyleOverrides;
  /** House colours (edition.yml `colours:`), `black` always among them; absent: black only. */
  readonly palette?: Palette;
  /** The front page's masthead (edition.yml `masthead:`), if the edition has one. */
  readonly masthead?: Masthead;
}

/**
 * The masthead (报头) of the front page (edition.yml `masthead:`): the paper's name set large in
 * a house colour, or an image of it; the date line (with 农历) and the issue and publisher lines.
 */
export interface Masthead {
  /** The name as set; default: the front page's `paper`. */
  readonly name?: string;
  /** Colour of the set name (and of the rules under the band); default black. */
  readonly colour?: ColourRef;
  /** An image of the name, instead of setting it (a PNG or JPEG in the edition folder). */
  readonly image?: MastheadImage;
  /** Issue number, as printed: 第27561期. */
  readonly issue?: string;
  /** Publisher line: 江城日报社出版. */
  readonly publisher?: string;
  /** More lines under it (registration codes, 今日N版 …), in order. */
  readonly lines: readonly string[];
  readonly source: SourcePos;
}

export interface MastheadImage {
  /** Absolute path, inside the edition folder. */
  readonly src: string;
  /** As written in edition.yml. */
  readonly href: string;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

/** What the printer asks for around the trimmed page. */
export interface PrintSettings {
  /** Bleed on each side, in millimetres (0: none). */
  readonly bleedMm: number;
  /** Draw crop marks (裁切线) at the trim corners, outside the bleed. */
  readonly cropMarks: boolean;
  /** The printing condition the CMYK is meant for, embedded as the PDF's output intent. */
  readonly outputIntent?: OutputIntent;
}

/** A printing condition: the printer's ICC output profile and its registered name. */
export interface OutputIntent {
  /** Absolute path of the ICC profile (an output profile in CMYK), inside the edition folder. */
  readonly profile: string;
  /** Its name in the ICC registry of characterized printing conditions, e.g. `ISOnewspaper26v4`. */
  readonly condition: string;
  /** A description for people, e.g. `Coldset newsprint (ISO 12647-3)`; the condition if not given. */
  readonly info: string;
}

export const DEFAULT_PRINT: PrintSettings = { bleedMm: 0, cropMarks: false };

/** Named page sizes of the content format, or an explicit `WxHmm`. */
export type PageSizeName = 'broadsheet' | 'tabloid' | 'A3' | 'A4';

/** A page size: named, or width × height in millimetres. */
export type PageSizeSpec =
  | { readonly kind: 'named'; readonly name: PageSizeName }
  | { readonly kind: 'custom'; readonly widthMm: number; readonly heightMm: number };

/** Height of one band of the page's `areas` grid. */
export type RowHeight =
  | { readonly kind: 'auto' }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'mm'; readonly value: number }
  /** Whole grid lines (`"30 lines"`): what `banmian propose` writes where `auto` would not give its bands. */
  | { readonly kind: 'lines'; readonly value: number };

/** Where `areas: auto` puts the page's lead (头条): across the top, down the left side, or where it scores best. */
export type LeadPlacement = 'top' | 'left' | 'any';
export const LEAD_PLACEMENTS: readonly LeadPlacement[] = ['top', 'left', 'any'];

/**
 * `areas: auto` (automatic make-up): the page builder proposes the page's areas from its
 * articles and their ranks. The template's hints bind the proposal.
 */
export interface AutoMakeup {
  readonly lead: LeadPlacement;
  /**
   * Cells kept empty (an advertisement slot): a grid like `areas` of `*` (the proposer's) and
   * `.` (kept), its bands as deep as the page's `rows` say; absent, the whole page is the proposer's.
   */
  readonly template?: readonly (readonly ('*' | '.')[])[];
  /** Articles of earlier pages that go on here (jumps), as `areas` would name them. */
  readonly continued: readonly string[];
}

/** A page of the edition, with its header data and the articles placed on it. */
export interface Page {
  readonly source: SourcePos;
  /** Paper name for the page header (报眉), e.g. 人民日报. */
  readonly paper: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  /** Page number (版次): the header shows 第N版. */
  readonly number: number;
  /** Section name (版名), e.g. 党建. */
  readonly section: string;
  /** Optional page credit line, e.g. 责任编辑：张三. */
  readonly editor?: string;
  readonly size: PageSizeSpec;
  /** Number of basic grid columns. */
  readonly columns: number;
  /** Bands of the grid, each a list of `columns` article ids; `.` is an empty cell. Empty on a
   *  page with `areas: auto` until the page builder proposes them. */
  readonly areas: readonly (readonly string[])[];
  /** One height per band (of `areas`, or of the template of `areas: auto`). */
  readonly rows: readonly RowHeight[];
  /** `areas: auto`: the page builder proposes the areas (content format: automatic make-up). */
  readonly auto?: AutoMakeup;
  /** The articles first set on this page, in source order. */
  readonly articles: readonly Article[];
  /** The front page (头版): the masthead instead of the running head (page 1 of an edition
   *  with a `masthead:`, or `front: true`). */
  readonly front?: boolean;
  /** Ear boxes (报眼) beside the masthead, by article id: at most two (`ears:`). */
  readonly ears?: readonly string[];
}

/**
 * What a module holds: a story (稿件), or a band head (通栏标题): the headline block alone,
 * `::: band ID`, set across the stories of the band under it, which it heads.
 */
export type ArticleKind = 'story' | 'band-head';

/** A story (稿件): one rectangular module on the page. */
export interface Article {
  readonly source: SourcePos;
  /** Id used in `areas`. */
  readonly id: string;
  /** A band head (`::: band ID`); absent: a story. */
  readonly kind?: ArticleKind;
  /** Set inside a ruled box (commentary column). */
  readonly box: boolean;
  /** Column label (栏目名), e.g. 金台潮声. */
  readonly label?: string;
  /** The story's rank on the page (`rank=1…4`: 头条, 二条, 三条, 简讯), which sets the size of
   *  its headline block; absent: the default rank (model/rank.ts). */
  readonly rank?: StoryRank;
  /** A block of briefs (简讯, `::: article id briefs`): each paragraph opening with a bold run-in
   *  head is a brief (role `brief`), under one small block head. */
  readonly briefs?: boolean;
  /** A tint behind the whole area (底纹): `tint=black:10%`, `tint=red:15%`. */
  readonly tint?: ColourRef;
  /** The label reversed (反白): white on a bar of this colour (`label-colour=red`). */
  readonly labelColour?: ColourRef;
  readonly blocks: readonly Block[];
}

/** Roles of a block of running text inside an article. */
export type TextRole =
  | 'series' // 专栏/专题 tag, above everything
  | 'kicker' // 引题
  | 'headline' // 主题
  | 'subtitle' // 副题
  | 'byline' // 本报记者 ……
  | 'note' // 编者按
  | 'signature' // ——编者, flush right
  | 'lede' // lead-in set apart
  | 'paragraph' // body text
  | 'pullquote' // 引语 set large inside the body
  | 'section-head' // 小标题, first level (##)
  | 'section-subhead' // 小标题, second level (###)
  | 'credit' // photo / design credit
  | 'list-item' // an item of a list (numbered, bulleted, or an index list of the 导读 box)
  | 'brief' // one brief of a block of briefs (简讯): a bold run-in head, then its text
  | 'footnote'; // a note (`[^1]: …`), set small at the foot of its article

/** Inline content: text with strong and emphasis spans. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'emphasis'; readonly children: readonly Inline[] }
  | { readonly kind: 'break' }
  /** A note marker (`[^1]`): the note's number in its article, set as a superscript numeral. */
  | { readonly kind: 'noteref'; readonly number: number };

/** Kinds of list: numbered (`1.`), bulleted (`-`), or an index list (导读) whose items end in a page reference. */
export type ListKind = 'ordered' | 'bullet' | 'index';

/** What makes a text block an item of a list. */
export interface ListMark {
  readonly kind: ListKind;
  /** Which list of the article it belongs to (0, 1, …): consecutive items of one list share it. */
  readonly list: number;
  /** The item's number (ordered lists: from the list's start; others: from 1). */
  readonly number: number;
  /** The list's first and last numbers (`3.` starts a list at 3). */
  readonly start: number;
  readonly highest: number;
  /** An index item's page reference as written at its end (`第3版`, `3版`), not in `inlines`. */
  readonly ref?: string;
}

/** The edge of its article a vertical headline (竖题) stands at. */
export type VerticalSide = 'right' | 'left';

/** A block of text in one role. */
export interface TextBlock {
  readonly kind: 'text';
  readonly role: TextRole;
  readonly inlines: readonly Inline[];
  /** A headline's own size in points (`{size=一号}`), instead of its rank's. */
  readonly size?: number;
  /** A headline set top to bottom beside its article's columns (`{.vertical}`, `side=left`). */
  readonly vertical?: VerticalSide;
  /** A list item's list (role `list-item`). */
  readonly list?: ListMark;
  /** A note's number in its article (role `footnote`), and its label as written (`[^label]`). */
  readonly note?: { readonly number: number; readonly label: string };
  /** A headline's house colour (`{colour=red}`); body text is always black. */
  readonly colour?: ColourRef;
  readonly source: SourcePos;
}

/**
 * Where a photo sits: at the top or the foot of the columns it spans, or above its article's
 * headline across the module (压题照片, `{place=above}`).
 */
export type FigurePlace = 'top' | 'bottom' | 'above';

/** A depth asked for a photo's frame (caption included): whole grid lines, or millimetres. */
export type FigureHeight = { readonly unit: 'lines'; readonly value: number } | { readonly unit: 'mm'; readonly value: number };

/** A photo with its caption. */
export interface Figure {
  readonly kind: 'figure';
  /** Absolute path of the image file, inside the edition folder. */
  readonly src: string;
  /** Path as written in the source, relative to the edition folder. */
  readonly href: string;
  /** Alternative text (for EPUB and tagged PDF). */
  readonly alt: string;
  /** Caption (图说). May be empty. */
  readonly caption: readonly Inline[];
  /** Requested width in basic columns, from `{cols=N}`. */
  readonly cols?: number;
  /** Top (default) or bottom of its columns, from `{place=bottom}`; or above the headline, `{place=above}`. */
  readonly place?: FigurePlace;
  /** Depth of photo and caption, from `{height=12}` (grid lines) or `{height=40mm}`; absent: the layout picks it. */
  readonly height?: FigureHeight;
  /**
   * May the layout crop it to fill its frame? A photo may (JPEG: yes); a graphic, a chart or a
   * map must be shown whole (PNG: no). `{crop=yes}` or `{crop=no}` says so for one figure.
   * Absent: yes.
   */
  readonly crop?: boolean;
  /** Pixel size of the image, read at parse time. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly source: SourcePos;
}

/**
 * How a column of a table is aligned: as the delimiter row says (`:---` left, `:---:` centre,
 * `---:` right), or, for a column of figures with no alignment written, on the decimal point.
 */
export type TableAlign = 'left' | 'center' | 'right' | 'decimal';

/** A row of a table: its cells' text (plain, **strong** or *emphasis*), one per column. */
export interface TableRow {
  readonly cells: readonly (readonly Inline[])[];
  readonly source: SourcePos;
}

/**
 * A table (统计表): a GFM pipe table with its head row, body rows and per-column alignment, an
 * optional title (the `{.table-title}` paragraph just before it) and source line (the
 * `{.source}` paragraph just after it, 来源：…), its width in text columns (`{cols=N}`) and
 * thin rules between its rows (`{rules=rows}`).
 */
export interface Table {
  readonly kind: 'table';
  readonly head: TableRow;
  readonly rows: readonly TableRow[];
  /** One per column. */
  readonly align: readonly TableAlign[];
  readonly title?: readonly Inline[];
  /** The source line under it (来源：国家统计局). */
  readonly note?: readonly Inline[];
  /** Width in the article's text columns, from `{cols=N}`; absent: one column. */
  readonly cols?: number;
  /** Thin rules between the body rows, from `{rules=rows}`. */
  readonly rowRules: boolean;
  readonly source: SourcePos;
}

export type Block = TextBlock | Figure | Table;
