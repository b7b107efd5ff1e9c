/**
 * A glyph copied into a TrueType subset as its bytes (glyf-copy.ts) gives the font program
 * fontkit's own `_addGlyph` gives, and a composite glyph's components are renumbered in place.
 */
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { glyphCopier, type TrueTypeSubsetState } from '../../../src/export/pdf/glyf-copy.js';
import { readFileSync } from 'node:fs';
import { loadFontBook } from '../../../src/fonts/index.js';

interface FontkitSubset extends TrueTypeSubsetState {
  _addGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

const fonts = loadFontBook();
const body = fonts.chain('body')[0];
/** A fresh copy of the body face, read whole (no glyph read on demand). */
function openWhole(): { font: Font; file: ArrayBufferLike } {
  const bytes = readFileSync(body.file);
  return { font: fontkit.create(bytes) as Font, file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) };
}

describe('glyphCopier', () => {
  it('writes the subset font program fontkit writes, byte for byte', () => {
    const text = '党建引领，基层治理“活”起来。ABC 2024年';
    const encode = (patched: boolean): Uint8Array => {
      const { font, file } = openWhole();
      const subset = font.createSubset() as unknown as FontkitSubset;
      if (patched) {
        const copier = glyphCopier(font, file, subset, () => undefined, (id) => font.getGlyph(id));
        expect(copier).toBeDefined();
        subset._addGlyph = copier!;
      }
      for (const glyph of font.layout(text).glyphs) subset.includeGlyph(glyph.id);
      // The last glyph ids are past numberOfHMetrics in many faces: their bearings come from the other array.
      subset.includeGlyph(font.numGlyphs - 1);
      return subset.encode();
    };
    const ours = encode(true);
    expect(ours.length).toBeGreaterThan(1000);
    expect(Buffer.from(ours).equals(Buffer.from(encode(false)))).toBe(true);
  });

  it('renumbers a composite glyph’s components, whatever their argument and scale forms', () => {
    // Header (10 bytes), then: component 1 (words, one scale), component 2 (bytes, 2×2), last.
    const glyph = Uint8Array.from([
      0xff, 0xff, 0, 0, 0, 0, 0, 100, 0, 100,
      0x00, 0x29, 0x00, 0x07, 0x00, 0x10, 0x00, 0x20, 0x40, 0x00,
      0x00, 0x80, 0x01, 0x2c, 0x05, 0x06, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00,
    ]);
    const font = {
      loca: { offsets: [0, 0, glyph.length] },
      hmtx: { metrics: { length: 1, get: () => ({ advance: 1000, bearing: 5 }) }, bearings: { length: 2, get: (i: number) => [7, 9][i] } },
      _getTableStream: () => ({ pos: 0, readBuffer(n: number) { return glyph.slice(this.pos, this.pos + n); } }),
    } as unknown as Font;
    const included: number[] = [];
    const subset: TrueTypeSubsetState = {
      includeGlyph: (id) => (included.push(id), 40 + included.length),
      glyf: [],
      loca: { offsets: [] },
      hmtx: { metrics: [] },
      offset: 0,
    };
    const file = new Uint8Array([0, 1, 0, 0]).buffer;
    const add = glyphCopier(font, file, subset, () => undefined, () => undefined)!;
    expect(add(1)).toBe(0);
    expect(included).toEqual([7, 0x12c]);
    const copied = subset.glyf[0];
    expect([copied[12], copied[13]]).toEqual([0, 41]);
    expect([copied[22], copied[23]]).toEqual([0, 42]);
    // Nothing else changes.
    expect([...copied.slice(0, 12)]).toEqual([...glyph.slice(0, 12)]);
    expect([...copied.slice(14, 22)]).toEqual([...glyph.slice(14, 22)]);
    expect([...copied.slice(24)]).toEqual([...glyph.slice(24)]);
    // Glyph 1 is past the one long metric: the last advance, its own bearing.
    expect(subset.hmtx.metrics).toEqual([{ advance: 1000, bearing: 7 }]);
    expect(subset.loca.offsets).toEqual([0]);
    expect(subset.offset).toBe(glyph.length);
  });

  it('takes a glyph’s bytes from where they were staged, not the face’s memory', () => {
    const inFile = Uint8Array.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    const staged = Uint8Array.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9]);
    const font = {
      loca: { offsets: [0, 0, inFile.length] },
      hmtx: { metrics: { length: 2, get: () => ({ advance: 1000, bearing: 0 }) }, bearings: { length: 0, get: () => undefined } },
      _getTableStream: () => ({ pos: 0, readBuffer: (n: number) => inFile.slice(0, n) }),
    } as unknown as Font;
    const subset: TrueTypeSubsetState = { includeGlyph: () => 0, glyf: [], loca: { offsets: [] }, hmtx: { metrics: [] }, offset: 0 };
    const read: number[] = [];
    const add = glyphCopier(font, new Uint8Array([0, 1, 0, 0]).buffer, subset, (id) => (id === 1 ? staged : undefined), (id) => read.push(id))!;
    add(1);
    expect([...subset.glyf[0]]).toEqual([...staged]);
    // Not staged: read into the face's memory first, then copied from there.
    add(0);
    expect(read).toEqual([0]);
  });

  it('leaves a WOFF face to fontkit', () => {
    const woff = new Uint8Array([0x77, 0x4f, 0x46, 0x46]).buffer;
    expect(glyphCopier(body.font, woff, {} as TrueTypeSubsetState, () => undefined, () => undefined)).toBeUndefined();
  });
});
