import { columnCharsThatFit, pageSizeMm, PT_PER_MM, type HouseStyle, type PageSizeSpec } from '../model/index.js';

export { PT_PER_MM } from '../model/index.js';

/** Ascent of the CJK ideographic em box above the baseline, in ems (Noto CJK / Source Han: 0.88). */
export const EM_BOX_ASCENT = 0.88;

/** The page's grid: columns a whole number of characters wide, lines on one pitch. */
export interface PageGeometry {
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Type area, in points. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Body em (character width) and basic column width. */
  readonly em: number;
  readonly columns: number;
  readonly columnChars: number;
  readonly columnWidth: number;
  readonly gutter: number;
  /** Line pitch of the body grid. */
  readonly pitch: number;
}


/**
 * Lay the grid: n columns of c characters and n−1 gutters of one character, c as large as the
 * type area allows up to the style's column width (clreq #considerations_in_designing_type_area:
 * line length a whole multiple of the character size). The type area is centred on the page.
 */
export function pageGeometry(spec: PageSizeSpec, columns: number, style: HouseStyle): PageGeometry {
  const { page, typeArea } = pageSizeMm(spec);
  const em = style.body.size;
  const gutter = style.gutterChars * em;
  // The style's width when it fits (an edition that asks for more is refused by the parser); the
  // house default narrows on a smaller page.
  const fitChars = columnCharsThatFit(spec, columns, em, style.gutterChars);
  const columnChars = Math.max(1, Math.min(style.columnChars, fitChars));
  const columnWidth = columnChars * em;
  const width = columns * columnWidth + (columns - 1) * gutter;
  const pitch = style.body.leading;
  const height = Math.floor((typeArea[1] * PT_PER_MM) / pitch) * pitch;
  const pageWidth = page[0] * PT_PER_MM;
  const pageHeight = page[1] * PT_PER_MM;
  return {
    pageWidth,
    pageHeight,
    left: (pageWidth - width) / 2,
    top: (pageHeight - height) / 2,
    width,
    height,
    em,
    columns,
    columnChars,
    columnWidth,
    gutter,
    pitch,
  };
}

/** Baseline of a line of text of `size` centred in a slot of height `slot` whose top is `top`. */
export function baselineIn(top: number, slot: number, size: number): number {
  return top + (slot - size) / 2 + EM_BOX_ASCENT * size;
}
