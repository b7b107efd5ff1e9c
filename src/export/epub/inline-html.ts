import type { FontRole } from '../../fonts/types.js';
import type { Inline } from '../../model/document.js';
import { escapeText } from './xml.js';
import type { GlyphSink } from './roles.js';
import { NO_BREAK_CLASS, noBreakPieces } from './no-break.js';
import { markVerticalNumbers } from './vertical-numbers.js';

/** How inline content is turned into text: the caller's normaliser and where glyph use is recorded. */
export interface InlineContext {
  /** Applied to every text node before escaping (half-width → full-width punctuation etc.). */
  readonly normalize: (text: string) => string;
  readonly glyphs: GlyphSink;
  /** Vertical writing: numbers get tate-chu-yoko or upright spans (see vertical-numbers.ts). */
  readonly vertical?: boolean;
  /** The font role of `<strong>` here when not `strong` (a brief's head, a caption's lead-in: roles.ts). */
  readonly strongRole?: FontRole;
}

/** The emphasis mark `text-emphasis: filled dot` draws (U+2022), drawn in the `em` element's font. */
const EMPHASIS_DOT = '\u2022';

/**
 * Inline content as XHTML: strong → `<strong>`, emphasis → `<em>` (styled as 着重号 dots, not
 * italics), break → `<br/>`. `role` is the font role of the surrounding block.
 */
export function inlinesToXhtml(inlines: readonly Inline[], role: FontRole, ctx: InlineContext): string {
  let out = '';
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text': {
        const text = ctx.normalize(inline.text);
        ctx.glyphs(role, text);
        for (const piece of noBreakPieces(text)) {
          const html = ctx.vertical ? markVerticalNumbers(escapeText(piece.text)) : escapeText(piece.text);
          out += piece.keep ? `<span class="${NO_BREAK_CLASS}">${html}</span>` : html;
        }
        break;
      }
      case 'strong':
        out += `<strong>${inlinesToXhtml(inline.children, ctx.strongRole ?? 'strong', ctx)}</strong>`;
        break;
      case 'emphasis':
        ctx.glyphs('emphasis', EMPHASIS_DOT);
        out += `<em>${inlinesToXhtml(inline.children, 'emphasis', ctx)}</em>`;
        break;
      case 'break':
        out += '<br/>';
        break;
      case 'noteref':
        // A note marker: a link to the note at the end of the article (lists-notes.ts).
        ctx.glyphs(role, String(inline.number));
        out += `<sup><a epub:type="noteref" role="doc-noteref" href="#note-${inline.number}">${inline.number}</a></sup>`;
        break;
      default: {
        const never: never = inline;
        throw new Error(`unknown inline ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}

/**
 * Inline content as a one-line plain title (for `<title>` and the navigation document): each
 * text node normalised, breaks become spaces, runs of white space collapse.
 */
export function inlinesToTitle(inlines: readonly Inline[], normalize: (text: string) => string): string {
  let out = '';
  for (const inline of inlines) {
    if (inline.kind === 'text') out += normalize(inline.text);
    else if (inline.kind === 'break') out += ' ';
    else if (inline.kind === 'noteref') continue;
    else out += inlinesToTitle(inline.children, normalize);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** True if the inline content has no visible text. */
export function isBlank(inlines: readonly Inline[]): boolean {
  return inlinesToTitle(inlines, (t) => t) === '';
}
