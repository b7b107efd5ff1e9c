/**
 * One page file → Page: front matter, then `::: article` containers and nothing else.
 */
import type { Token } from 'markdown-it';
import type { Article, Block, Page, SourcePos } from '../model/document.js';
import { checkBandHeadBlocks, checkBandHeads } from './band-head.js';
import { ImageChecks } from './image-check.js';
import { parseContainerLine } from './container.js';
import { at, fail } from './fail.js';
import { missingFrontMatter, parseFrontMatter } from './front-matter.js';
import { CONTAINER_OPEN, closing, tokenize } from './markdown.js';
import { isComment } from './html.js';
import { takeNotes } from './notes.js';
import { checkEars } from './front-fields.js';
import { articleBlocks } from './tokens-to-blocks.js';

/** A page with the positions that edition-wide checks need. */
export interface ParsedPage {
  readonly page: Page;
  /** Position of each band of `areas` (of `continued:` on a page with `areas: auto`). */
  readonly bands: readonly SourcePos[];
}

const CLOSING_FENCE = /^ {0,3}:{3,}[ \t]*$/;
const FRONT_MATTER_FENCE = /^ {0,3}-{3,}[ \t]*$/;

function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1;
}

/**
 * markdown-it-attrs hands a `{.class}` written on its own line after an article's last
 * paragraph to the container. Give it back to that paragraph.
 */
function moveTrailingAttrs(tokens: Token[], open: number, close: number, file: string): void {
  const attrs = tokens[open].attrs;
  if (!attrs || attrs.length === 0) return;
  tokens[open].attrs = null;
  const last = tokens[close - 1];
  const paragraph = last?.type === 'paragraph_close' && last.level === tokens[open].level + 1 ? tokens[close - 3] : undefined;
  if (paragraph?.type !== 'paragraph_open' || (paragraph.attrs?.length ?? 0) > 0) {
    fail(at(file, (tokens[open].map?.[1] ?? 1)), 'a {…} line that belongs to no paragraph', 'put {.class} at the end of the last line of a paragraph');
  }
  paragraph.attrs = attrs;
}

/** Everything at the top level of a page must be an article container. */
function outsideArticle(token: Token, tokens: readonly Token[], index: number, file: string): never {
  const pos = at(file, lineOf(token));
  const inline = tokens[index + 1];
  if (token.type === 'paragraph_open' && inline?.type === 'inline' && /(^|\n)\s*:{3,}\s*$/.test(inline.content)) {
    fail(pos, 'a closing ::: with no open article', 'each article starts with a line ::: article ID and ends with a line :::; remove this ::: or add the opening line');
  }
  return fail(pos, 'text outside any article', 'wrap it in an article: a line `::: article ID` before it and a line `:::` after it, and place ID in areas');
}

/** A note belongs to one article: the one whose text refers to it (`owners`: label → article id). */
function noteOwners(blocks: readonly Block[], id: string, owners: Map<string, string>): void {
  for (const block of blocks) {
    if (block.kind !== 'text' || !block.note) continue;
    const other = owners.get(block.note.label);
    if (other !== undefined) {
      fail(block.source, `note [^${block.note.label}] is referred to from article "${other}" and from article "${id}"`, 'a note belongs to one article: give the other article a note of its own (e.g. [^2])');
    }
    owners.set(block.note.label, id);
  }
}

