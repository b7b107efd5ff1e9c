/**
 * A TrueType subset's font program written out: what fontkit 2's `TTFSubset.encode()` writes,
 * byte for byte, without its struct library. fontkit lays the nine tables the PDF needs
 * (ISO 32000-1 §9.9: head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm) out through generic
 * encoders that size every glyph's buffer again for each pointer; in a cold process that was
 * some 15 ms of the sample's PDF. The tables here are written from the same decoded values
 * fontkit encodes (`font.head`, `font.hhea`, `font.maxp`, `font['cvt ']`, `font.prep`,
 * `font.fpgm`) with the same types, in the same order, the same way:
 * - the directory's sfnt version is 'true' and every checksum 0 (fontkit writes no checksums);
 * - the tables follow the directory in that order, unpadded, those the face lacks left out;
 * - head's macStyle keeps only the seven flags fontkit knows, hhea's reserved words are 0;
 * - a short loca holds offsets halved; numbers out of a field's range wrap, as a DataView's do.
 * fontkit internals used (2.0.x, `dist/module.mjs`): the subset's `glyphs`, `_addGlyph`, `glyf`,
 * `loca`, `hmtx` and `offset`, and `font.loca.version`. tests/export/sfnt-subset.test.ts
 * compares the bytes with fontkit's own encode.
 */
import type { Font } from 'fontkit';
import type { TrueTypeSubsetState } from './glyf-copy.js';

/** The fontkit TrueType subset `encode()` works on. */
export interface EncodableSubset extends TrueTypeSubsetState {
  glyphs: number[];
  _addGlyph(glyphId: number): number;
  loca: { offsets: number[]; version?: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings?: number[] };
}

interface Head {
  version: number;
  revision: number;
  checkSumAdjustment: number;
  magicNumber: number;
  flags: number;
  unitsPerEm: number;
  created: readonly number[];
  modified: readonly number[];
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  macStyle: Readonly<Record<string, boolean>>;
  lowestRecPPEM: number;
  fontDirectionHint: number;
  glyphDataFormat: number;
}

interface Hhea {
  version: number;
  ascent: number;
  descent: number;
  lineGap: number;
  advanceWidthMax: number;
  minLeftSideBearing: number;
  minRightSideBearing: number;
  xMaxExtent: number;
  caretSlopeRise: number;
  caretSlopeRun: number;
  caretOffset: number;
  metricDataFormat: number;
}

/** maxp version 1.0's fields after numGlyphs, in order (OpenType "maxp"). */
const MAXP_FIELDS = [
  'maxPoints',
  'maxContours',
  'maxComponentPoints',
  'maxComponentContours',
  'maxZones',
  'maxTwilightPoints',
  'maxStorage',
  'maxFunctionDefs',
  'maxInstructionDefs',
  'maxStackElements',
  'maxSizeOfInstructions',
  'maxComponentElements',
  'maxComponentDepth',
] as const;

interface FontTables {
  readonly head: Head;
  readonly hhea: Hhea;
  readonly maxp: { version: number } & Record<(typeof MAXP_FIELDS)[number], number>;
  readonly loca: { readonly version: number };
  readonly 'cvt ': { controlValues: readonly number[] } | null | undefined;
  readonly prep: { controlValueProgram: readonly number[] } | null | undefined;
  readonly fpgm: { instructions: readonly number[] } | null | undefined;
}

/** head.macStyle: the flags fontkit's bit field knows, bit 0 first. */
const MAC_STYLE_FLAGS = ['bold', 'italic', 'underline', 'outline', 'shadow', 'condensed', 'extended'] as const;
const HEAD_BYTES = 54;
const HHEA_BYTES = 36;
const HHEA_RESERVED_WORDS = 4;
const MAXP_BYTES = 32;
/** sfnt header: version, numTables, searchRange, entrySelector, rangeShift. */
const DIRECTORY_HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;
/** What fontkit writes as the sfnt version. */
const SFNT_TAG = 'true';
/** loca format 0 (short): offsets / 2 as uint16. */
const SHORT_LOCA = 0;

/** Big-endian writer over a fixed-size buffer. */
class TableWriter {
  readonly bytes: Buffer;
  private readonly view: DataView;
  private at = 0;

  constructor(size: number) {
    this.bytes = Buffer.alloc(size);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, size);
  }

  int16(value: number): void {
    this.view.setInt16(this.at, value);
    this.at += 2;
  }

  uint16(value: number): void {
    this.view.setUint16(this.at, value);
    this.at += 2;
  }

  int32(value: number): void {
    this.view.setInt32(this.at, value);
    this.at += 4;
  }

  uint32(value: number): void {
    this.view.setUint32(this.at, value);
    this.at += 4;
  }

  uint8(value: number): void {
    this.view.setUint8(this.at, value);
    this.at += 1;
  }

  ascii(text: string): void {
    this.at += this.bytes.write(text, this.at, 'latin1');
  }

  put(data: Uint8Array): void {
    this.bytes.set(data, this.at);
    this.at += data.length;
  }
}

