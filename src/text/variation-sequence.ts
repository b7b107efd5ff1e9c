/**
 * The glyph a face gives a variation sequence, a character followed by a variation selector
 * (Unicode §23.4; 礼 U+793C U+FE00 is the compatibility form of 礼), from its cmap format 14
 * subtable (OpenType spec, "cmap — Format 14: Unicode Variation Sequences"): a sequence in the
 * non-default table has a glyph of its own; one in the default table, or in neither, is set
 * with the character's own glyph.
 *
 * fontkit 2.0.4 has a lookup for this (`CmapProcessor.getVariationSelector`), but it searches
 * the non-default table only for characters that are also in the default one, so it finds
 * almost no variant. This reads fontkit's parsed `cmap` table instead: `tables[i].table` with
 * `version` 14 and `varSelectors` (each `varSelector` and `nonDefaultUVS` entries with
 * `unicodeValue` and `glyphID`). Re-check on any fontkit upgrade.
 */
import type { Font } from 'fontkit';

interface NonDefaultUvs {
  readonly unicodeValue: number;
  readonly glyphID: number;
}

interface VarSelectorRecord {
  readonly varSelector: number;
  readonly nonDefaultUVS?: ArrayLike<NonDefaultUvs> | null;
}

interface Format14 {
  readonly version: number;
  readonly varSelectors: { toArray(): VarSelectorRecord[] };
}

/** The format 14 subtable of a face's cmap, if it has one. */
function format14(font: Font): Format14 | undefined {
  const cmap = (font as unknown as { cmap?: { tables?: { table?: Partial<Format14> }[] } }).cmap;
  const table = cmap?.tables?.find((t) => t.table?.version === 14)?.table;
  return table && typeof table.varSelectors?.toArray === 'function' ? (table as Format14) : undefined;
}

/** The glyph id of `base` followed by `selector` when the face has a glyph of its own for it. */
export function variantGlyph(font: Font, base: number, selector: number): number | undefined {
  const record = format14(font)?.varSelectors.toArray().find((r) => r.varSelector === selector);
  const entries = record?.nonDefaultUVS;
  if (!entries) return undefined;
  for (let i = 0; i < entries.length; i++) if (entries[i].unicodeValue === base) return entries[i].glyphID;
  return undefined;
}
