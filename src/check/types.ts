/**
 * The audit's findings and figures: what `banmian check` prints, `--json` gives CI, and the
 * build's layout report carries. Plain data.
 */
import type { Rect } from '../compose/index.js';
import type { SourcePos } from '../model/index.js';

/** An error fails `check` and the build; a warning fails them only under `--strict`. */
export type Severity = 'error' | 'warning';

/** What a finding is about. */
export type FindingCode =
  /** A mark clreq forbids at a line start (，。）》…) begins a line. */
  | 'line-start'
  /** A mark clreq forbids at a line end (“（《…) ends a line. */
  | 'line-end'
  /** —— or …… is split across two lines. */
  | 'split-mark'
  /** A justified line does not reach both edges of its column, or runs past one (overfull). */
  | 'not-flush'
  /** A body line is off the page's baseline grid. */
  | 'off-grid'
  /** An element lies outside its article's area. */
  | 'outside-area'
  /** An article's area lies outside the type area (版心). */
  | 'outside-type-area'
  /** Page furniture lies off the page, or within the 3 mm safe margin inside the trim. */
  | 'off-page'
  /** Two elements of different blocks are drawn over each other. */
  | 'overlap'
  /** Characters of the source are not on the page, or not as written. */
  | 'lost-text'
  /** Characters of the source are on the page more than once. */
  | 'repeated-text'
  /** An article's text is placed out of its reading order. */
  | 'reading-order'
  /** A character is drawn with no glyph (an empty box: tofu). */
  | 'tofu'
  /** A photo prints below 150 ppi at its placed size. */
  | 'low-resolution'
  /** An article's text does not all fit its area. */
  | 'overset'
  /** An article's area is more than 3% blank. */
  | 'underfill'
  /** The PDF's extracted text of an article differs from the layout's. */
  | 'pdf-text';

/** One thing wrong, where it is and what to do about it. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Page number (版次) of the edition. */
  readonly page: number;
  /** Article id, or `#page` for the running head and the page as a whole (no article id can be). */
  readonly article: string;
  /** Where in the page file: the block's line, else the article's, else the page's front matter. */
  readonly source: SourcePos;
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
  /** Where on the page, in points from its top-left corner (for proofs). */
  readonly at?: Rect;
}

/** What the audit measured, for people and CI. */
export interface CheckFigures {
  readonly pages: number;
  readonly articles: number;
  /** Lines of text placed. */
  readonly lines: number;
  /** Justified lines that are not a paragraph's last, and how many of them are flush at both column edges. */
  readonly justifiedLines: number;
  readonly flushLines: number;
  /** Lines set on the baseline grid, and how many of them are on it. */
  readonly gridLines: number;
  readonly onGridLines: number;
  /** Visible characters of the source (articles' blocks and labels), and how many were placed as written. */
  readonly sourceChars: number;
  readonly placedChars: number;
  readonly images: number;
  /** Articles (per page) whose text was read back from the PDF, and how many read as set; absent when no PDF was checked. */
  readonly pdfArticles?: number;
  readonly pdfArticlesMatching?: number;
}

/** The audit of one edition. */
export interface CheckReport {
  readonly edition: string;
  readonly figures: CheckFigures;
  /** In page order, then by the order the checks run. */
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}