function headTable(head: Head, indexToLocFormat: number): Buffer {
  const w = new TableWriter(HEAD_BYTES);
  w.int32(head.version);
  w.int32(head.revision);
  w.uint32(head.checkSumAdjustment);
  w.uint32(head.magicNumber);
  w.uint16(head.flags);
  w.uint16(head.unitsPerEm);
  for (const half of [...head.created, ...head.modified]) w.int32(half);
  w.int16(head.xMin);
  w.int16(head.yMin);
  w.int16(head.xMax);
  w.int16(head.yMax);
  w.uint16(MAC_STYLE_FLAGS.reduce((bits, flag, i) => (head.macStyle[flag] ? bits | (1 << i) : bits), 0));
  w.uint16(head.lowestRecPPEM);
  w.int16(head.fontDirectionHint);
  w.int16(indexToLocFormat);
  w.int16(head.glyphDataFormat);
  return w.bytes;
}

function hheaTable(hhea: Hhea, numberOfMetrics: number): Buffer {
  const w = new TableWriter(HHEA_BYTES);
  w.int32(hhea.version);
  for (const v of [hhea.ascent, hhea.descent, hhea.lineGap]) w.int16(v);
  w.uint16(hhea.advanceWidthMax);
  for (const v of [hhea.minLeftSideBearing, hhea.minRightSideBearing, hhea.xMaxExtent, hhea.caretSlopeRise, hhea.caretSlopeRun, hhea.caretOffset]) w.int16(v);
  for (let i = 0; i < HHEA_RESERVED_WORDS; i++) w.int16(0);
  w.int16(hhea.metricDataFormat);
  w.uint16(numberOfMetrics);
  return w.bytes;
}

function maxpTable(maxp: FontTables['maxp'], numGlyphs: number): Buffer {
  const w = new TableWriter(MAXP_BYTES);
  w.int32(maxp.version);
  w.uint16(numGlyphs);
  for (const field of MAXP_FIELDS) w.uint16(maxp[field]);
  return w.bytes;
}

function locaTable(offsets: readonly number[], version: number): Buffer {
  const short = version === SHORT_LOCA;
  const w = new TableWriter(offsets.length * (short ? 2 : 4));
  for (const offset of offsets) {
    if (short) w.uint16(offset >>> 1);
    else w.uint32(offset);
  }
  return w.bytes;
}

function hmtxTable(metrics: readonly { advance: number; bearing: number }[]): Buffer {
  const w = new TableWriter(metrics.length * 4);
  for (const m of metrics) {
    w.uint16(m.advance);
    w.int16(m.bearing);
  }
  return w.bytes;
}

function int16Table(values: readonly number[]): Buffer {
  const w = new TableWriter(values.length * 2);
  for (const v of values) w.int16(v);
  return w.bytes;
}

function uint8Table(values: readonly number[]): Buffer {
  const w = new TableWriter(values.length);
  for (const v of values) w.uint8(v);
  return w.bytes;
}

/** The sfnt: directory, then the tables in order, each where its record says. */
function sfnt(tables: readonly (readonly [string, Uint8Array])[]): Buffer {
  const numTables = tables.length;
  // fontkit's Directory.preEncode, expression for expression.
  const maxPowerOf2 = Math.pow(2, Math.floor(Math.log(numTables) / Math.LN2));
  const searchRange = maxPowerOf2 * 16;
  let offset = DIRECTORY_HEADER_BYTES + numTables * TABLE_RECORD_BYTES;
  const w = new TableWriter(offset + tables.reduce((sum, [, data]) => sum + data.length, 0));
  w.ascii(SFNT_TAG);
  w.uint16(numTables);
  w.uint16(searchRange);
  w.uint16(Math.log(maxPowerOf2) / Math.LN2);
  w.uint16(numTables * 16 - searchRange);
  for (const [tag, data] of tables) {
    w.ascii(tag);
    w.uint32(0);
    w.uint32(offset);
    w.uint32(data.length);
    offset += data.length;
  }
  for (const [, data] of tables) w.put(data);
  return w.bytes;
}

/**
 * `encode()` for `subset` of `font`, written here: each glyph added in order through the
 * subset's own `_addGlyph` (which may be banmian's, glyph-run.ts and glyf-copy.ts), then the
 * font program. Used in place of fontkit's for a plain TrueType face (glyf-copy.ts decides).
 */
export function subsetEncoder(font: Font, subset: EncodableSubset): () => Buffer {
  const tables = font as unknown as FontTables;
  return () => {
    subset.glyf = [];
    subset.offset = 0;
    subset.loca = { offsets: [], version: tables.loca.version };
    subset.hmtx = { metrics: [], bearings: [] };
    // Glyphs may join as they are added (a composite's components): the length is read anew.
    let i = 0;
    while (i < subset.glyphs.length) subset._addGlyph(subset.glyphs[i++]);
    subset.loca.offsets.push(subset.offset);
    const version = tables.loca.version;
    const cvt = tables['cvt '];
    const prep = tables.prep;
    const fpgm = tables.fpgm;
    const glyf = Buffer.concat(subset.glyf);
    const parts: [string, Uint8Array | undefined][] = [
      ['head', headTable(tables.head, version)],
      ['hhea', hheaTable(tables.hhea, subset.hmtx.metrics.length)],
      ['loca', locaTable(subset.loca.offsets, version)],
      ['maxp', maxpTable(tables.maxp, subset.glyf.length)],
      ['cvt ', cvt ? int16Table(cvt.controlValues) : undefined],
      ['prep', prep ? uint8Table(prep.controlValueProgram) : undefined],
      ['glyf', glyf],
      ['hmtx', hmtxTable(subset.hmtx.metrics)],
      ['fpgm', fpgm ? uint8Table(fpgm.instructions) : undefined],
    ];
    return sfnt(parts.filter((p): p is [string, Uint8Array] => p[1] !== undefined));
  };
}