/** Parse a page file and keep the positions of its `areas` bands. */
export function parsePageDetailed(source: string, file: string, editionDir: string, images: ImageChecks = new ImageChecks()): ParsedPage {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const parsed = tokenize(text);
  const { tokens, notes } = takeNotes(parsed.tokens, parsed.env, file);
  const front = tokens[0];
  if (front?.type !== 'front_matter') missingFrontMatter(file);
  const fenceLine = (front.map?.[1] ?? 0) - 1;
  if (!FRONT_MATTER_FENCE.test(lines[0])) {
    fail(at(file, 1), 'the front matter must start with a line ---', 'put nothing else on the first line');
  }
  if (fenceLine < 1 || !FRONT_MATTER_FENCE.test(lines[fenceLine] ?? '')) {
    fail(at(file, 1), 'the front matter is not closed', 'end the front matter with a line --- before the first article');
  }
  // The YAML is the lines between the fences (read here, so line 2 is always YAML line 1).
  const header = parseFrontMatter(lines.slice(1, fenceLine).join('\n'), file, 2);

  const articles: Article[] = [];
  const noteArticle = new Map<string, string>();
  const firstSeen = new Map<string, SourcePos>();
  for (let i = 1; i < tokens.length; i = closing(tokens, i) + 1) {
    const token = tokens[i];
    // A comment between articles prints nothing.
    if (token.type === 'html_block' && isComment(token.content)) continue;
    if (token.type !== CONTAINER_OPEN) outsideArticle(token, tokens, i, file);
    const pos = at(file, lineOf(token));
    const { kind, id, box, briefs, label, rank, tint, labelColour } = parseContainerLine(token.info, pos);
    const endLine = token.map?.[1] ?? lines.length;
    if (!CLOSING_FENCE.test(lines[endLine] ?? '')) {
      fail(pos, `article "${id}" is not closed`, 'end the article with a line ::: after its last paragraph');
    }
    const seen = firstSeen.get(id);
    if (seen) fail(pos, `a second article "${id}" (the first is on line ${seen.line})`, 'give each article its own id');
    firstSeen.set(id, pos);
    const close = closing(tokens, i);
    moveTrailingAttrs(tokens, i, close, file);
    const blocks = articleBlocks(tokens, i, close, { file, images, editionDir, columns: header.columns, id, briefs, notes, lines });
    if (kind === 'band-head') checkBandHeadBlocks(blocks, id, pos);
    noteOwners(blocks, id, noteArticle);
    const article: Article = { source: pos, id, box, blocks, ...(kind === 'band-head' ? { kind } : {}) };
    // A block of briefs is set as a 简讯 (its head at rank 4) unless it says otherwise.
    const ranked = rank ?? (briefs ? 4 : undefined);
    articles.push({ ...article, ...(briefs ? { briefs } : {}), ...(label === undefined ? {} : { label }), ...(ranked === undefined ? {} : { rank: ranked }), ...(tint ? { tint } : {}), ...(labelColour ? { labelColour } : {}) });
  }

  checkEars(header, articles, file);
  if (header.auto) {
    // The page builder places every article; a band head needs the stories under it drawn.
    const band = articles.find((a) => a.kind === 'band-head');
    if (band) fail(band.source, `band head "${band.id}" on a page with areas: auto`, 'a band head stands over the stories drawn under it: draw this page\'s areas by hand, or make the band head an article');
  } else {
    const placed = new Set([...header.areas.flat(), ...(header.ears ?? [])]);
    for (const article of articles) {
      if (!placed.has(article.id)) {
        fail(article.source, `article "${article.id}" is not placed in areas`, `add "${article.id}" to areas in the front matter, one word per basic column it spans (or write areas: auto)`);
      }
    }
    checkBandHeads(articles, header.areas);
  }

  const { paper, date, number, section, editor, size, columns, areas, rows, ears, auto } = header;
  const isFront = header.front;
  const page: Page = { source: at(file, 1), paper, date, number, section, size, columns, areas, rows, articles, ...(auto ? { auto } : {}), ...(isFront === undefined ? {} : { front: isFront }), ...(ears ? { ears } : {}) };
  return { page: editor === undefined ? page : { ...page, editor }, bands: header.bands };
}

/** Parse one page file. Ids in `areas` from earlier pages (jumps) are checked by parseEdition. */
export function parsePage(source: string, file: string, editionDir: string): Page {
  return parsePageDetailed(source, file, editionDir).page;
}
