/**
 * The document model: what a newsroom wrote, after parsing and before any layout.
 *
 * Plain, immutable, printable data. Both renderers start here: the page pipeline
 * (text → linebreak → compose → render → export/pdf) and the EPUB exporter. Nothing in it
 * knows about Markdown, fonts or points on a page.
 */
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
  | { readonly kind: 'mm'; readonly value: number };

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
  /** Bands of the grid, each a list of `columns` article ids; `.` is an empty cell. */
  readonly areas: readonly (readonly string[])[];
  /** One height per band. */
  readonly rows: readonly RowHeight[];
  /** The articles first set on this page, in source order. */
  readonly articles: readonly Article[];
}

/** A story (稿件): one rectangular module on the page. */
export interface Article {
  readonly source: SourcePos;
  /** Id used in `areas`. */
  readonly id: string;
  /** Set inside a ruled box (commentary column). */
  readonly box: boolean;
  /** Column label (栏目名), e.g. 金台潮声. */
  readonly label?: string;
  /** The story's rank on the page (`rank=1…4`: 头条, 二条, 三条, 简讯), which sets the size of
   *  its headline block; absent: the default rank (model/rank.ts). */
  readonly rank?: StoryRank;
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
  | 'credit'; // photo / design credit

/** Inline content: text with strong and emphasis spans. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'emphasis'; readonly children: readonly Inline[] }
  | { readonly kind: 'break' };

/** A block of text in one role. */
export interface TextBlock {
  readonly kind: 'text';
  readonly role: TextRole;
  readonly inlines: readonly Inline[];
  /** A headline's own size in points (`{size=一号}`), instead of its rank's. */
  readonly size?: number;
  readonly source: SourcePos;
}

/** Where a photo sits in the columns it spans. */
export type FigurePlace = 'top' | 'bottom';

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
  /** Top (default) or bottom of its columns, from `{place=bottom}`. */
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
