/**
 * The tokens of one article (between `::: article` and `:::`) → Block[].
 *
 * Paragraphs take their role from a trailing `{.class}`; `#`, `##`, `###` are the headline and
 * the two levels of section heads (a headline may take `{size=…}` and `{.vertical}`); each paragraph of a `> quote` is a pull quote; a paragraph
 * holding only an image is a Figure; a pipe table is a Table (table.ts), with the
 * `{.table-title}` paragraph before it and the `{.source}` paragraph after it; a list gives one `list-item` block per item (list.ts); in
 * a block of briefs, a paragraph opening with **bold** is a brief. The notes the article's text
 * refers to follow its last block, numbered from 1 (notes.ts). HTML comments print nothing.
 */
import type { Token } from 'markdown-it';
import type { Block, Inline, SourcePos, TextBlock, TextRole } from '../model/document.js';
import { plainText } from '../model/index.js';
import { at, fail } from './fail.js';
import { checkAbovePhotos } from './above-photo.js';
import { toFigure } from './figure.js';
import type { ImageChecks } from './image-check.js';
import { headlineAttrs } from './headline-attrs.js';
import { isComment, refuseHtml } from './html.js';
import { toInlines, type NoteRef } from './inlines.js';
import { MAX_BLOCK_CHARS } from './limits.js';
import { listBlocks } from './list.js';
import { CONTAINER_OPEN, closing } from './markdown.js';
import { NoteNumbers, type NoteText } from './notes.js';
import { classOf, TABLE_SOURCE_CLASS, TABLE_TITLE_CLASS, toTable } from './table.js';

export interface ArticleContext {
  readonly file: string;
  /** The images this parse has checked (a photo used twice is read once). */
  readonly images: ImageChecks;
  readonly editionDir: string;
  /** Basic columns of the page (the widest a photo can ask for). */
  readonly columns: number;
  readonly id: string;
  /** A block of briefs (`::: article ID briefs`). */
  readonly briefs?: boolean;
  /** The page's notes, by markdown-it-footnote's id (notes.ts). */
  readonly notes?: ReadonlyMap<number, NoteText>;
  /** The page file's lines, 0-based as the tokens' maps count them (a table row's cells are counted there). */
  readonly lines: readonly string[];
}

/** Roles given by `{.class}` on a paragraph. */
export const CLASS_ROLES: readonly TextRole[] = ['series', 'kicker', 'subtitle', 'byline', 'note', 'signature', 'lede', 'credit'];

const CLASS_LIST = CLASS_ROLES.map((role) => `{.${role}}`).join(' ');

const HEADINGS: Record<string, TextRole> = { h1: 'headline', h2: 'section-head', h3: 'section-subhead' };

const UNSUPPORTED: Record<string, string> = {
  code_block: 'an indented code block (a line starting with 4 spaces)',
  fence: 'a code block',
  hr: 'a horizontal rule',
};

function posOf(token: Token, file: string): SourcePos {
  return at(file, (token.map?.[0] ?? 0) + 1);
}

function written(attrs: readonly [string, string][]): string {
  return attrs.map(([key, value]) => (key === 'class' ? value.split(/\s+/).map((c) => `.${c}`).join(' ') : `${key}=${value}`)).join(' ');
}

/** The role of a text paragraph from its attributes: `paragraph` without any. */
function roleOf(attrs: readonly [string, string][], pos: SourcePos): TextRole {
  if (attrs.length === 0) return 'paragraph';
  const [key, value] = attrs[0];
  const classes = key === 'class' ? value.split(/\s+/).filter((c) => c !== '') : [];
  if (attrs.length > 1 || key !== 'class' || classes.length !== 1) {
    fail(pos, `{${written(attrs)}} is not a paragraph role`, `give a paragraph one role, one of ${CLASS_LIST}`);
  }
  const role = CLASS_ROLES.find((known) => known === classes[0]);
  if (!role) fail(pos, `unknown class {.${classes[0]}}`, `known classes: ${CLASS_LIST}`);
  return role;
}

