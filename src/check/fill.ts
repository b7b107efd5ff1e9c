/** Text that did not fit its area (overset), and areas left more than 3% blank. */
import { finding } from './finding.js';
import type { Finding } from './types.js';
import type { EditionView } from './view.js';

/** Share of an article's area left blank above which the audit warns. */
export const BLANK_SHARE = 0.03;

export function auditFill(view: EditionView): Finding[] {
  const findings: Finding[] = [];
  for (const page of view.pages) {
    for (const o of page.page.overset) {
      findings.push(
        finding(
          view,
          page,
          'overset',
          'error',
          { article: o.article },
          `article "${o.article}" does not fit its area on page ${page.page.number}: ${o.chars} characters of its columns could not be placed in ${o.lines} lines`,
          'give it more columns or bands in `areas`, shorten it, or let it jump: name its id again in the areas of a later page',
        ),
      );
    }
    for (const a of page.page.articles) {
      const slots = a.moduleLines * a.columns;
      const blank = slots > 0 ? a.blankLines / slots : 0;
      if (blank <= BLANK_SHARE) continue;
      findings.push(
        finding(
          view,
          page,
          'underfill',
          'warning',
          { article: a.id, at: a },
          `${Math.round(blank * 100)}% of its area is blank (${a.blankLines} line slots under its columns, room for about ${a.blankLines * a.columnChars} more characters)`,
          'add text or a photo, or give the article a smaller area in `areas`/`rows`',
        ),
      );
    }
  }
  return findings;
}
