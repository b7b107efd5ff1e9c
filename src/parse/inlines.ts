/**
 * Inline tokens → Inline[]: text, strong, emphasis, hard breaks and note markers, with text
 * exactly as written (no punctuation conversion: a later stage does that). HTML comments print
 * nothing; other raw HTML is refused by name (html.ts).
 */
import type { Token } from 'markdown-it';
import type { Inline, SourcePos } from '../model/document.js';
import { at, fail } from './fail.js';
import { isComment, refuseHtml } from './html.js';
import { refuseDanglingMarker } from './notes.js';

type Mutable =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Mutable[] }
  | { kind: 'emphasis'; children: Mutable[] }
  | { kind: 'break' }
  | { kind: 'noteref'; number: number };

/** The number a note marker prints, from markdown-it-footnote's id of its note; absent where notes are not taken. */
export type NoteRef = (id: number) => number;

const UNSUPPORTED: Record<string, { what: string; hint: string }> = {
  link_open: {
    what: 'a link',
    hint: 'the printed page cannot follow it: write the text (and the address, if it matters) as plain text',
  },
  code_inline: { what: 'inline code (`…`)', hint: 'write it as plain text, or escape each backquote as \\`' },
  image: { what: 'a photo inside a paragraph', hint: 'put each photo alone in a paragraph of its own' },
  footnote_ref: { what: 'a note marker here', hint: 'notes are taken in an article\'s text: put the marker [^1] in a paragraph, not in a caption or inside a note' },
};

function append(list: Mutable[], text: string): void {
  if (text === '') return;
  const last = list[list.length - 1];
  if (last?.kind === 'text') last.text += text;
  else list.push({ kind: 'text', text });
}

/** `*text*{.x}`: markdown-it-attrs puts `{.x}` on the span; the format has no such thing. */
function rejectAttrs(token: Token, pos: SourcePos): void {
  if (!token.attrs || token.attrs.length === 0) return;
  const written = token.attrs.map(([key, value]) => (key === 'class' ? `.${value}` : `${key}=${value}`)).join(' ');
  fail(
    pos,
    `attributes {${written}} on inline text are not part of the content format`,
    'a {.class} at the end of a paragraph gives the paragraph a role; remove this one',
  );
}

/** Convert the children of an inline token. `pos` is the line of its block; `noteRef` numbers note markers. */
export function toInlines(children: readonly Token[], pos: SourcePos, noteRef?: NoteRef): Inline[] {
  const root: Mutable[] = [];
  const stack: Mutable[][] = [root];
  const top = (): Mutable[] => stack[stack.length - 1];
  // The line of the token at hand: the block's first, and one more after each line break.
  let lines = 0;
  const here = (): SourcePos => at(pos.file, pos.line + lines);
  for (const token of children) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        if (token.meta?.joinedLine === true) lines++;
        if (token.type === 'text') refuseDanglingMarker(token.content, here());
        append(top(), token.content);
        break;
      case 'softbreak':
        lines++;
        append(top(), ' ');
        break;
      case 'hardbreak':
        lines++;
        top().push({ kind: 'break' });
        break;
      case 'html_inline':
        if (!isComment(token.content)) refuseHtml(token.content, here());
        break;
      case 'footnote_ref':
        if (!noteRef) {
          const known = UNSUPPORTED.footnote_ref;
          fail(here(), `${known.what} is not part of the content format`, known.hint);
        }
        top().push({ kind: 'noteref', number: noteRef(Number(token.meta?.id)) });
        break;
      case 'strong_open':
      case 'em_open': {
        rejectAttrs(token, pos);
        const children: Mutable[] = [];
        top().push({ kind: token.type === 'strong_open' ? 'strong' : 'emphasis', children });
        stack.push(children);
        break;
      }
      case 'strong_close':
      case 'em_close':
        stack.pop();
        break;
      default: {
        const known = UNSUPPORTED[token.type];
        fail(
          pos,
          `${known?.what ?? `"${token.type}"`} is not part of the content format`,
          known?.hint ?? 'write plain text, **strong** or *emphasis*',
        );
      }
    }
  }
  return trimEdges(root);
}

/** Drop whitespace at the very start and end of a block (left by `{.class}` removal, say). */
function trimEdges(list: Mutable[]): Inline[] {
  const first = list[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^\s+/, '');
  const last = list[list.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/\s+$/, '');
  return list.filter((inline) => inline.kind !== 'text' || inline.text !== '');
}

/** Plain text of inline tokens (image alt text): markup dropped, breaks as spaces. */
export function tokensText(children: readonly Token[]): string {
  let out = '';
  for (const token of children) {
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') out += token.content;
    else if (token.type === 'html_inline' && !isComment(token.content)) out += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out += ' ';
    else if (token.type === 'image') out += tokensText(token.children ?? []);
  }
  return out.trim();
}
