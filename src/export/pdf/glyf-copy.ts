/**
 * A glyph copied into a TrueType subset as its bytes: what fontkit 2's `TTFSubset._addGlyph`
 * writes, without decoding the outline first. fontkit decodes every point of a glyph only to
 * learn whether it is composite, and decodes it again for its `hmtx` metrics (its vertical
 * metrics come from the outline in a face without `vmtx`); for the sample's ~1,100 CJK glyphs
 * that was most of embedding its fonts. The glyph's bytes, its components and its `hmtx`
 * entry are read here straight from `loca`, `glyf` and `hmtx` (OpenType spec, "glyf": composite
 * glyph description), and written exactly as fontkit would.
 *
 * fontkit internals used (2.0.x, `dist/module.mjs`): `font.loca.offsets`,
 * `font._getTableStream(tag)` (the font's stream at the table), `stream.readBuffer(n)`,
 * `font.directory.tables.hmtx` (read from the bytes), `font.hmtx.metrics` / `bearings` (lazy
 * arrays, where the table is short), `font._variationProcessor`, and the subset's
 * `glyf`, `loca.offsets`, `hmtx.metrics`, `offset` and `includeGlyph`. A variable face, or one
 * not in a plain TrueType file (WOFF, WOFF2: fontkit reads their glyphs its own way), keeps
 * fontkit's own method.
 */
import type { Font } from 'fontkit';
import { componentIndexOffsets } from '../../fonts/composite-glyph.js';
import type { StagedOutlines } from '../../fonts/index.js';

/** The fontkit TrueType subset's state `_addGlyph` appends to. */
export interface TrueTypeSubsetState {
  includeGlyph(glyphId: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}

interface LazyArray<T> {
  readonly length: number;
  get(i: number): T | undefined;
}

interface TrueTypeFontInternals {
  readonly directory?: { readonly tables: Record<string, { readonly offset: number; readonly length: number } | undefined> };
  readonly loca: { readonly offsets: ArrayLike<number> };
  readonly hmtx: { readonly metrics: LazyArray<{ advance: number; bearing: number }>; readonly bearings: LazyArray<number> };
  readonly _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
}

/** sfnt versions of a plain TrueType file (or collection): 0x00010000, 'true', 'ttcf'. */
const TRUETYPE_SIGNATURES = [0x00010000, 0x74727565, 0x74746366];
/** OpenType glyf: numberOfContours, xMin, yMin, xMax, yMax. */
const GLYPH_HEADER_BYTES = 10;

/**
 * fontkit's `_addGlyph` for `font`, done from the bytes; undefined for a face it must keep its
 * own for (variable, or not a plain TrueType file, whose bytes are `file`). A glyph's bytes are
 * those `staged` has (read packed: fonts/font-file.ts `stage`), else those in the face's memory,
 * `ensureRead(glyphId)` called first so that a face whose outlines are read on demand has them.
 */
export function glyphCopier(
  font: Font,
  file: ArrayBufferLike,
  subset: TrueTypeSubsetState,
  staged: StagedOutlines,
  ensureRead: (glyphId: number) => void,
): ((glyphId: number) => number) | undefined {
  const tt = font as unknown as TrueTypeFontInternals;
  const signature = file.byteLength >= 4 ? new DataView(file, 0, 4).getUint32(0) : 0;
  if (!TRUETYPE_SIGNATURES.includes(signature) || tt._variationProcessor || !tt.loca) return undefined;
  const metricOf = metricReader(tt, font.numGlyphs, file);
  const inMemory = (glyphId: number): Uint8Array => {
    ensureRead(glyphId);
    const start = tt.loca.offsets[glyphId];
    const end = tt.loca.offsets[glyphId + 1];
    const stream = tt._getTableStream('glyf')!;
    stream.pos += start;
    return stream.readBuffer(end - start);
  };
  return (glyphId: number): number => {
    let buffer = staged(glyphId) ?? inMemory(glyphId);
    if (buffer.length >= GLYPH_HEADER_BYTES && new DataView(buffer.buffer, buffer.byteOffset, 2).getInt16(0) < 0) {
      buffer = new Uint8Array(buffer);
      renumberComponents(buffer, subset);
    }
    subset.glyf.push(buffer);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push(metricOf(glyphId));
    subset.offset += buffer.length;
    return subset.glyf.length - 1;
  };
}

/** A composite glyph's components, each included in the subset and its index rewritten. */
function renumberComponents(glyph: Uint8Array, subset: TrueTypeSubsetState): void {
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  for (const at of componentIndexOffsets(view)) view.setUint16(at, subset.includeGlyph(view.getUint16(at)));
}

/** OpenType hmtx: a longHorMetric (advance uint16, left side bearing int16), then int16 bearings. */
const LONG_METRIC_BYTES = 4;
const BEARING_BYTES = 2;

/**
 * horizontalMetric read straight from the `hmtx` bytes in `file`: fontkit decodes each entry
 * through its struct reader, some microseconds an entry in a cold process. A table shorter than
 * `hhea` and `maxp` say is left to fontkit.
 */
function metricReader(tt: TrueTypeFontInternals, numGlyphs: number, file: ArrayBufferLike): (glyphId: number) => { advance: number; bearing: number } {
  const table = tt.directory?.tables.hmtx;
  const count = tt.hmtx.metrics.length;
  const bearings = Math.max(0, numGlyphs - count);
  const bytes = count * LONG_METRIC_BYTES + bearings * BEARING_BYTES;
  if (!table || count === 0 || table.length < bytes || table.offset + bytes > file.byteLength) return (glyphId) => horizontalMetric(tt, glyphId);
  const view = new DataView(file, table.offset, bytes);
  const lastAdvance = view.getUint16((count - 1) * LONG_METRIC_BYTES);
  return (glyphId) => {
    if (glyphId < count) return { advance: view.getUint16(glyphId * LONG_METRIC_BYTES), bearing: view.getInt16(glyphId * LONG_METRIC_BYTES + BEARING_BYTES) };
    const j = glyphId - count;
    return { advance: lastAdvance, bearing: j < bearings ? view.getInt16(count * LONG_METRIC_BYTES + j * BEARING_BYTES) : 0 };
  };
}

/** OpenType hmtx: glyphs past `numberOfHMetrics` take the last advance and a bearing of their own. */
function horizontalMetric(tt: TrueTypeFontInternals, glyphId: number): { advance: number; bearing: number } {
  const { metrics, bearings } = tt.hmtx;
  if (glyphId < metrics.length) {
    const metric = metrics.get(glyphId)!;
    return { advance: metric.advance, bearing: metric.bearing };
  }
  const last = metrics.get(metrics.length - 1);
  return { advance: last ? last.advance : 0, bearing: bearings.get(glyphId - metrics.length) || 0 };
}
