import type { HouseStyle, PageSizeSpec } from '../model/index.js';

/** Points per millimetre (1 pt = 1/72 in = 25.4/72 mm). */
export const PT_PER_MM = 72 / 25.4;

/** Page and type area (版心) sizes in millimetres. Broadsheet 对开 and tabloid 四开 after the
 *  textbook figures in reference §2.1 (390 × 550, type area about 350 × 490). */
const NAMED_SIZES = {
  broadsheet: { page: [390, 550], typeArea: [353, 490] },
  tabloid: { page: [275, 390], typeArea: [245, 350] },
  A3: { page: [297, 420], typeArea: [267, 380] },
  A4: { page: [210, 297], typeArea: [186, 265] },
} as const;

/** For a custom size the type area keeps this share of each side. */
const CUSTOM_TYPE_AREA_SHARE = 0.9;

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

export function pageSizeMm(spec: PageSizeSpec): { page: readonly [number, number]; typeArea: readonly [number, number] } {
  if (spec.kind === 'named') return NAMED_SIZES[spec.name];
  return {
    page: [spec.widthMm, spec.heightMm],
    typeArea: [spec.widthMm * CUSTOM_TYPE_AREA_SHARE, spec.heightMm * CUSTOM_TYPE_AREA_SHARE],
  };
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
  const maxWidth = typeArea[0] * PT_PER_MM;
  const fitChars = Math.floor(((maxWidth + gutter) / columns - gutter) / em);
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
