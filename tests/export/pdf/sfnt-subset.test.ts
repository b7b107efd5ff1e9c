/**
 * The subset's font program written without fontkit's struct library (sfnt-subset.ts): byte for
 * byte what fontkit's own `TTFSubset.encode()` writes, for the bundled faces and for the forms
 * they do not have (a short loca that overflows, cvt and fpgm tables, every macStyle flag).
 */
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subsetEncoder, type EncodableSubset } from '../../../src/export/pdf/sfnt-subset.js';
import { loadFontBook } from '../../../src/fonts/index.js';

interface FontkitSubset extends EncodableSubset {
  encode(): Uint8Array;
}

const fonts = loadFontBook();
const TEXT = '党建引领，基层治理“活”起来。ABC 2024年 fi—…';

function open(key: string): Font {
  return fontkit.create(readFileSync(fonts.face(key).file)) as Font;
}

/** fontkit's encode and ours, each on a fresh subset of `font` holding `glyphIds`. */
function bothWays(font: Font, glyphIds: readonly number[]): { fontkit: Buffer; ours: Buffer } {
  const subset = (): FontkitSubset => {
    const s = font.createSubset() as unknown as FontkitSubset;
    for (const id of glyphIds) s.includeGlyph(id);
    return s;
  };
  const ours = subset();
  return { fontkit: Buffer.from(subset().encode()), ours: subsetEncoder(font, ours)() };
}

function textGlyphs(font: Font): number[] {
  // The last glyph ids are past numberOfHMetrics in many faces: their bearings come from the other array.
  return [...font.layout(TEXT).glyphs.map((g) => g.id), font.numGlyphs - 1, 0];
}

describe('subsetEncoder', () => {
  it.each(['song', 'hei-bold', 'song-bold'])('writes fontkit’s font program for %s, byte for byte', (key) => {
    const font = open(key);
    const { fontkit: theirs, ours } = bothWays(font, textGlyphs(font));
    expect(ours.length).toBeGreaterThan(1000);
    expect(ours.equals(theirs)).toBe(true);
    // The directory as fontkit writes it: sfnt version 'true', checksums 0.
    expect(ours.subarray(0, 4).toString('latin1')).toBe('true');
    expect(ours.readUInt32BE(12 + 4)).toBe(0);
  });

  it('writes the forms the bundled faces lack as fontkit does: a short loca past its range, cvt, fpgm, every style flag', () => {
    const real = open('song');
    const head = (real as unknown as { head: { macStyle: Record<string, boolean> } }).head;
    const macStyle = Object.fromEntries(Object.keys(head.macStyle).map((flag) => [flag, true]));
    const font = Object.create(real, {
      loca: { value: { ...(real as unknown as { loca: object }).loca, version: 0 } },
      head: { value: { ...head, macStyle } },
      'cvt ': { value: { controlValues: [1, -2, 300, -32768, 70000] } },
      prep: { value: { controlValueProgram: [0xb0, 1, 0x2c, 300] } },
      fpgm: { value: { instructions: [0x40, 2, 0xff] } },
    }) as Font;
    // Enough glyphs that a short loca's halved offsets pass 65,535 and wrap.
    const many = Array.from({ length: 600 }, (_, i) => 0x4e00 + i * 7).map((cp) => real.glyphForCodePoint(cp).id);
    const { fontkit: theirs, ours } = bothWays(font, many);
    expect(ours.length).toBeGreaterThan(2 * 65536 + 1000);
    expect(ours.equals(theirs)).toBe(true);
    // Nine tables: cvt, prep and fpgm all written.
    expect(ours.readUInt16BE(4)).toBe(9);
  });

  it('leaves out the tables a face does not have', () => {
    const real = open('hei');
    const font = Object.create(real, { prep: { value: null }, 'cvt ': { value: undefined }, fpgm: { value: null } }) as Font;
    const { fontkit: theirs, ours } = bothWays(font, textGlyphs(real));
    expect(ours.readUInt16BE(4)).toBe(6);
    expect(ours.equals(theirs)).toBe(true);
  });
});
