/**
 * Every character of the source placed exactly once, in reading order: each block of each
 * article (paragraphs, heads, captions) read back from the placed lines, across columns and
 * pages, equals its text as written; the text the page adds (column label, jump lines, the
 * headline in short, the running head) reads as it should; no character is drawn as an empty box.
 */
import { PAGE, type HeaderField, type MarkOrigin } from '../compose/index.js';
import { blockText, codePointCount, withoutIgnorables, type ItemizedArticle, type SetText } from '../text/index.js';
import { finding } from './finding.js';
import type { LineFacts } from './line-facts.js';
import { SAME_POSITION_PT } from './lines.js';
import type { Finding } from './types.js';
import { repeatedHeads } from './table-heads.js';
import { quote, type EditionView, type PageView } from './view.js';

/**
 * What counts of a text: its visible characters. White space is where lines break; invisible
 * characters (Unicode §5.21 Default_Ignorable_Code_Point: ZWSP, word joiner, U+FEFF, variation
 * selectors…) are placed nowhere of their own, and a PDF's text may leave out the break controls
 * among them (src/text/ignorable.ts).
 */
const squeeze = (text: string): string => withoutIgnorables(text.replace(/\s+/gu, ''));
const count = (text: string): number => codePointCount(squeeze(text));

/** How a placed text differs from what it should read, or null when it reads the same. */
export function textDifference(expected: string, placed: string): { kind: 'lost' | 'repeated'; message: string } | null {
  const wanted = squeeze(expected);
  const read = squeeze(placed);
  // The same text (the usual case) is told without splitting either into characters.
  if (wanted === read) return null;
  const want = Array.from(wanted);
  const got = Array.from(read);
  let head = 0;
  while (head < want.length && head < got.length && want[head] === got[head]) head++;
  let tail = 0;
  while (tail < want.length - head && tail < got.length - head && want[want.length - 1 - tail] === got[got.length - 1 - tail]) tail++;
  const missing = want.slice(head, want.length - tail).join('');
  const extra = got.slice(head, got.length - tail).join('');
  const after = head > 0 ? ` after ${quote(want.slice(Math.max(0, head - 8), head).join(''))}` : ' at its start';
  if (extra === '') {
    const n = Array.from(missing).length;
    return { kind: 'lost', message: `${n} of its ${want.length} characters ${n === 1 ? 'is' : 'are'} not on the page: ${quote(missing)}${after}` };
  }
  if (missing === '') {
    const n = Array.from(extra).length;
    return { kind: 'repeated', message: `${n} character${n === 1 ? ' is' : 's are'} on the page that it does not have there (placed twice?): ${quote(extra)}${after}` };
  }
  return { kind: 'lost', message: `it reads ${quote(extra)} where it has ${quote(missing)}${after}` };
}

export interface CharacterFigures {
  readonly sourceChars: number;
  readonly placedChars: number;
}

interface Placed {
  text: string;
  readonly first: { page: PageView; line: LineFacts };
}

const HEADER_FIELDS: readonly HeaderField[] = ['folio', 'section', 'paper', 'date', 'editor'];

