import type { Font } from 'fontkit';

/**
 * Font roles: what a piece of text is, not which font it uses. `fonts/fonts.json` maps each
 * role to a chain of faces (the first that has a character wins).
 */
export const FONT_ROLES = [
  'body',
  'strong',
  'emphasis',
  'headline',
  'kicker',
  'subtitle',
  'series',
  'byline',
  'note',
  'signature',
  'lede',
  'pullquote',
  'section-head',
  'section-subhead',
  'caption',
  'credit',
  'label',
  'box-headline',
  'header',
  'header-paper',
] as const;

export type FontRole = (typeof FONT_ROLES)[number];

/** A loaded font face. */
export interface Face {
  /** Key of the face in fonts.json, e.g. `song`. */
  readonly key: string;
  /** Absolute path of the font file. */
  readonly file: string;
  readonly postscriptName: string;
  /** The parsed font (fontkit); only fonts/, text/ and export/ may look inside. */
  readonly font: Font;
  readonly unitsPerEm: number;
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
}
