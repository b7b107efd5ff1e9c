/**
 * Composed pages: every line, figure and rule at its place on the page, in points from the
 * page's top-left corner (y downwards). Text keeps its items and the line's adjustment ratio;
 * the render stage turns them into glyph positions.
 */
import type { Align } from '../model/index.js';
import type { Line } from '../linebreak/index.js';
import type { Item } from '../text/index.js';

/** Logical structure a mark belongs to (reading order, tagging). */
export interface StructureTag {
  /** Article id, or `page` for page furniture. */
  readonly article: string;
  /** Role of the block: H1, P, Caption… (PDF structure types). */
  readonly role: StructureRole;
}

export type StructureRole = 'H1' | 'H2' | 'H3' | 'P' | 'Caption' | 'Figure' | 'BlockQuote' | 'Note' | 'Artifact';

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
  readonly tag: StructureTag;
}

export interface PlacedRule {
  readonly kind: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
}

/** A filled rectangle (a tint, a bar). `grey` 0 = black, 1 = white. */
export interface PlacedFill {
  readonly kind: 'fill';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly grey: number;
}

/** Marks in reading order: text and images interleaved as the articles read. */
export type PlacedElement = PlacedLine | PlacedImage;

/** A warning about the layout that is not fatal. */
export interface LayoutWarning {
  readonly article: string;
  readonly message: string;
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
  /** Body grid: pitch and the baseline of line 0 (for tests of grid alignment). */
  readonly grid: { readonly pitch: number; readonly firstBaseline: number; readonly lines: number };
  readonly warnings: readonly LayoutWarning[];
}
