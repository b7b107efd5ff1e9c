/**
 * Page sizes: the named sizes of Chinese newspapers and their type areas (版心), in
 * millimetres, and how many characters a column of a grid can hold — what the parser checks an
 * edition's style against and the page builder lays its grid by.
 */
import type { PageSizeSpec } from './document.js';

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

/**
 * Nothing is set closer than this to the trimmed edge: the cut may wander, and print shops ask
 * for key content at least 3 mm inside the trim (the same 3 mm as the usual bleed; e.g.
 * https://www.chaxiaohao.com/read-1752306656l6761921.html: 所有关键内容都应距离成品线至少3mm以上).
 * The running head keeps to it, and the audit holds it to it.
 */
export const SAFE_MARGIN_MM = 3;

/** For a custom size the type area keeps this share of each side. */
const CUSTOM_TYPE_AREA_SHARE = 0.9;

export function pageSizeMm(spec: PageSizeSpec): { page: readonly [number, number]; typeArea: readonly [number, number] } {
  if (spec.kind === 'named') return NAMED_SIZES[spec.name];
  return {
    page: [spec.widthMm, spec.heightMm],
    typeArea: [spec.widthMm * CUSTOM_TYPE_AREA_SHARE, spec.heightMm * CUSTOM_TYPE_AREA_SHARE],
  };
}

/**
 * The most characters of `em` points a column can hold when `columns` of them with gutters of
 * `gutterChars` characters share the type area's width (clreq
 * #considerations_in_designing_type_area: a line is a whole number of characters).
 */
export function columnCharsThatFit(spec: PageSizeSpec, columns: number, em: number, gutterChars: number): number {
  const width = pageSizeMm(spec).typeArea[0] * PT_PER_MM;
  const gutter = gutterChars * em;
  return Math.floor(((width + gutter) / columns - gutter) / em);
}
