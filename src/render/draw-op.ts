/**
 * DrawOps: a finished page as positioned marks, backend-neutral.
 *
 * Coordinates are points from the page's top-left corner, y growing downwards. Exporters
 * (export/pdf, export/trace) draw exactly these and decide nothing.
 */
import type { PlacedGlyphs } from './placed-glyphs.js';

/** A colour: grey level (0 = black, 1 = white) or CMYK (0–1 each). */
export type Colour =
  | { readonly space: 'gray'; readonly value: number }
  | { readonly space: 'cmyk'; readonly c: number; readonly m: number; readonly y: number; readonly k: number };

/** One glyph of a run, at an offset from the run's origin (a run keeps them as PlacedGlyphs: placed-glyphs.ts). */
export interface PlacedGlyph {
  /** Glyph id in the face. */
  readonly id: number;
  /** Horizontal offset of the glyph origin from the run's x, in points. */
  readonly dx: number;
  /** The source characters this glyph stands for (ToUnicode; may be '' for a ligature tail). */
  readonly text: string;
  /**
   * Set on a punctuation mark set narrower than its advance: the width it is set in, in points,
   * from its origin to the next glyph's origin (or to the end of its box at the line end). Its
   * blank half was trimmed at the line end (GB/T 15834 5.1.10) or compressed (clreq
   * #h-adjustment_of_adjacent_punctuation_marks). The PDF gives the glyph this width, so text
   * selection and extraction see where its ink ends, not its nominal em.
   */
  readonly advance?: number;
  /**
   * Vertical offset of the glyph origin below the run's y, in points: set on every glyph of a
   * column of a vertical headline (竖题), drawn glyph by glyph down the page. Absent: the glyph
   * is on the run's baseline.
   */
  readonly dy?: number;
}

/** Which logical structure a mark belongs to, for reading order and tagging. */
export interface MarkTag {
  /** Article id, or `#page` for page furniture (header, folio), which no article id can be. */
  readonly article: string;
  /** Structure role of the block the mark belongs to, e.g. `H1`, `P`, `Caption`. */
  readonly role: string;
}

export type DrawOp =
  | {
      readonly op: 'glyphs';
      /** Face key of the FontBook (fonts stage). */
      readonly face: string;
      /** Font size in points. */
      readonly size: number;
      /** Run origin: x of the first glyph origin. */
      readonly x: number;
      /** Baseline y. */
      readonly y: number;
      readonly glyphs: PlacedGlyphs;
      readonly colour: Colour;
      readonly tag: MarkTag;
      /** Print over what is under it (black text on a tint: no white halo where plates shift);
       *  absent: knock out, as white reversed text must. */
      readonly overprint?: boolean;
    }
  | {
      /** A straight rule (column rule, box side, header rule). */
      readonly op: 'rule';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      /** Stroke width in points. */
      readonly width: number;
      readonly colour: Colour;
    }
  | {
      /** A filled rectangle (tint behind a box, a bar). */
      readonly op: 'fill';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly colour: Colour;
    }
  | {
      /** A filled dot: an emphasis mark (着重号) under a character. */
      readonly op: 'dot';
      readonly cx: number;
      readonly cy: number;
      readonly r: number;
      readonly colour: Colour;
    }
  | {
      /** A raster image scaled into a rectangle. */
      readonly op: 'image';
      /** Absolute path of the image file (JPEG). */
      readonly src: string;
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly alt: string;
      /** `fill`: scaled into the rectangle; `cover`: scaled to cover it, centred and clipped (cropped). */
      readonly fit: 'fill' | 'cover';
      readonly tag: MarkTag;
    };

/** A rectangle in page coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where the trimmed page and its bleed lie on a sheet made larger for the printer. */
export interface PageBoxes {
  readonly trim: Box;
  readonly bleed: Box;
}

/** One rendered page. */
export interface RenderedPage {
  /** Page (sheet) width and height in points: the trimmed page, or larger with bleed and marks. */
  readonly width: number;
  readonly height: number;
  /** Trim and bleed boxes when the sheet is larger than the trimmed page. */
  readonly boxes?: PageBoxes;
  /** Page number (版次), for bookmarks. */
  readonly number: number;
  /** Label for the page's bookmark, e.g. 第11版 党建. */
  readonly label: string;
  /** Marks in drawing order; text marks are in reading order. */
  readonly ops: readonly DrawOp[];
  /** Articles on the page in reading order with their headlines (bookmarks under the page). */
  readonly outline: readonly { readonly article: string; readonly title: string }[];
}
