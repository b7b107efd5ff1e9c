/**
 * The house colours in the e-book: one class per colour use the edition makes, with the CMYK
 * converted naively to RGB (model/colour.ts) — a coloured headline (`c-red`), a tinted box
 * (`bg-black-10`: its background), a reversed label (`rev-red`: white on the colour).
 */
import { makePalette, PAPER, resolveColour, rgbHex, type ColourRef, type Palette } from '../../model/colour.js';
import type { Edition } from '../../model/document.js';

/** Class name stem of a colour use: `red`, `red-15` (a 15% tint), `black-10`. */
function stem(ref: ColourRef): string {
  const percent = Math.round(ref.tint * 1000) / 10;
  return percent === 100 ? ref.name : `${ref.name}-${String(percent).replace('.', '_')}`;
}

export const textColourClass = (ref: ColourRef): string => `c-${stem(ref)}`;
export const tintClass = (ref: ColourRef): string => `bg-${stem(ref)}`;
export const reversedClass = (ref: ColourRef): string => `rev-${stem(ref)}`;

/** The class names an article's element takes for its tint. */
export function articleColourClasses(article: { readonly tint?: ColourRef }): string[] {
  return article.tint ? [tintClass(article.tint)] : [];
}

/** The rules for every colour use of the edition, in order of first use (none: the empty string). */
export function colourCss(edition: Edition): string {
  const palette: Palette = edition.palette ?? makePalette();
  const rules = new Map<string, string>();
  const add = (selector: string, body: string): void => {
    if (!rules.has(selector)) rules.set(selector, body);
  };
  const hex = (ref: ColourRef): string => rgbHex(resolveColour(ref, palette));
  if (edition.masthead?.colour) add(`.masthead .masthead-name`, `color: ${hex(edition.masthead.colour)};\n  border-bottom: 3px double ${hex(edition.masthead.colour)};`);
  for (const page of edition.pages) {
    for (const article of page.articles) {
      if (article.tint) add(`.${tintClass(article.tint)}`, `background-color: ${hex(article.tint)};\n  padding: 0.6em 0.8em;`);
      if (article.labelColour) add(`.label.${reversedClass(article.labelColour)}`, `color: ${rgbHex(PAPER)};\n  background-color: ${hex(article.labelColour)};\n  border-bottom: none;`);
      for (const block of article.blocks) if (block.kind === 'text' && block.colour) add(`.${textColourClass(block.colour)}`, `color: ${hex(block.colour)};`);
    }
  }
  if (rules.size === 0) return '';
  return `\n${[...rules].map(([selector, body]) => `${selector} {\n  ${body}\n}`).join('\n\n')}\n`;
}
