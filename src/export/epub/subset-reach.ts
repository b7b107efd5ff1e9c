/**
 * The glyphs hb-subset can keep of a TrueType face for a set of code points, bounded from above
 * without HarfBuzz: what `cmap` maps the code points to (every Unicode subtable, formats 4 and
 * 12, and format 14's non-default variation sequences), every glyph a GSUB lookup can put in for
 * those (HarfBuzz's layout closure keeps no other: a substitution's output is the only way a
 * glyph joins), `.notdef`, and all this for the characters' mirrors too (hb-subset's bidi closure
 * keeps 〗 with 〖; bidi-mirroring.ts). The outlines' components (composite glyphs) are added by the caller,
 * which has the outlines (sparse-face.ts). Any structure read here that is not understood (a
 * cmap format or lookup type not listed, an offset out of the table) gives `undefined`: no bound.
 *
 * OpenType 1.9: "cmap" (formats 4, 12, 14), "GSUB" (lookup types 1–8), "Common Table Formats"
 * (LookupList, Coverage). hb-subset's closure: hb-subset-plan.cc `_populate_gids_to_retain`.
 */

import { BIDI_MIRRORING_PAIRS } from './bidi-mirroring.js';

/** A table's bytes, big-endian, every read checked against its end. */
export class TableBytes {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: number,
    private readonly length: number,
  ) {}

  private at(offset: number, width: number): number {
    if (!(offset >= 0 && offset + width <= this.length)) throw new RangeError(`offset ${offset} outside a table of ${this.length} bytes`);
    return this.start + offset;
  }

  u16(offset: number): number {
    const i = this.at(offset, 2);
    return (this.bytes[i] << 8) | this.bytes[i + 1];
  }

  u24(offset: number): number {
    const i = this.at(offset, 3);
    return (this.bytes[i] << 16) | (this.bytes[i + 1] << 8) | this.bytes[i + 2];
  }

  u32(offset: number): number {
    const i = this.at(offset, 4);
    return ((this.bytes[i] << 24) | (this.bytes[i + 1] << 16) | (this.bytes[i + 2] << 8) | this.bytes[i + 3]) >>> 0;
  }
}

/** A structure this bound does not read: the caller reads the whole face instead. */
class Unbounded extends Error {}

/** cmap encoding records read as Unicode: platform 0 (any encoding), platform 3 encodings 1 and 10. */
const WINDOWS_PLATFORM = 3;
const UNICODE_PLATFORM = 0;
const WINDOWS_UNICODE_ENCODINGS = [1, 10];
const SEGMENT_MAPPING = 4;
const SEGMENTED_COVERAGE = 12;
const VARIATION_SEQUENCES = 14;
const GLYPH_ID_MASK = 0xffff;
const MAX_CODE_POINT = 0x10ffff;

/** Glyph ids `cmap` gives the code points, in every Unicode subtable (a superset of the one HarfBuzz picks). */
function cmapGlyphs(cmap: TableBytes, codePoints: ReadonlySet<number>, into: Set<number>): void {
  const count = cmap.u16(2);
  let unicode = 0;
  for (let i = 0; i < count; i++) {
    const platform = cmap.u16(4 + i * 8);
    const encoding = cmap.u16(6 + i * 8);
    if (!(platform === UNICODE_PLATFORM || (platform === WINDOWS_PLATFORM && WINDOWS_UNICODE_ENCODINGS.includes(encoding)))) continue;
    unicode++;
    const at = cmap.u32(8 + i * 8);
    const format = cmap.u16(at);
    if (format === SEGMENT_MAPPING) format4(cmap, at, codePoints, into);
    else if (format === SEGMENTED_COVERAGE) format12(cmap, at, codePoints, into);
    else if (format === VARIATION_SEQUENCES) format14(cmap, at, codePoints, into);
    else throw new Unbounded(`cmap format ${format}`);
  }
  // A symbol font's (3,0) map, or none: HarfBuzz would map through what is not read here.
  if (unicode === 0) throw new Unbounded('no Unicode cmap');
}