export function auditCharacters(view: EditionView): { findings: Finding[]; figures: CharacterFigures } {
  const findings: Finding[] = [];
  const overset = new Set(view.pages.flatMap((p) => p.page.overset.map((o) => o.article)));
  // Source blocks, read back across the whole edition (a jumping article's parts in page order).
  const blocks = new Map<string, Map<number, Placed>>();
  const orderBroken = new Set<string>();
  const lastBlock = new Map<string, number>();
  // The numerals and bullets hung before list items and notes, by article and block.
  const markers = new Map<string, string>();
  let placedChars = 0;
  for (const page of view.pages) {
    // An indexed loop: every line of an edition passes here, mostly before V8 optimises this.
    for (let lineIndex = 0; lineIndex < page.lines.length; lineIndex++) {
      const line = page.lines[lineIndex];
      const { article } = line.placed.tag;
      const origin = line.placed.origin;
      if (origin.kind === 'marker') {
        const k = `${article}|${origin.index}`;
        markers.set(k, (markers.get(k) ?? '') + line.sourceText);
      }
      if (origin.kind !== 'block' && origin.kind !== 'label') continue;
      placedChars += count(line.sourceText);
      if (origin.kind !== 'block') continue;
      const perArticle = blocks.get(article) ?? new Map<number, Placed>();
      blocks.set(article, perArticle);
      const placed = perArticle.get(origin.index);
      if (placed) placed.text += line.sourceText;
      else perArticle.set(origin.index, { text: line.sourceText, first: { page, line } });
      // Reading order: an article's blocks come in source order.
      if (origin.index < (lastBlock.get(article) ?? -1) && !orderBroken.has(article)) {
        orderBroken.add(article);
        findings.push(finding(view, page, 'reading-order', 'error', { article, origin, at: line.ink ?? undefined }, `the line ${quote(line.text)} of article "${article}" comes after text that follows it in the source`, 'report it: the page builder placed the article out of order'));
      }
      lastBlock.set(article, Math.max(lastBlock.get(article) ?? -1, origin.index));
    }
    findings.push(...columnOrder(view, page));
  }

  let sourceChars = 0;
  for (const [id, article] of view.articles) {
    const placed = blocks.get(id) ?? new Map<number, Placed>();
    sourceChars += count(article.label?.text ?? '');
    article.blocks.forEach((block, index) => {
      const text = blockText(block);
      sourceChars += count(text);
      if (overset.has(id)) return; // reported as overset, with the count of what is left over
      const got = placed.get(index);
      const marker = block.kind === 'text' ? textDifference(block.marker?.text ?? '', markers.get(`${id}|${index}`) ?? '') : null;
      if (marker) {
        const page = got?.first.page ?? view.pages[0];
        findings.push(finding(view, page, marker.kind === 'lost' ? 'lost-text' : 'repeated-text', 'error', { article: id, origin: { kind: 'marker', index } }, `article "${id}", the numeral or bullet of its ${block.kind === 'text' ? block.role : 'block'}: ${marker.message}`, 'report it: the page must print what it adds whole'));
      }
      const difference = textDifference(text, got?.text ?? '');
      if (!difference) return;
      const page = got?.first.page ?? view.pages.find((p) => p.itemized.page.number === article.page) ?? view.pages[0];
      const what = block.kind === 'text' ? `its ${block.role}` : block.kind === 'table' ? 'its table' : 'its caption';
      findings.push(
        finding(view, page, difference.kind === 'lost' ? 'lost-text' : 'repeated-text', 'error', { article: id, origin: { kind: 'block', index }, at: got?.first.line.ink ?? undefined }, `article "${id}", ${what}: ${difference.message}`, 'report it: every character of the source must be placed once'),
      );
    });
  }
  for (const page of view.pages) findings.push(...addedText(view, page), ...tofu(view, page), ...repeatedHeads(view, page));
  return { findings, figures: { sourceChars, placedChars } };
}

/** Consecutive body lines of an article go down a column, then on to a column to its right. */
function columnOrder(view: EditionView, page: PageView): Finding[] {
  const last = new Map<string, LineFacts>();
  const findings: Finding[] = [];
  for (let lineIndex = 0; lineIndex < page.lines.length; lineIndex++) {
    const line = page.lines[lineIndex];
    if (!line.placed.onGrid) continue;
    const { article } = line.placed.tag;
    const before = last.get(article);
    last.set(article, line);
    if (!before) continue;
    // One column: the lines' measures overlap (a list item's lines are indented within it).
    const sameColumn = Math.abs(line.placed.x - before.placed.x) <= SAME_POSITION_PT || (line.placed.x < before.placed.x + before.placed.measure && before.placed.x < line.placed.x + line.placed.measure);
    const forward = sameColumn ? line.placed.baseline > before.placed.baseline : line.placed.x > before.placed.x;
    if (!forward) {
      findings.push(finding(view, page, 'reading-order', 'error', { article, origin: line.placed.origin, at: line.ink ?? undefined }, `the line ${quote(line.text)} of article "${article}" is placed above or left of the line it follows, ${quote(before.text)}`, 'report it: columns read top to bottom, left to right'));
    }
  }
  return findings;
}

