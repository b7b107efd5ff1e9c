import type { FontBook } from '../../fonts/types.js';
import { genericFamily, type EmbeddedFont } from './fonts.js';
import { HEAD_EM, rankCss } from './rank-css.js';
import { BAND_CSS } from './band-css.js';
import { LISTS_NOTES_CSS } from './lists-notes.js';
import { ROLE_SELECTORS } from './roles.js';
import { tableCss } from './table-css.js';

/**
 * The stylesheet: `@font-face` for the embedded subsets, one font rule per font role (the same
 * faces the PDF uses, from fonts.json), then the layout of a news article for reflowable
 * reading: centred headline block, body paragraphs indented two characters and justified with
 * strict Chinese line breaking, 着重号 for emphasis; with `vertical`, the whole book set top to
 * bottom in columns from right to left.
 */
export function buildCss(
  fonts: FontBook,
  embedded: readonly EmbeddedFont[],
  options: { readonly vertical: boolean; readonly autospace: boolean },
): string {
  const family = new Map(embedded.map((e) => [e.face, familyName(e)]));
  const out: string[] = [];
  for (const e of embedded) {
    out.push(
      `@font-face {\n  font-family: "${familyName(e)}";\n  src: url(${e.file}) format("truetype");\n` +
        `  font-weight: ${e.weight};\n  font-style: normal;\n}`,
    );
  }
  for (const [role, selector] of ROLE_SELECTORS) {
    const chain = fonts.chain(role);
    const names = chain.flatMap((face) => (family.has(face) ? [`"${family.get(face)}"`] : []));
    const weight = chain[0].font['OS/2']?.usWeightClass || 400;
    out.push(`${selector} {\n  font-family: ${[...names, genericFamily(chain[0])].join(', ')};\n  font-weight: ${weight};\n}`);
  }
  // The edition's autospace setting, as the PDF sets it (¼ em there; the reader's own amount here).
  out.push(options.autospace ? LAYOUT : LAYOUT.replace('text-autospace: normal;', 'text-autospace: no-autospace;'));
  out.push(rankCss());
  out.push(LISTS_NOTES_CSS);
  out.push(BAND_CSS);
  out.push(tableCss());
  if (options.vertical) out.push(VERTICAL);
  return `${out.join('\n\n')}\n`;
}

/** CSS family name of an embedded face: `bm-` + its file stem (unique per face). */
function familyName(e: EmbeddedFont): string {
  return `bm-${e.file.replace(/^.*\//, '').replace(/\.[^.]*$/, '')}`;
}

/** Layout rules (no fonts here: those come from the role table). */
const LAYOUT = `body {
  margin: 0 0.5em;
  line-height: 1.75;
  text-align: justify;
  /* Where supported (Chromium 123+/140+): adjacent full-width marks and opening brackets at
     the start of every line — the first line of a paragraph too, after its indent — set half
     width, as the PDF sets them (clreq #h-compression_of_punctuation_marks_at_line_start),
     and a gap between Han characters and Latin letters or digits. */
  text-spacing-trim: trim-start;
  text-autospace: normal;
}

p {
  margin: 0;
  text-indent: 2em;
  text-align: justify;
  line-break: strict;
  -webkit-line-break: strict;
  -epub-line-break: strict;
  word-break: normal;
  orphans: 2;
  widows: 2;
}

header {
  margin: 0.5em 0 1.5em;
  text-align: center;
}

header p {
  text-indent: 0;
  text-align: center;
}

.label {
  display: inline-block;
  margin-bottom: 0.6em;
  padding: 0.1em 0.6em;
  border-bottom: 2px solid #b00;
  font-size: 1.2em;
  color: #b00;
}

.series {
  font-size: 0.9em;
  color: #b00;
  margin-bottom: 0.3em;
}

.kicker {
  font-size: ${HEAD_EM.kicker}em;
}

h1 {
  margin: 0.2em 0;
  font-size: ${HEAD_EM.headline}em;
  line-height: 1.35;
  text-align: center;
  page-break-after: avoid;
}

.box h1 {
  font-size: 1.5em;
}

.subtitle {
  font-size: ${HEAD_EM.subtitle}em;
  margin-top: 0.2em;
}

.byline {
  font-size: 0.9em;
  margin-top: 0.8em;
  color: #333;
}

.note {
  margin: 0 0 1.5em;
  padding: 0.6em 0.8em;
  border-top: 1px solid #999;
  border-bottom: 1px solid #999;
  font-size: 0.95em;
}

.signature {
  text-indent: 0;
  text-align: right;
}

.lede {
  margin-bottom: 0.8em;
}

h2 {
  margin: 1.2em 0 0.6em;
  font-size: 1.15em;
  line-height: 1.5;
  text-align: center;
  page-break-after: avoid;
}

h3 {
  margin: 1em 0 0.4em;
  font-size: 1.05em;
  line-height: 1.5;
  text-align: center;
  page-break-after: avoid;
}

/* A section head and its second line (强组织，建机制—— / 把链上企业党组织聚合起来) read as one
   head, centred, as on the page. */
h2 + h3 {
  margin-top: -0.4em;
}

/* Heads of more than one line are balanced where the reading system can (the page breaks them
   at phrase ends; a browser cannot, but it can avoid a last line of one or two characters). */
h1,
h2,
h3,
.kicker,
.subtitle {
  text-wrap: balance;
}

/* A character and the dash or interpunct after it: never broken apart (no-break.ts). */
.nobr {
  white-space: nowrap;
}

blockquote.pullquote {
  margin: 1em 1.5em;
  padding: 0.4em 0;
  border-top: 1px solid #b00;
  border-bottom: 1px solid #b00;
  font-size: 1.2em;
  line-height: 1.6;
}

blockquote.pullquote p {
  text-indent: 0;
}

figure {
  margin: 1em 0;
  text-align: center;
  page-break-inside: avoid;
}

figure img {
  max-width: 100%;
  height: auto;
}

figcaption {
  margin-top: 0.4em;
  font-size: 0.85em;
  line-height: 1.6;
  text-align: justify;
  text-indent: 0;
}

.credit {
  font-size: 0.8em;
  text-indent: 0;
  text-align: right;
  color: #333;
}

article.box {
  margin: 0.5em 0;
  padding: 0.8em 1em;
  border: 1px solid #333;
}

em {
  font-style: normal;
  text-emphasis: filled dot;
  text-emphasis-position: under right;
  -webkit-text-emphasis: filled dot;
  -webkit-text-emphasis-position: under right;
  -epub-text-emphasis-style: filled dot;
  -epub-text-emphasis-position: under right;
}

nav ol {
  list-style: none;
  padding-left: 1em;
}

section.cover {
  margin: 0;
  padding: 0;
  text-align: center;
  text-indent: 0;
}

section.cover img {
  max-width: 100%;
  max-height: 100vh;
  height: auto;
}
`;