function format4(cmap: TableBytes, at: number, codePoints: ReadonlySet<number>, into: Set<number>): void {
  const segments = cmap.u16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (const cp of codePoints) {
    if (cp > GLYPH_ID_MASK) continue;
    // The first segment whose end is at or past the code point (ends are in order).
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmap.u16(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    if (segments === 0 || cmap.u16(ends + lo * 2) < cp) continue;
    const start = cmap.u16(starts + lo * 2);
    if (cp < start) continue;
    const delta = cmap.u16(deltas + lo * 2);
    const rangeOffset = cmap.u16(rangeOffsets + lo * 2);
    if (rangeOffset === 0) into.add((cp + delta) & GLYPH_ID_MASK);
    else {
      const glyph = cmap.u16(rangeOffsets + lo * 2 + rangeOffset + (cp - start) * 2);
      if (glyph !== 0) into.add((glyph + delta) & GLYPH_ID_MASK);
    }
  }
}

function format12(cmap: TableBytes, at: number, codePoints: ReadonlySet<number>, into: Set<number>): void {
  const groups = cmap.u32(at + 12);
  const first = at + 16;
  for (const cp of codePoints) {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = first + mid * 12;
      if (cmap.u32(g + 4) < cp) lo = mid + 1;
      else if (cmap.u32(g) > cp) hi = mid - 1;
      else {
        into.add(cmap.u32(g + 8) + (cp - cmap.u32(g)));
        break;
      }
    }
  }
}

/** Format 14: the glyphs of non-default variation sequences on the code points (their defaults are the nominal glyphs). */
function format14(cmap: TableBytes, at: number, codePoints: ReadonlySet<number>, into: Set<number>): void {
  const records = cmap.u32(at + 6);
  for (let r = 0; r < records; r++) {
    const nonDefault = cmap.u32(at + 10 + r * 11 + 7);
    if (nonDefault === 0) continue;
    const mappings = cmap.u32(at + nonDefault);
    for (let m = 0; m < mappings; m++) {
      const mapping = at + nonDefault + 4 + m * 5;
      if (codePoints.has(cmap.u24(mapping))) into.add(cmap.u16(mapping + 3));
    }
  }
}

/** GSUB lookup types (OpenType "GSUB"). */
const SINGLE = 1;
const MULTIPLE = 2;
const ALTERNATE = 3;
const LIGATURE = 4;
const CONTEXT = 5;
const CHAINED_CONTEXT = 6;
const EXTENSION = 7;
const REVERSE_CHAINED_SINGLE = 8;

/** Calls `visit` with each glyph a Coverage table lists and its coverage index. */
function coverage(gsub: TableBytes, at: number, visit: (glyph: number, index: number) => void): void {
  const format = gsub.u16(at);
  if (format === 1) {
    const count = gsub.u16(at + 2);
    for (let i = 0; i < count; i++) visit(gsub.u16(at + 4 + i * 2), i);
  } else if (format === 2) {
    const ranges = gsub.u16(at + 2);
    for (let i = 0; i < ranges; i++) {
      const start = gsub.u16(at + 4 + i * 6);
      const end = gsub.u16(at + 6 + i * 6);
      const first = gsub.u16(at + 8 + i * 6);
      for (let g = start; g <= end; g++) visit(g, first + g - start);
    }
  } else throw new Unbounded(`coverage format ${format}`);
}

/** `count` glyph ids at `at`. */
function glyphArray(gsub: TableBytes, at: number, count: number, into: Set<number>): void {
  for (let i = 0; i < count; i++) into.add(gsub.u16(at + i * 2));
}

/**
 * What a subtable of `type` at `at` can substitute in for the glyphs of `glyphs`, added to them:
 * a single, multiple, alternate or reverse substitution's output for an input glyph there, a
 * ligature whose every component is there. The conditions are HarfBuzz's closure's or weaker
 * (a context is not looked at: the lookups it calls are closed over on their own), so the
 * glyphs reached hold every glyph hb-subset keeps.
 */