/** What the page adds: the column label, the headline in short, the jump lines, the running head. */
function addedText(view: EditionView, page: PageView): Finding[] {
  const findings: Finding[] = [];
  const placed = new Map<string, string>();
  const key = (article: string, origin: MarkOrigin): string => `${article}|${origin.kind}|${origin.kind === 'header' ? origin.field : origin.kind === 'masthead' ? origin.line : ''}`;
  for (let lineIndex = 0; lineIndex < page.lines.length; lineIndex++) {
    const line = page.lines[lineIndex];
    const k = key(line.placed.tag.article, line.placed.origin);
    placed.set(k, (placed.get(k) ?? '') + line.text);
  }
  const expect = (article: string, origin: MarkOrigin, set: SetText | undefined, what: string): void => {
    const difference = textDifference(set?.text ?? '', placed.get(key(article, origin)) ?? '');
    if (difference) findings.push(finding(view, page, difference.kind === 'lost' ? 'lost-text' : 'repeated-text', 'error', { article, origin }, `${what}: ${difference.message}`, 'report it: the page must print what it adds whole'));
  };
  const { header, masthead } = page.itemized;
  // A front page has its masthead instead of the running head (the credit line stays).
  for (const field of HEADER_FIELDS) expect(PAGE, { kind: 'header', field }, masthead && field !== 'editor' ? undefined : header[field], `the running head's ${field}`);
  if (masthead) {
    expect(PAGE, { kind: 'masthead', line: 0 }, masthead.name, "the masthead's name");
    masthead.lines.forEach((set, i) => expect(PAGE, { kind: 'masthead', line: i + 1 }, set, `the masthead's line ${i + 1}`));
  }
  // An area with overset text is reported as overset, its head and jump lines included.
  const overset = new Set(page.page.overset.map((o) => o.article));
  for (const area of page.page.articles) {
    const article: ItemizedArticle | undefined = view.articles.get(area.id);
    if (!article || overset.has(area.id)) continue;
    const part = [article.page, ...article.continuations].indexOf(page.page.number);
    const jumps = part < article.continuations.length;
    expect(area.id, { kind: 'label' }, part === 0 ? article.label : undefined, `article "${area.id}", its column label`);
    expect(area.id, { kind: 'short-head' }, part > 0 ? article.shortHead : undefined, `article "${area.id}", its headline in short`);
    expect(area.id, { kind: 'jump-in' }, part > 0 ? article.jumpIn[part - 1] : undefined, `article "${area.id}", its 上接 line`);
    expect(area.id, { kind: 'jump-out' }, jumps ? article.jumpOut[part] : undefined, `article "${area.id}", its 下转 line`);
  }
  return findings;
}

/** Characters drawn with .notdef: one finding per character and block. */
function tofu(view: EditionView, page: PageView): Finding[] {
  const seen = new Map<string, { line: LineFacts; char: string; count: number }>();
  for (let lineIndex = 0; lineIndex < page.lines.length; lineIndex++) {
    const line = page.lines[lineIndex];
    // Nearly every line has none: the list is not iterated then.
    const chars = line.tofu;
    for (let c = 0; c < chars.length; c++) {
      const char = chars[c];
      const k = `${line.placed.tag.article}|${JSON.stringify(line.placed.origin)}|${char}`;
      const entry = seen.get(k);
      if (entry) entry.count++;
      else seen.set(k, { line, char, count: 1 });
    }
  }
  return [...seen.values()].map(({ line, char, count: n }) => {
    const cp = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const times = n > 1 ? ` (${n} times)` : '';
    return finding(view, page, 'tofu', 'warning', { article: line.placed.tag.article, origin: line.placed.origin, at: line.ink ?? undefined }, `“${char}” (${cp}) has no glyph in any face of its font role: it prints as an empty box${times}`, 'map a font that has it in fonts/fonts.json, or replace the character');
  });
}
