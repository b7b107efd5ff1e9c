/**
 * A TrueType composite glyph's components (OpenType 1.9, "glyf": composite glyph description):
 * where each component's glyph index stands in the glyph's bytes. Read by the PDF's subsets
 * (export/pdf/glyf-copy.ts, which renumbers them) and by the EPUB's bound on what hb-subset
 * reaches (export/epub/sparse-face.ts, which follows them).
 */

/** glyf: numberOfContours, xMin, yMin, xMax, yMax; a composite's numberOfContours is negative. */
const GLYPH_HEADER_BYTES = 10;
/** Composite glyph flags. */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
/** A component's fixed part: flags and glyph index, two bytes each. */
const COMPONENT_HEAD_BYTES = 4;
const GLYPH_INDEX_AT = 2;
/** F2Dot14 values: one for a scale, two for x and y scales, four for a 2×2 matrix. */
const F2DOT14_BYTES = 2;

/**
 * The byte offsets, in `glyph` (a view of one glyph's description), of its components' glyph
 * indices; none for a simple or empty glyph. A description running past the view throws a
 * RangeError (DataView's).
 */
export function componentIndexOffsets(glyph: DataView): number[] {
  if (glyph.byteLength < GLYPH_HEADER_BYTES || glyph.getInt16(0) >= 0) return [];
  const offsets: number[] = [];
  let at = GLYPH_HEADER_BYTES;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = glyph.getUint16(at);
    offsets.push(at + GLYPH_INDEX_AT);
    at += COMPONENT_HEAD_BYTES + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += F2DOT14_BYTES;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 2 * F2DOT14_BYTES;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 4 * F2DOT14_BYTES;
  }
  return offsets;
}
