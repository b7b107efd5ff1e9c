/**
 * A composite glyph's components found in its bytes (OpenType glyf): each component's glyph
 * index, past arguments of words or bytes and a scale, two scales or a 2×2 matrix.
 */
import { describe, expect, it } from 'vitest';
import { componentIndexOffsets } from '../../src/fonts/composite-glyph.js';

function glyph(parts: readonly number[]): DataView {
  const bytes = Buffer.from(parts.flatMap((n) => [(n >> 8) & 0xff, n & 0xff]));
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}

describe('componentIndexOffsets', () => {
  it('finds each component, whatever its arguments and transform', () => {
    // Header (numberOfContours -1, bbox), then: words + scale + more; bytes + x/y scales + more; bytes + 2×2.
    const view = glyph([0xffff, 0, 0, 10, 10, 0x0001 | 0x0008 | 0x0020, 7, 1, 2, 0x4000, 0x0040 | 0x0020, 8, 0x0102, 0x4000, 0x4000, 0x0080, 9, 0x0304, 0x4000, 0, 0, 0x4000]);
    const offsets = componentIndexOffsets(view);
    expect(offsets.map((at) => view.getUint16(at))).toEqual([7, 8, 9]);
    expect(offsets).toEqual([12, 22, 32]);
  });

  it('gives none for a simple glyph or an empty one, and a RangeError for a description cut short', () => {
    expect(componentIndexOffsets(glyph([2, 0, 0, 10, 10, 0, 0]))).toEqual([]);
    expect(componentIndexOffsets(glyph([]))).toEqual([]);
    expect(() => componentIndexOffsets(glyph([0xffff, 0, 0, 10, 10, 0x0020, 7, 0]))).toThrow(RangeError);
  });
});
