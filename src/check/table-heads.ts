/**
 * A table's head row repeated where the table goes on in another column is text the page adds:
 * it must read as the head row, whole, once per place it is repeated (never a cut or altered
 * head), and it is not counted among the characters placed from the source.
 */
import type { MarkOrigin } from '../compose/index.js';
import { textDifference } from './characters.js';
import { finding } from './finding.js';
import type { Finding } from './types.js';
import { quote, type EditionView, type PageView } from './view.js';

/** The repeated head rows of a page, each checked against its table's head row. */
export function repeatedHeads(view: EditionView, page: PageView): Finding[] {
  // Each repeat: the run of lines the page builder placed together over a column's rows.
  const repeats: { article: string; origin: MarkOrigin; text: string }[] = [];
  let last: MarkOrigin | undefined;
  // An indexed loop: every line of an edition passes here, mostly before V8 optimises this.
  for (let lineIndex = 0; lineIndex < page.lines.length; lineIndex++) {
    const line = page.lines[lineIndex];
    const { origin, tag } = line.placed;
    const current = repeats.at(-1);
    if (origin.kind === 'table-head') {
      if (last?.kind === 'table-head' && last.index === origin.index && current?.article === tag.article) current.text += line.text;
      else repeats.push({ article: tag.article, origin, text: line.text });
    }
    last = origin;
  }
  const findings: Finding[] = [];
  for (const { article, origin, text } of repeats) {
    if (origin.kind !== 'table-head') continue;
    const block = view.articles.get(article)?.blocks[origin.index];
    const head = block?.kind === 'table' ? block.head.map((set) => set.text).join('') : '';
    const difference = textDifference(head, text);
    if (difference) {
      findings.push(finding(view, page, difference.kind === 'lost' ? 'lost-text' : 'repeated-text', 'error', { article, origin: { kind: 'block', index: origin.index } }, `article "${article}", the head row ${quote(head)} repeated over its table's rows: ${difference.message}`, 'report it: a table that goes on repeats its head row whole'));
    }
  }
  return findings;
}

