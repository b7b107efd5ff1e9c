/**
 * Composed pages: every line, figure and rule at its place on the page, in points from the
 * page's top-left corner (y downwards). Text keeps its items and the line's adjustment ratio;
 * the render stage turns them into glyph positions.
 */
import type { Align, ProcessColour, RowHeight } from '../model/index.js';
import type { Line } from '../linebreak/index.js';
import type { Item } from '../text/index.js';

/**
 * The owner of page furniture (the running head, its rules, the column rules) where an article
 * id would stand: never an article's id, which is letters, digits and `-` (an article may be
 * called `page`).
 */
export const PAGE = '#page';

/** Logical structure a mark belongs to (reading order, tagging). */
export interface StructureTag {
  /** Article id, or `#page` (PAGE) for page furniture. */
  readonly article: string;
  /** Role of the block: H1, P, Caption… (PDF structure types). */
  readonly role: StructureRole;
}

export type StructureRole = 'H1' | 'H2' | 'H3' | 'P' | 'Caption' | 'Figure' | 'BlockQuote' | 'Note' | 'Artifact';

/** A field of the running head (报眉) and the page's credit line. */
export type HeaderField = 'folio' | 'section' | 'paper' | 'date' | 'editor';

/**
 * Where a placed mark's content comes from: a block of the article as written (its index in
 * the article's blocks: a paragraph, a head, a photo with its caption), or text the page adds —
 * the box's column label (栏目名), a list item's numeral or bullet, the headline in short over a continuation, the jump lines
 * (上接/下转), the running head, a table's head row repeated where the table goes on. Audits match the first kind against the source, character by
 * character; marks of different origins must never overlap.
 */
export type MarkOrigin =
  | { readonly kind: 'block'; readonly index: number }
  /** The numeral or bullet hung before a list item or a note of block `index` (text the page adds). */
  | { readonly kind: 'marker'; readonly index: number }
  | { readonly kind: 'label' }
  | { readonly kind: 'short-head' }
  | { readonly kind: 'jump-in' }
  | { readonly kind: 'jump-out' }
  | { readonly kind: 'header'; readonly field: HeaderField }
  /** The front page's masthead (报头): line 0 the paper's name (or its image), then the lines under it. */
  | { readonly kind: 'masthead'; readonly line: number }
  /** A table's head row (block `index`) repeated over its rows continued in another column. */
  | { readonly kind: 'table-head'; readonly index: number };

/** A rectangle in page coordinates (points from the top-left corner, y downwards). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One line of text at its place. */
export interface PlacedLine {
  readonly kind: 'line';
  /** Left edge of the measure. */
  readonly x: number;
  /** Baseline. */
  readonly baseline: number;
  /** Width of the measure. */
  readonly measure: number;
  readonly align: Align;
  /** The paragraph's items; the line covers items[line.start, line.end). */
  readonly items: readonly Item[];
  readonly line: Line;
  /** True for the last line of a paragraph (never stretched). */
  readonly last: boolean;
  readonly tag: StructureTag;
  readonly origin: MarkOrigin;
  /**
   * Set on the page's baseline grid: its em box centred in a body line slot (body text, notes,
   * jump lines). Heads, captions and pull quotes keep their own leading inside whole grid lines.
   */
  readonly onGrid: boolean;
  /**
   * A column of a vertical headline (竖题): the line runs down the page. `x` is then the left
   * edge of the column's em boxes, `baseline` the top of its first em box, and `measure` the
   * column's length; the items' widths are lengths down the column (text/vertical.ts).
   */
  readonly vertical?: true;
  /** Ink other than black: a house colour, or paper (reversed text, 反白字). */
  readonly colour?: ProcessColour;
  /** Black text over a tint: printed over it (overprint), so misregistration leaves no white halo. */
  readonly overprint?: boolean;
}

export interface PlacedImage {
  readonly kind: 'image';
  readonly src: string;
  readonly alt: string;
  /** The layout cropped the photo to fill whole grid lines (drawn to cover its rectangle). */
  readonly crop: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Size of the image in pixels, for its resolution at the placed size. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly tag: StructureTag;
  readonly origin: MarkOrigin;
}

export interface PlacedRule {
  readonly kind: 'rule';
  /** Article whose area the rule belongs to (a box's border), or `page` (column rules, the header's rules). */
  readonly article: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  /** A house colour (the masthead's rule); black when absent. */
  readonly colour?: ProcessColour;
}

