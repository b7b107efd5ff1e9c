/**
 * Where a pause or stop mark (点号 。，、；：！？) sits in its em box, by region.
 *
 * clreq #h-glyphs_sizes_and_positions_in_character_faces_of_punctuation_marks: in the Mainland
 * (GB/T 15834) the marks sit in the lower left of the em box, hugging the character before
 * them; in Taiwan and Hong Kong they are centred in it. clreq #h-punctuation_adjustment_space:
 * a centred mark has white on both sides, so it is not set as an ink half and a blank half —
 * it keeps its whole em, is not compressed against its neighbours and is not trimmed at a line
 * end (reference §4 case 20: a Mainland default must not corrupt Taiwan text); many Taiwan
 * publications adjust no punctuation at all. The interpunct · is 1 em there, not ½ em.
 *
 * The glyph itself comes from the face: the TC faces (Noto Serif TC / Noto Sans TC, picked for
 * zh-Hant by fonts.json's `languages`) draw these marks centred by default, no `locl` needed.
 */
import { isTraditionalChinese } from '../../model/index.js';

/** `corner`: lower left (Mainland); `centre`: centred (Taiwan, Hong Kong). */
export type MarkPosition = 'corner' | 'centre';

/** The position of the marks in an edition of language `tag` (BCP 47). */
export function markPositionFor(tag: string): MarkPosition {
  return isTraditionalChinese(tag) ? 'centre' : 'corner';
}
