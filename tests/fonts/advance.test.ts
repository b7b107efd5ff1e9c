/** Advances read from hmtx's bytes (fonts/advance.ts) are fontkit's, for every kind of glyph id. */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { advanceReader, horizontalAdvance } from '../../src/fonts/advance.js';
import { loadFontBook } from '../../src/fonts/index.js';

const fonts = loadFontBook();

describe('advanceReader', () => {
  it('gives fontkit’s advance for every glyph of each face, past numberOfHMetrics too', () => {
    for (const face of fonts.faces.values()) {
      const bytes = readFileSync(face.file);
      const font = fontkit.create(bytes) as Font;
      const advance = advanceReader(font, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
      const metrics = (font as unknown as { hhea: { numberOfMetrics: number } }).hhea.numberOfMetrics;
      const ids = [0, 1, 2, metrics - 2, metrics - 1, metrics, metrics + 1, font.numGlyphs - 1];
      for (let id = 0; id < font.numGlyphs; id += 97) ids.push(id);
      for (const id of ids) expect(advance(id), `${face.key} glyph ${id}`).toBe(horizontalAdvance(font, id));
    }
  });

  it('is what a loaded face measures with', () => {
    const face = fonts.chain('body')[0];
    const glyph = face.font.glyphForCodePoint(0x515a); // 党
    expect(face.advance(glyph.id)).toBe(glyph.advanceWidth);
  });

  it('leaves a face whose hmtx is cut short to fontkit', () => {
    const font = { directory: { tables: { hmtx: { offset: 0, length: 4 } } }, hhea: { numberOfMetrics: 3 }, hmtx: { metrics: { length: 1, get: () => ({ advance: 512 }) } } } as unknown as Font;
    expect(advanceReader(font, new ArrayBuffer(64))(5)).toBe(512);
  });
});
