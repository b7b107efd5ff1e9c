/**
 * Inline tokens → Inline[]: text, strong, emphasis and hard breaks, with text exactly as
 * written (no punctuation conversion: a later stage does that).
 */
import type { Token } from 'markdown-it';
import type { Inline, SourcePos } from '../model/document.js';
import { fail } from './fail.js';

type Mutable =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Mutable[] }
  | { kind: 'emphasis'; children: Mutable[] }
  | { kind: 'break' };

const UNSUPPORTED: Record<string, { what: string; hint: string }> = {
  link_open: {
    what: 'a link',
    hint: 'the printed page cannot follow it: write the text (and the address, if it matters) as plain text',
  },
  code_inline: { what: 'inline code (`…`)', hint: 'write it as plain text, or escape each backquote as \\`' },
  image: { what: 'a photo inside a paragraph', hint: 'put each photo alone in a paragraph of its own' },
  html_inline: { what: 'HTML', hint: 'write plain text' },
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

/** Convert the children of an inline token. `pos` is the line of its block. */
export function toInlines(children: readonly Token[], pos: SourcePos): Inline[] {
  const root: Mutable[] = [];
  const stack: Mutable[][] = [root];
  const top = (): Mutable[] => stack[stack.length - 1];
  for (const token of children) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        append(top(), token.content);
        break;
      case 'softbreak':
        append(top(), ' ');
        break;
      case 'hardbreak':
        top().push({ kind: 'break' });
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
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out += ' ';
    else if (token.type === 'image') out += tokensText(token.children ?? []);
  }
  return out.trim();
}
