/** Text that did not fit its area (overset), and areas left more than 3% blank. */
import { finding } from './finding.js';
import type { Finding } from './types.js';
import type { EditionView } from './view.js';

import { BLANK_SHARE } from '../model/index.js';

/** The photos (block indices) of an article by file and line: images/a.jpg (line 12). */
function photos(view: EditionView, article: string, blocks: readonly number[]): string {
  const found = view.articles.get(article);
  return blocks
    .map((i) => {
      const block = found?.blocks[i];
      return block?.kind === 'figure' ? `the photo ${block.figure.href} (line ${block.source.line})` : `block ${i}`;
    })
    .join(', ');
}

export function auditFill(view: EditionView): Finding[] {
  const findings: Finding[] = [];
  for (const page of view.pages) {
    for (const o of page.page.overset) {
      const bands = o.bands.map((b) => b + 1).join(', ');
      // A part that jumps with no line left under its head for 下转: nothing of the text is lost, but the jump line is.
      const parts = [o.chars > 0 ? `${o.chars} characters left over, about ${o.lacking} lines more than the ${o.lines} of band ${bands}` : `its headline block leaves no line of the ${o.lines} of band ${bands} for its jump line (下转)`];
      if (o.figures.length > 0) parts.push(`no room for ${photos(view, o.article, o.figures)} even cropped to its smallest`);
      const page_ = o.pageShort > 0 ? `; the page is ${o.pageShort} lines short of what all its bands need, and every auto band gave up lines` : '';
      findings.push(
        finding(
          view,
          page,
          'overset',
          'error',
          { article: o.article, origin: { kind: 'block', index: o.block }, at: o.area },
          `article "${o.article}" does not fit its area on page ${page.page.number}: ${parts.join('; ')}${page_}`,
          `cut about ${o.chars} characters, give it more columns or a deeper band in \`areas\`/\`rows\`, or let it jump: name its id again in the areas of a later page`,
        ),
      );
    }
    for (const a of page.page.articles) {
      const slots = a.moduleLines * a.columns;
      const blank = slots > 0 ? a.blankLines / slots : 0;
      const first = view.articles.get(a.id)?.page;
      const overset = page.page.overset.some((o) => o.article === a.id);
      // A continuation with nothing to carry: the 下转 line of its first page sends the reader to an empty area.
      const empty = first !== undefined && first !== page.page.number && !overset && a.linesPerColumn.every((n) => n === 0);
      if (!empty && blank <= BLANK_SHARE) continue;
      const said = empty
        ? { message: `its continuation here carries none of its text: all of it fits on page ${first}, yet that page sends the reader on to this one`, hint: `take "${a.id}" out of this page's areas, or give it less room on page ${first}` }
        : { message: `about ${a.blankLines * a.columnChars} characters short: ${Math.round(blank * 100)}% of its area is blank (${a.blankLines} line slots under its columns)`, hint: 'add text or a photo, or give the article a smaller area in `areas`/`rows`' };
      findings.push(finding(view, page, 'underfill', 'warning', { article: a.id, at: a }, said.message, said.hint));
    }
  }
  return findings;
}
