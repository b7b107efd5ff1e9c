/**
 * Raw HTML in a page: refused by name, with the Markdown to write instead, never printed as
 * literal tags. HTML comments (`<!-- … -->`) are the newsroom's notes to itself: they are
 * allowed anywhere a block or inline text may stand and print nothing (nor reach the EPUB).
 */
import type { SourcePos } from '../model/document.js';
import { fail } from './fail.js';

/** `<!-- … -->`, alone (with white space around it). */
const COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;
/** Several comments in one html_block: each one a comment, nothing else between. */
const COMMENTS = /^(\s*<!--[\s\S]*?-->)+\s*$/;

/** An html_block or html_inline token's content is only comments: skip it. */
export function isComment(html: string): boolean {
  return COMMENT.test(html) || COMMENTS.test(html);
}

/** What to write instead of an element, by tag name. */
const INSTEAD: Readonly<Record<string, string>> = {
  br: 'end the line with a backslash \\ (a line break inside the paragraph), or leave a blank line for a new paragraph',
  b: 'write **bold** (set in the bold face)',
  strong: 'write **bold** (set in the bold face)',
  i: 'write *emphasis* (set with emphasis dots)',
  em: 'write *emphasis* (set with emphasis dots)',
  u: 'write *emphasis* or **bold**: a page has no underlining',
  table: 'write a Markdown pipe table (| a | b | lines), or the figures as text',
  tr: 'write a Markdown pipe table (| a | b | lines)',
  td: 'write a Markdown pipe table (| a | b | lines)',
  th: 'write a Markdown pipe table (| a | b | lines)',
  ul: 'write a list as lines starting with "- "',
  ol: 'write a numbered list as lines starting with "1. "',
  li: 'write a list as lines starting with "- " or "1. "',
  p: 'leave a blank line between paragraphs',
  div: 'leave a blank line between paragraphs; an article is a ::: article container',
  span: 'write plain text, **bold** or *emphasis*',
  font: 'write plain text, **bold** or *emphasis*: faces and sizes come from the house style',
  sup: 'for a note, write a marker [^1] and the note on a line [^1]: …',
  sub: 'write plain text',
  img: 'write a photo in a paragraph of its own: ![说明](images/photo.jpg "图说")',
  a: 'write the text (and the address, if it matters) as plain text: the printed page cannot follow a link',
  h1: 'write # for the headline',
  h2: 'write ## for a section head',
  h3: 'write ### for a second-level section head',
  blockquote: 'write > at the start of each line of a pull quote',
  hr: 'leave it out: articles are set apart by the page layout (areas)',
  center: 'leave it out: heads are centred by the house style',
};

const GENERIC = 'write plain text, **bold** or *emphasis*; to print a < as a character, write \\<';

/** The first tag name in a piece of HTML (`<b>` → b, `</td>` → td). */
function tagName(html: string): string | undefined {
  return /<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html)?.[1]?.toLowerCase();
}

/** Refuse a piece of raw HTML at `pos`, naming the tag and what to write instead. */
export function refuseHtml(html: string, pos: SourcePos): never {
  const tag = tagName(html);
  const shown = html.trim().split('\n')[0].slice(0, 40);
  if (tag === undefined) return fail(pos, `HTML (${shown}) is not part of the content format`, GENERIC);
  return fail(pos, `the HTML tag <${tag}> is not part of the content format (${shown})`, INSTEAD[tag] ?? GENERIC);
}
