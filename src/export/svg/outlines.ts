/**
 * Glyph outlines as SVG paths, one `<path>` per glyph a page shows, in font units (y up): a
 * glyph is drawn by `<use>` scaled to its size and flipped. The outlines come from the faces
 * the PDF embeds (fonts/outline.ts), so a page looks the same in a browser as in the PDF, whatever
 * fonts the browser has. One cache of outlines per export, passed in.
 */
import type { FontBook } from '../../fonts/index.js';
import { glyphOutline } from '../../fonts/outline.js';
import { pathData } from '../path-data.js';
import { num } from './xml.js';

export class GlyphOutlines {
  private readonly paths = new Map<string, string>();
  private readonly faceIds = new Map<string, number>();

  constructor(private readonly fonts: FontBook) {}

  /** The element id of a glyph's outline: `g<face>-<glyph>`, the face numbered in order of first use. */
  id(face: string, glyph: number): string {
    let n = this.faceIds.get(face);
    if (n === undefined) this.faceIds.set(face, (n = this.faceIds.size + 1));
    return `g${n}-${glyph}`;
  }

  /** The path data of a glyph's outline, in font units (empty for a blank glyph). */
  path(face: string, glyph: number): string {
    const key = `${face}\u0000${glyph}`;
    let d = this.paths.get(key);
    if (d === undefined) {
      d = outlineData(this.fonts, face, glyph);
      this.paths.set(key, d);
    }
    return d;
  }

  /** Units per em of a face. */
  unitsPerEm(face: string): number {
    return this.fonts.face(face).unitsPerEm;
  }
}

/** A glyph's outline as SVG path data in font units, rounded to a thousandth of a unit. */
function outlineData(fonts: FontBook, face: string, glyph: number): string {
  return pathData(glyphOutline(fonts.face(face), glyph).commands, (x, y) => `${num(x)} ${num(y)}`);
}
