import type { Font } from 'fontkit';
import type { FontFileBytes, GlyphOutlines } from './font-file.js';
import type { FontRole } from '../model/style.js';

export { FONT_ROLES, type FontRole } from '../model/style.js';

/** A loaded font face. */
export interface Face {
  /** Key of the face in fonts.json, e.g. `song`. */
  readonly key: string;
  /** Absolute path of the font file. */
  readonly file: string;
  /** The font file's bytes as far as read (fonts/font-file.ts), in memory shared between threads. */
  readonly bytes: FontFileBytes;
  readonly postscriptName: string;
  /** The parsed font (fontkit); only fonts/, text/ and export/ may look inside. */
  readonly font: Font;
  readonly unitsPerEm: number;
  /** A glyph's horizontal advance in font units (fonts/advance.ts). */
  readonly advance: (glyphId: number) => number;
  /** The glyph id of a code point in the character map, 0 when it has none (fonts/cmap.ts). */
  readonly glyphId: (codePoint: number) => number;
  /** Reads glyph outlines the file was not read for yet (fonts/font-file.ts): a PDF subset's before it is made. */
  readonly outlines: GlyphOutlines;
}

/** A glyph as the text stage needs it: id and advance, in font units. */
export interface GlyphMetrics {
  readonly id: number;
  /** Horizontal advance in font units. */
  readonly advance: number;
}

/** The fonts of a build: faces by key and, per role, the fallback chain. */
export interface FontBook {
  /** Folder fonts.json was read from. */
  readonly dir: string;
  readonly faces: ReadonlyMap<string, Face>;
  /** Fallback chain of faces for a role. Never empty. */
  chain(role: FontRole): readonly Face[];
  face(key: string): Face;
  /** Glyph for a code point in a face, or undefined if the face lacks it (cached). */
  glyph(face: Face, codePoint: number): GlyphMetrics | undefined;
  /**
   * fonts.json's `languages`: for a BCP 47 tag as written there (`zh-Hant`, any case), the face
   * that takes each default face's place in every role, by the default face's key (opened on
   * first use; see fonts/language.ts); undefined when fonts.json has none for the tag. Absent:
   * one set of faces for every language.
   */
  languageFaces?(tag: string): ReadonlyMap<string, Face> | undefined;
}