/**
 * Vertical writing (竖排): lines top to bottom, columns right to left (the spine turns pages
 * right to left to match). The horizontal layout's physical margins, paddings and rules are
 * turned a quarter (top → right, bottom → left; logical properties would do it in one
 * stylesheet, but older reading systems do not know them); emphasis dots already sit to the
 * right of the characters (clreq); numbers stand upright (vertical-numbers.ts); the cover stays
 * an upright picture.
 */
const VERTICAL = `html {
  writing-mode: vertical-rl;
  -webkit-writing-mode: vertical-rl;
  -epub-writing-mode: vertical-rl;
}

.tcy {
  text-combine-upright: all;
  -webkit-text-combine: horizontal;
  -epub-text-combine: horizontal;
}

.upright {
  text-orientation: upright;
  -webkit-text-orientation: upright;
  -epub-text-orientation: upright;
}

body {
  margin: 0.5em 0;
}

header {
  margin: 0 0.5em 0 1.5em;
}

.label {
  margin-bottom: 0;
  margin-left: 0.6em;
  border-bottom: none;
  border-left: 2px solid #b00;
}

.series {
  margin-bottom: 0;
  margin-left: 0.3em;
}

h1 {
  margin: 0 0.2em;
}

.subtitle {
  margin-top: 0;
  margin-right: 0.2em;
}

.byline {
  margin-top: 0;
  margin-right: 0.8em;
}

.note {
  margin: 0 0 0 1.5em;
  padding: 0.8em 0.6em;
  border-top: none;
  border-bottom: none;
  border-right: 1px solid #999;
  border-left: 1px solid #999;
}

.lede {
  margin-bottom: 0;
  margin-left: 0.8em;
}

h2 {
  margin: 0 1.2em 0 0.6em;
}

h3 {
  margin: 0 1em 0 0.4em;
}

blockquote.pullquote {
  margin: 1.5em 1em;
  padding: 0 0.4em;
  border-top: none;
  border-bottom: none;
  border-right: 1px solid #b00;
  border-left: 1px solid #b00;
}

figure {
  margin: 0 1em;
}

figure img {
  max-width: none;
  max-height: 60vh;
  width: auto;
}

figcaption {
  margin-top: 0;
  margin-right: 0.4em;
}

article.box {
  margin: 0 0.5em;
  padding: 1em 0.8em;
}

nav ol {
  padding-left: 0;
  padding-top: 1em;
}

section.cover {
  writing-mode: horizontal-tb;
  -webkit-writing-mode: horizontal-tb;
  -epub-writing-mode: horizontal-tb;
}
`;