function closeSubtable(gsub: TableBytes, type: number, at: number, glyphs: Set<number>): void {
  const format = gsub.u16(at);
  switch (type) {
    case SINGLE:
      if (format === 1) {
        const delta = gsub.u16(at + 4);
        coverage(gsub, at + gsub.u16(at + 2), (g) => {
          if (glyphs.has(g)) glyphs.add((g + delta) & GLYPH_ID_MASK);
        });
      } else if (format === 2) {
        const count = gsub.u16(at + 4);
        coverage(gsub, at + gsub.u16(at + 2), (g, i) => {
          if (glyphs.has(g) && i < count) glyphs.add(gsub.u16(at + 6 + i * 2));
        });
      } else throw new Unbounded(`single substitution format ${format}`);
      return;
    case MULTIPLE:
    case ALTERNATE: {
      if (format !== 1) throw new Unbounded(`lookup type ${type} format ${format}`);
      const sets = gsub.u16(at + 4);
      coverage(gsub, at + gsub.u16(at + 2), (g, i) => {
        if (!glyphs.has(g) || i >= sets) return;
        const set = at + gsub.u16(at + 6 + i * 2);
        glyphArray(gsub, set + 2, gsub.u16(set), glyphs);
      });
      return;
    }
    case LIGATURE: {
      if (format !== 1) throw new Unbounded(`ligature substitution format ${format}`);
      const sets = gsub.u16(at + 4);
      coverage(gsub, at + gsub.u16(at + 2), (g, i) => {
        if (!glyphs.has(g) || i >= sets) return;
        const set = at + gsub.u16(at + 6 + i * 2);
        const ligatures = gsub.u16(set);
        for (let l = 0; l < ligatures; l++) {
          const ligature = set + gsub.u16(set + 2 + l * 2);
          const components = gsub.u16(ligature + 2);
          let all = true;
          for (let c = 1; c < components && all; c++) all = glyphs.has(gsub.u16(ligature + 2 + c * 2));
          if (all) glyphs.add(gsub.u16(ligature));
        }
      });
      return;
    }
    case CONTEXT:
    case CHAINED_CONTEXT:
      // They only call other lookups, on glyphs of the text: those lookups close over them.
      return;
    case EXTENSION:
      if (format !== 1) throw new Unbounded(`extension format ${format}`);
      closeSubtable(gsub, gsub.u16(at + 2), at + gsub.u32(at + 4), glyphs);
      return;
    case REVERSE_CHAINED_SINGLE: {
      if (format !== 1) throw new Unbounded(`reverse chained substitution format ${format}`);
      const backtrack = gsub.u16(at + 4);
      const lookahead = gsub.u16(at + 6 + backtrack * 2);
      const substitutes = at + 8 + backtrack * 2 + lookahead * 2;
      const count = gsub.u16(substitutes);
      coverage(gsub, at + gsub.u16(at + 2), (g, i) => {
        if (glyphs.has(g) && i < count) glyphs.add(gsub.u16(substitutes + 2 + i * 2));
      });
      return;
    }
    default:
      throw new Unbounded(`GSUB lookup type ${type}`);
  }
}

/**
 * `glyphs` with every glyph GSUB's lookups can put in for them, whatever the feature, script or
 * context, again and again until none is added (one lookup's output is another's input: a
 * vertical form's locale form). hb-subset's closure (hb-ot-layout-gsub-table.hh `closure`) keeps
 * no glyph this does not reach. Before: every output of every lookup, some 1,000 glyphs a CJK face
 * whatever the characters, each outline read for nothing.
 */
function closeOverGsub(gsub: TableBytes, glyphs: Set<number>): void {
  const major = gsub.u16(0);
  if (major !== 1) throw new Unbounded(`GSUB version ${major}`);
  const list = gsub.u16(8);
  const lookups = gsub.u16(list);
  for (let before = -1; glyphs.size !== before; ) {
    before = glyphs.size;
    for (let i = 0; i < lookups; i++) {
      const lookup = list + gsub.u16(list + 2 + i * 2);
      const type = gsub.u16(lookup);
      const subtables = gsub.u16(lookup + 4);
      for (let s = 0; s < subtables; s++) closeSubtable(gsub, type, lookup + gsub.u16(lookup + 6 + s * 2), glyphs);
    }
  }
}

const MIRRORS = new Map<number, number>(Array.from({ length: BIDI_MIRRORING_PAIRS.length / 2 }, (_, i) => [BIDI_MIRRORING_PAIRS[2 * i], BIDI_MIRRORING_PAIRS[2 * i + 1]]));
/** Unicode's Bidi_Mirrored, as the ICU Node carries knows it (a version at least HarfBuzz's). */
const BIDI_MIRRORED = /\p{Bidi_M}/u;

/**
 * The code points with the mirrors hb-subset adds. A mirrored character the table does not pair
 * (none, or one a later Unicode paired) leaves the bound unknown.
 */
function withMirrors(codePoints: ReadonlySet<number>): Set<number> {
  const all = new Set(codePoints);
  for (const cp of codePoints) {
    const mirror = MIRRORS.get(cp);
    if (mirror !== undefined) all.add(mirror);
    else if (cp <= MAX_CODE_POINT && BIDI_MIRRORED.test(String.fromCodePoint(cp))) throw new Unbounded(`U+${cp.toString(16)} is mirrored`);
  }
  return all;
}

/**
 * The glyphs hb-subset can keep for `codePoints` (outline components aside), or `undefined`
 * where the tables hold what this does not read.
 */
export function reachableGlyphs(cmap: TableBytes, gsub: TableBytes | undefined, codePoints: ReadonlySet<number>): Set<number> | undefined {
  const glyphs = new Set<number>([0]);
  try {
    cmapGlyphs(cmap, withMirrors(codePoints), glyphs);
    if (gsub) closeOverGsub(gsub, glyphs);
  } catch (err) {
    if (err instanceof Unbounded || err instanceof RangeError) return undefined;
    throw err;
  }
  return glyphs;
}