/** The image token when a paragraph holds only an image (blank text around it allowed). */
function loneImage(inline: Token): Token | undefined {
  const children = (inline.children ?? []).filter(
    (child) => !((child.type === 'text' || child.type === 'softbreak') && child.content.trim() === ''),
  );
  return children.length === 1 && children[0].type === 'image' ? children[0] : undefined;
}

function textBlock(role: TextRole, inline: Token, pos: SourcePos, noteRef?: NoteRef): TextBlock {
  const inlines = toInlines(inline.children ?? [], pos, noteRef);
  if (inlines.length === 0) {
    fail(
      pos,
      role === 'paragraph' || role === 'pullquote' ? `an empty ${role}` : `a ${role} with no text`,
      role === 'headline' || role.startsWith('section-')
        ? 'write the heading text after the #, or remove the line'
        : 'a {.class} goes at the end of the last line of its paragraph, not on a line of its own after a blank line',
    );
  }
  const length = Array.from(plainText(inlines)).length;
  if (length > MAX_BLOCK_CHARS) {
    fail(pos, `this ${role} has ${length.toLocaleString('en-US')} characters, more than the ${MAX_BLOCK_CHARS.toLocaleString('en-US')} a block may hold`, 'split it into paragraphs (a blank line between them), or check that a whole file was not pasted as one paragraph');
  }
  return { kind: 'text', role, inlines, source: pos };
}

/** Pull quotes: every paragraph of a `>` block. */
function pullquotes(tokens: readonly Token[], open: number, close: number, ctx: ArticleContext, noteRef: NoteRef): TextBlock[] {
  const quotePos = posOf(tokens[open], ctx.file);
  if (tokens[open].attrs?.length) {
    fail(quotePos, `{${written(tokens[open].attrs ?? [])}} on a pull quote`, 'a > quote is always a pull quote: remove the {…}');
  }
  const blocks: TextBlock[] = [];
  for (let i = open + 1; i < close; i = closing(tokens, i) + 1) {
    const token = tokens[i];
    const pos = posOf(token, ctx.file);
    if (token.type !== 'paragraph_open') {
      fail(pos, 'a pull quote (>) holds only paragraphs', 'write each paragraph of the quote on lines starting with >');
    }
    if (token.attrs?.length) {
      fail(pos, `{${written(token.attrs)}} on a pull quote`, 'a > quote is always a pull quote: remove the {…}');
    }
    if (loneImage(tokens[i + 1])) fail(pos, 'a photo inside a pull quote', 'put the photo in a paragraph of its own, outside the quote');
    blocks.push(textBlock('pullquote', tokens[i + 1], pos, noteRef));
  }
  return blocks;
}

/** Index of the token that `tokens[close]` closes (the loop steps from an opener past its closer). */
function openerOf(tokens: readonly Token[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    depth += tokens[i].nesting;
    if (depth === 0) return i;
  }
  return 0;
}

