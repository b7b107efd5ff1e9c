/**
 * Lists, index lists (导读), briefs and notes in the e-book: a run of list items as one `<ol>`
 * (with its start) or `<ul>`; an index list as `<ul class="index">` with each page reference in
 * `<span class="ref">`; a note as `<aside epub:type="footnote">` at the end of its article, its
 * number first (the markers in the text are `<sup><a epub:type="noteref">`, inline-html.ts).
 */
import type { TextBlock } from '../../model/document.js';
import { inlinesToXhtml, type InlineContext } from './inline-html.js';
import { escapeText } from './xml.js';

/** The id of note `n` in its chapter (one article a chapter). */
export function noteId(n: number): string {
  return `note-${n}`;
}

/** A run of items of one list (consecutive `list-item` blocks with the same list) as XHTML. */
export function listXhtml(items: readonly TextBlock[], ctx: InlineContext): string {
  const mark = items[0].list;
  const lis = items.map((item) => {
    const html = inlinesToXhtml(item.inlines, 'body', ctx);
    const ref = item.list?.ref;
    if (ref === undefined) return `<li>${html}</li>`;
    const text = ctx.normalize(ref);
    ctx.glyphs('body', text);
    return `<li>${html}<span class="ref">${escapeText(text)}</span></li>`;
  });
  if (mark?.kind === 'ordered') {
    const start = mark.start === 1 ? '' : ` start="${mark.start}"`;
    return [`<ol${start}>`, ...lis, '</ol>'].join('\n');
  }
  return [mark?.kind === 'index' ? '<ul class="index">' : '<ul>', ...lis, '</ul>'].join('\n');
}

/** A note at the end of its article: its number, then its text. */
export function noteXhtml(block: TextBlock, ctx: InlineContext): string {
  const n = block.note?.number ?? 0;
  ctx.glyphs('body', `${n}.`);
  const html = inlinesToXhtml(block.inlines, 'body', ctx);
  return `<aside epub:type="footnote" role="doc-footnote" id="${noteId(n)}" class="footnote"><p><span class="note-number">${n}.</span> ${html}</p></aside>`;
}

/** Whether an article's chapter needs the `epub:` namespace for its notes. */
export function hasNotes(blocks: readonly { readonly kind: string; readonly role?: string }[]): boolean {
  return blocks.some((b) => b.kind === 'text' && b.role === 'footnote');
}

/** Layout of lists, index lists, briefs and notes (fonts come from the role table). */
export const LISTS_NOTES_CSS = `ol,
ul {
  margin: 0.4em 0;
  padding-left: 2em;
}

li {
  text-indent: 0;
  text-align: justify;
}

ul.index {
  list-style: none;
  padding-left: 0;
}

ul.index li {
  overflow: hidden;
}

ul.index .ref {
  float: right;
  padding-left: 1em;
}

p.brief + p.brief {
  margin-top: 0.6em;
}

sup {
  font-size: 0.6em;
  line-height: 0;
  vertical-align: super;
}

sup a {
  text-decoration: none;
}

aside.footnote {
  margin: 0.3em 0 0;
  font-size: 0.8em;
}

aside.footnote p {
  text-indent: 0;
}

article aside.footnote:first-of-type {
  margin-top: 1.2em;
  padding-top: 0.4em;
  border-top: 1px solid #999;
}`;
