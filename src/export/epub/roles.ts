import type { FontRole } from '../../fonts/types.js';
import type { TextRole } from '../../model/document.js';

/**
 * Which font role styles which element of the EPUB. The CSS (css.ts) and the glyph collector
 * (fonts.ts, fed by chapter.ts) both read this table, so a face is subset to exactly the
 * characters the stylesheet asks it to draw.
 */

/** Records that `text` is drawn in `role`'s font (so the subset must cover it). */
export type GlyphSink = (role: FontRole, text: string) => void;

/** A sink that records nothing (used when fonts are not embedded). */
export const ignoreGlyphs: GlyphSink = () => {};

/**
 * CSS selector for each font role used by the EPUB, in stylesheet order. `strong` and `em` set
 * their own font wherever they appear, so the innermost inline decides a character's role.
 */
export const ROLE_SELECTORS: ReadonlyArray<readonly [FontRole, string]> = [
  ['body', 'body'],
  ['label', '.label'],
  ['series', '.series'],
  ['kicker', '.kicker'],
  ['headline', 'h1'],
  ['box-headline', '.box h1'],
  ['subtitle', '.subtitle'],
  ['byline', '.byline'],
  ['note', '.note'],
  ['signature', '.signature'],
  ['lede', '.lede'],
  ['pullquote', '.pullquote'],
  ['section-head', 'h2'],
  ['section-subhead', 'h3'],
  ['caption', 'figcaption, .table-source'],
  ['credit', '.credit'],
  ['header-paper', '.masthead-name'],
  ['header', '.masthead-line'],
  ['table-title', 'caption'],
  ['table-head', 'th'],
  ['strong', 'strong'],
  // A brief's run-in head and a caption's bold lead-in: the sans bold face, as on the page
  // (the house style's `strongFont`; inline-html.ts records their glyphs under this role).
  ['section-head', 'p.brief strong, figcaption strong'],
  ['emphasis', 'em'],
];

/** Font role of a text block's own text (box headlines have their own face). */
export function fontRoleOf(role: TextRole, inBox: boolean): FontRole {
  switch (role) {
    case 'paragraph':
    case 'list-item':
    case 'brief':
    case 'footnote':
      return 'body';
    case 'headline':
      return inBox ? 'box-headline' : 'headline';
    default:
      return role;
  }
}