/** Blocks of an article: `tokens[open]` is its container token, `tokens[close]` the end. */
export function articleBlocks(tokens: readonly Token[], open: number, close: number, ctx: ArticleContext): Block[] {
  const blocks: Block[] = [];
  let headline: SourcePos | undefined;
  let lists = 0;
  const numbers = new NoteNumbers();
  const noteRef: NoteRef = (id) => numbers.number(id);
  for (let i = open + 1; i < close; i = closing(tokens, i) + 1) {
    const token = tokens[i];
    const pos = posOf(token, ctx.file);
    const attrs = token.attrs ?? [];
    const tableClass = token.type === 'paragraph_open' ? classOf(token) : undefined;
    if (tableClass === TABLE_TITLE_CLASS) {
      const next = closing(tokens, i) + 1;
      if (tokens[next]?.type !== 'table_open') fail(pos, `a {.${TABLE_TITLE_CLASS}} paragraph with no table after it`, 'write the table title on the line just before its table, with a blank line between them');
      const title = textBlock('paragraph', tokens[i + 1], pos).inlines;
      const { table, last } = toTable(tokens, next, ctx, title);
      blocks.push(table);
      i = openerOf(tokens, last); // the loop goes on after the table (and its source line)
      continue;
    }
    if (tableClass === TABLE_SOURCE_CLASS) {
      fail(pos, `a {.${TABLE_SOURCE_CLASS}} paragraph that does not follow a table`, 'write the source line (来源：…) just after its table (and its {cols=N} line), with a blank line between them');
    }
    if (token.type === 'table_open') {
      const { table, last } = toTable(tokens, i, ctx, undefined);
      blocks.push(table);
      i = openerOf(tokens, last);
      continue;
    }
    if (token.type === 'paragraph_open') {
      const inline = tokens[i + 1];
      const image = loneImage(inline);
      const block = image ? toFigure(image, attrs, ctx.editionDir, ctx.columns, pos, ctx.images) : textBlock(roleOf(attrs, pos), inline, pos, noteRef);
      // In a block of briefs, a plain paragraph opening with **bold** is a brief: the bold is its run-in head.
      blocks.push(ctx.briefs && block.kind === 'text' && block.role === 'paragraph' && opensWithStrong(block.inlines) ? { ...block, role: 'brief' } : block);
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      blocks.push(...listBlocks(tokens, i, lists++, ctx.file, (inline, itemPos) => textBlock('list-item', inline, itemPos, noteRef)));
    } else if (token.type === 'html_block') {
      // A comment is the newsroom's note to itself: it prints nothing.
      if (!isComment(token.content)) refuseHtml(token.content, pos);
    } else if (token.type === 'heading_open') {
      const role = HEADINGS[token.tag];
      if (!role) fail(pos, `a level-${token.tag.slice(1)} heading is not part of the content format`, 'use # for the headline, ## and ### for section heads');
      if (role !== 'headline' && attrs.length > 0) fail(pos, `{${written(attrs)}} on a heading`, `a section heading takes no {…}; paragraph roles are ${CLASS_LIST}`);
      if (role === 'headline') {
        if (headline) {
          fail(pos, `article "${ctx.id}" has a second headline (the first is on line ${headline.line})`, 'an article has one # headline; use ## for a section head, or {.kicker} / {.subtitle} for the lines above and below the headline');
        }
        headline = pos;
      }
      const block = textBlock(role, tokens[i + 1], pos, noteRef);
      blocks.push(role === 'headline' ? { ...block, ...headlineAttrs(attrs, written(attrs), pos) } : block);
    } else if (token.type === 'blockquote_open') {
      blocks.push(...pullquotes(tokens, i, closing(tokens, i), ctx, noteRef));
    } else if (token.type === CONTAINER_OPEN) {
      fail(pos, `an article starts inside article "${ctx.id}", which is not closed`, `end article "${ctx.id}" with a line ::: before the next ::: article`);
    } else {
      const what = UNSUPPORTED[token.type] ?? `"${token.type}"`;
      fail(pos, `${what} is not part of the content format`, 'an article holds paragraphs, # ## ### headings, > pull quotes, lists, photos and tables');
    }
  }
  checkAbovePhotos(blocks, ctx.id);
  // The notes its text refers to, in the order of their numbers, after its last block.
  for (const [id, number] of numbers.referred()) {
    const note = ctx.notes?.get(id);
    if (!note) fail(posOf(tokens[open], ctx.file), `article "${ctx.id}" refers to a note that has no text`, 'write each note on a line of its own: [^1]: 注释文字');
    blocks.push({ ...textBlock('footnote', note.inline, note.source), note: { number, label: note.label } });
  }
  if (blocks.length === 0) {
    fail(posOf(tokens[open], ctx.file), `article "${ctx.id}" is empty`, 'write its text before the closing :::, or remove the article and leave its cells as . in areas');
  }
  return blocks;
}

/** Whether a paragraph opens with a **bold** run (a brief's run-in head). */
function opensWithStrong(inlines: readonly Inline[]): boolean {
  return inlines[0]?.kind === 'strong';
}
