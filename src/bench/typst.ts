/**
 * The same editions in Typst, for the bench's yardstick: each page's text in Typst markup, on a
 * page of the same size and type area with as many columns, in the same faces, justified, the
 * headline bold sans. Typst is not a dependency of banmian; the bench uses it where
 * `@myriaddreamin/typst-ts-node-compiler` is installed (`npm i --no-save …`), and says so where not.
 */
import { createRequire } from 'node:module';
import { DEFAULT_STYLE, pageSizeMm, plainText, tableTexts, type Edition } from '../model/index.js';

import { TYPST_PACKAGE } from './typst-package.cjs';

export { TYPST_PACKAGE, TYPST_VERSION } from './typst-package.cjs';

/** Whether the Typst compiler package can be loaded from here. */
export function typstInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve(TYPST_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/** A string as a Typst string literal: its text set as it is, nothing read as markup. */
function literal(text: string): string {
  return `#${JSON.stringify(text)}`;
}

/** Blocks set as Typst headlines (bold sans): the headline alone. */
const TYPST_HEAD_ROLES = new Set(['headline']);
const BODY_FAMILY = 'Noto Serif SC';
const HEAD_FAMILY = 'Noto Sans SC';
const HEAD_SIZE_PT = 26;

/** The edition's text as a Typst document: a page per page of the edition, every block's text in order. */
export function typstMarkup(edition: Edition): string {
  const out: string[] = [
    `#set text(font: ${JSON.stringify(BODY_FAMILY)}, size: ${DEFAULT_STYLE.body.size}pt, lang: "zh", region: "cn")`,
    `#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: ${(DEFAULT_STYLE.body.leading - DEFAULT_STYLE.body.size).toFixed(2)}pt)`,
  ];
  for (const [i, page] of edition.pages.entries()) {
    const { page: [width, height], typeArea: [areaWidth, areaHeight] } = pageSizeMm(page.size);
    out.push(`#set page(width: ${width}mm, height: ${height}mm, margin: (x: ${(width - areaWidth) / 2}mm, y: ${(height - areaHeight) / 2}mm), columns: ${page.columns})`);
    if (i > 0) out.push('#pagebreak()');
    for (const article of page.articles) {
      for (const block of article.blocks) {
        const text = plainText(block.kind === 'text' ? block.inlines : block.kind === 'table' ? tableTexts(block).flat() : block.caption);
        if (block.kind === 'text' && TYPST_HEAD_ROLES.has(block.role)) out.push(`#text(font: ${JSON.stringify(HEAD_FAMILY)}, weight: "bold", size: ${HEAD_SIZE_PT}pt)[${literal(text)}]`);
        else out.push(literal(text));
        out.push('');
      }
    }
  }
  return `${out.join('\n')}\n`;
}