/** A filled rectangle (a tint, a bar). `grey` 0 = black, 1 = white; `colour`, when given, instead. */
export interface PlacedFill {
  readonly kind: 'fill';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly grey: number;
  readonly colour?: ProcessColour;
}

/** Marks in reading order: text and images interleaved as the articles read. */
export type PlacedElement = PlacedLine | PlacedImage;

/** Text and photos an article's area could not take. */
export interface OversetText {
  /** Characters left over: text, and the captions of photos left out. */
  readonly chars: number;
  /** First block (index in the article's blocks) not all set: where the audit points. */
  readonly block: number;
  /** Grid lines more the area would need, about. */
  readonly lacking: number;
  /** Photos left out for want of room, even at their smallest (block indices). */
  readonly figures: readonly number[];
  /** The left-over text set on in the area's columns as if they went on below its foot (y from 0 there): what a proof prints. */
  readonly marks: readonly PlacedElement[];
  /** Grid lines those marks take. */
  readonly depth: number;
}

/** What an article's area on a page could not take: what a proof shows in red and the audit reports. */
export interface Overset extends OversetText {
  readonly article: string;
  /** The area (module) on the page. */
  readonly area: Rect;
  /** Grid lines the area had. */
  readonly lines: number;
  /** The bands (rows of `areas`, from 0) the area spans. */
  readonly bands: readonly number[];
  /** Grid lines the page lacked to give every band what its articles need (0 when it had them). */
  readonly pageShort: number;
}

/** What compose found about each article, for the layout report and tests. */
export interface ArticleLayout {
  readonly id: string;
  /** Module rectangle. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Number and width (in characters) of its text columns. */
  readonly columns: number;
  readonly columnChars: number;
  /** Body lines set per column. */
  readonly linesPerColumn: readonly number[];
  /** Grid lines of the module used by content, out of the module's lines. */
  readonly usedLines: number;
  /** Line slots left white under the text columns (a column's blank lines, summed over columns). */
  readonly blankLines: number;
  /** Share of the module's line slots (lines × text columns) not left white. */
  readonly fill: number;
  readonly moduleLines: number;
}

/** A bookmark: an article and the title it shows under its page. */
export interface OutlineEntry {
  readonly article: string;
  /** The headline (主题); for a continuation, the headline followed by （续）. */
  readonly title: string;
}

export interface ComposedPage {
  readonly width: number;
  readonly height: number;
  readonly number: number;
  /** Bookmark label: 第11版 党建. */
  readonly label: string;
  readonly elements: readonly PlacedElement[];
  readonly rules: readonly PlacedRule[];
  readonly fills: readonly PlacedFill[];
  readonly articles: readonly ArticleLayout[];
  /** The articles on the page in reading order with their headlines, for bookmarks. */
  readonly outline: readonly OutlineEntry[];
  /** Type area (版心): where the articles' areas lie; the running head stands above it. */
  readonly typeArea: Rect;
  /** Body grid: its pitch, the top of line 0 (the type area's top), the baseline of a body line in line 0, and its lines. */
  readonly grid: { readonly pitch: number; readonly top: number; readonly firstBaseline: number; readonly lines: number };
  /** Articles whose text did not all fit their area (the build fails on any). */
  readonly overset: readonly Overset[];
  /** With `areas: auto`: the areas and rows proposed, and how they were chosen. */
  readonly makeup?: MakeupReport;
}

/** What the make-up proposer chose for a page with `areas: auto`, and how. */
export interface MakeupReport {
  readonly areas: readonly (readonly string[])[];
  /** The rows as `banmian propose` writes them: auto where the band solver gives the proposal's depths. */
  readonly rows: readonly RowHeight[];
  /** Each band's depth in grid lines. */
  readonly heights: readonly number[];
  readonly modules: readonly { readonly id: string; readonly rank: number; readonly columns: number; readonly lines: number; readonly range: { readonly least: number; readonly natural: number; readonly most: number } }[];
  readonly score: number;
  readonly tried: number;
  readonly rounds: number;
  readonly settings: number;
  readonly variants: Readonly<Record<string, Readonly<Record<number, readonly [number, number, number]>>>>;
  /** Heads of different ranks set side by side at one height, left and right. */
  readonly beside: readonly (readonly [string, string])[];
}
