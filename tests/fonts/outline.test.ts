/**
 * Glyph outlines read from glyf's bytes (fonts/outline.ts) are fontkit's: the same commands with
 * the same numbers, and the horizontal extent of fontkit's exact bounding box, for simple glyphs
 * (curves starting on and off the outline), composite ones and empty ones, in every face of the
 * bundled fonts.json; a glyph id past the last (where fontkit throws) has no outline.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_ROLES, loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { glyphOutline } from '../../src/fonts/outline.js';

const fonts = loadFontBook();

/**
 * A font book of one Latin face with composite glyphs (accented letters): Liberation Sans, as
 * pdfjs-dist ships it. The CJK faces have none.
 */
function latinBook(): FontBook {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-outline-'));
  copyFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'), join(dir, 'sans.ttf'));
  writeFileSync(join(dir, 'fonts.json'), JSON.stringify({ faces: { sans: { file: 'sans.ttf' } }, roles: Object.fromEntries(FONT_ROLES.map((role) => [role, ['sans']])) }));
  return loadFontBook(dir);
}

/** A seeded generator (mulberry32): the same glyphs on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ids of a face's composite glyphs, found in its file (numberOfContours below 0). */
function compositeIds(font: Font, bytes: Buffer): number[] {
  const tt = font as unknown as { directory: { tables: { glyf: { offset: number } } }; loca: { offsets: ArrayLike<number> } };
  const { offsets } = tt.loca;
  const ids: number[] = [];
  for (let id = 0; id + 1 < offsets.length; id++) {
    if (offsets[id + 1] > offsets[id] && bytes.readInt16BE(tt.directory.tables.glyf.offset + offsets[id]) < 0) ids.push(id);
  }
  return ids;
}

describe('glyphOutline', () => {
  it("gives fontkit's commands and horizontal bounds for glyphs of every kind in every face", () => {
    const text = '人民日报党建聚合力发展增动能，。、“”《》（）—…·0123456789ABCgjQ%&@éÅçñü';
    let composites = 0;
    for (const face of [...fonts.faces.values(), ...latinBook().faces.values()]) {
      const bytes = readFileSync(face.file);
      const font = fontkit.create(bytes) as Font;
      const next = random(face.key.length * 7919);
      const ids = [0, 1, 2, 3, font.numGlyphs - 1, ...Array.from(text, (ch) => face.glyphId(ch.codePointAt(0)!))];
      for (let k = 0; k < 150; k++) ids.push(Math.floor(next() * font.numGlyphs));
      const composite = compositeIds(font, bytes);
      composites += composite.length;
      ids.push(...composite.slice(0, 40));
      for (const id of ids) {
        const outline = glyphOutline(face, id);
        const path = font.getGlyph(id).path;
        expect(outline.commands, `${face.key} glyph ${id}`).toEqual(path.commands);
        if (path.commands.length > 0) expect([outline.minX, outline.maxX], `${face.key} glyph ${id}`).toEqual([path.bbox.minX, path.bbox.maxX]);
      }
    }
    // Composite glyphs were compared (the Latin face's accented letters).
    expect(composites).toBeGreaterThan(0);
  });

  it('gives no outline for a glyph id past the last', () => {
    const face = fonts.chain('body')[0];
    for (const id of [face.font.numGlyphs, face.font.numGlyphs + 5, -1]) expect(glyphOutline(face, id)).toEqual({ commands: [], minX: Infinity, maxX: -Infinity });
  });
});
