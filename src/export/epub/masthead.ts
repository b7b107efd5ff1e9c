/**
 * The masthead (报头) in the e-book: at the head of the front page's first chapter, the paper's
 * name, the date line with 农历, the issue and publisher line and the edition's further lines,
 * as the printed page has them. A masthead image is given as its name, set as text.
 */
import type { Edition, Page } from '../../model/document.js';
import { mastheadDateLine } from '../../text/masthead-text.js';
import type { GlyphSink } from './roles.js';
import { escapeText } from './xml.js';

/** Between the issue number and the publisher, as on the page: two full-width spaces. */
const FIELD_SEPARATOR = '\u3000\u3000';

export function mastheadHtml(page: Page, edition: Edition, normalize: (text: string) => string, glyphs: GlyphSink): string {
  const m = edition.masthead;
  const name = normalize(m?.name ?? page.paper).trim();
  const issue = [m?.issue, m?.publisher].filter((t): t is string => t !== undefined && t !== '').join(FIELD_SEPARATOR);
  const lines = [mastheadDateLine(page.date), ...(issue ? [issue] : []), ...(m?.lines ?? [])].map((l) => normalize(l).trim()).filter((l) => l !== '');
  glyphs('header-paper', name);
  for (const line of lines) glyphs('header', line);
  return [
    '<header class="masthead">',
    `<p class="masthead-name">${escapeText(name)}</p>`,
    ...lines.map((line) => `<p class="masthead-line">${escapeText(line)}</p>`),
    '</header>',
  ].join('\n');
}

/** The masthead's layout in the stylesheet (its colour comes with the house colours, colour-css.ts). */
export const MASTHEAD_CSS = `
.masthead {
  margin: 0.5em 0 1.5em;
  text-align: center;
}

.masthead p {
  text-indent: 0;
  text-align: center;
}

.masthead-name {
  font-size: 2.6em;
  line-height: 1.3;
  letter-spacing: 0.1em;
  padding-bottom: 0.1em;
  border-bottom: 3px double #000;
  margin-bottom: 0.3em;
}

.masthead-line {
  font-size: 0.8em;
  color: #333;
}
`;
