import type { Article, Block, Figure, TextBlock, TextRole } from '../../model/document.js';
import { articleColourClasses, reversedClass, textColourClass } from './colour-css.js';
import { inlinesToXhtml, isBlank, type InlineContext } from './inline-html.js';
import { pageBreakId } from './plan.js';
import { articleClasses, ebookEm } from './rank-css.js';
import { hasNotes, listXhtml, noteXhtml } from './lists-notes.js';
import { fontRoleOf } from './roles.js';
import { tableXhtml } from './table.js';
import { escapeAttr, escapeText, xhtmlDocument } from './xml.js';

/** What a chapter needs besides its article. */
export interface ChapterContext extends InlineContext {
  /** Language of the edition, e.g. `zh-Hans`. */
  readonly lang: string;
  /** Plain `<title>` of the document. */
  readonly title: string;
  /** Href of a figure's image file, relative to the chapter. */
  readonly imageHref: (figure: Figure) => string;
  /** The print page this chapter opens, if it is the first article of its page. */
  readonly pageStart?: number;
  /** The front page's masthead (masthead.ts), before the first chapter of that page. */
  readonly masthead?: string;
}

/** Roles that belong in the article's `<header>` when they open the article. */
const HEADER_ROLES: ReadonlySet<TextRole> = new Set(['series', 'kicker', 'headline', 'subtitle', 'byline']);
/** Roles of an editor's note (编者按 and its signature), set together in one `<aside>`. */
const NOTE_ROLES: ReadonlySet<TextRole> = new Set(['note', 'signature']);

/**
 * One article as an XHTML content document:
 * `<article [class="box rank-N"]><header>label, series, kicker, <h1>, subtitle, byline</header>
 * <aside class="note">…</aside> body…</article>`.
 *
 * The header takes the header-role blocks (series, kicker, headline, subtitle, byline) that come
 * before the body starts; a note written among them follows the header. Header-role blocks
 * that come later stay where they are, so nothing is reordered inside the body.
 */
export function renderChapter(article: Article, ctx: ChapterContext): string {
  const all = article.blocks.filter((b) => b.kind !== 'text' || !isBlank(b.inlines));
  // A photo above the headline (压题照片, written first) opens the article, before its header.
  const above = all[0]?.kind === 'figure' && all[0].place === 'above' ? all[0] : undefined;
  const blocks = above ? all.slice(1) : all;
  let bodyStart = blocks.findIndex((b) => b.kind !== 'text' || !(HEADER_ROLES.has(b.role) || NOTE_ROLES.has(b.role)));
  if (bodyStart < 0) bodyStart = blocks.length;
  const opening = blocks.slice(0, bodyStart);
  const headerBlocks = opening.filter((b) => b.kind === 'text' && HEADER_ROLES.has(b.role)) as TextBlock[];
  const rest = [...opening.filter((b) => !headerBlocks.includes(b as TextBlock)), ...blocks.slice(bodyStart)];

  const lines: string[] = above ? [figure(above, ctx)] : [];
  const header: string[] = [];
  if (article.label && ctx.normalize(article.label).trim()) {
    const label = ctx.normalize(article.label).trim();
    ctx.glyphs('label', label);
    const reversed = article.labelColour ? ` ${reversedClass(article.labelColour)}` : '';
    header.push(`<p class="label${reversed}">${escapeText(label)}</p>`);
  }
  for (const block of headerBlocks) header.push(textBlock(block, article.box, ctx));
  if (header.length > 0) lines.push('<header>', ...header, '</header>');

  for (let i = 0; i < rest.length; i++) {
    const block = rest[i];
    if (block.kind === 'text' && block.role === 'list-item') {
      // The items of one list form one <ol> or <ul>.
      const items: TextBlock[] = [];
      for (; i < rest.length && sameList(rest[i], block); i++) items.push(rest[i] as TextBlock);
      i -= 1;
      lines.push(listXhtml(items, ctx));
    } else if (block.kind === 'text' && block.role === 'note') {
      // A note and the notes/signatures right after it form one aside.
      const aside: string[] = [];
      while (i < rest.length && isNote(rest[i])) aside.push(textBlock(rest[i++] as TextBlock, article.box, ctx));
      i -= 1;
      lines.push('<aside class="note">', ...aside, '</aside>');
    } else {
      lines.push(renderBlock(block, article.box, ctx));
    }
  }

  const classes = [...articleClasses(article), ...articleColourClasses(article)];
  const open = classes.length > 0 ? `<article class="${classes.join(' ')}">` : '<article>';
  // The print page starts here (EPUB 3 page list; DPUB-ARIA doc-pagebreak needs a name).
  const pageBreak =
    ctx.pageStart === undefined
      ? ''
      : `<span epub:type="pagebreak" role="doc-pagebreak" id="${pageBreakId(ctx.pageStart)}" aria-label="${ctx.pageStart}"></span>\n`;
  return xhtmlDocument({
    lang: ctx.lang,
    title: ctx.title,
    body: `${pageBreak}${ctx.masthead ? `${ctx.masthead}\n` : ''}${open}\n${lines.join('\n')}\n</article>\n`,
    epubNamespace: ctx.pageStart !== undefined || hasNotes(blocks),
  });
}

function sameList(block: Block, first: TextBlock): boolean {
  return block.kind === 'text' && block.role === 'list-item' && block.list?.list === first.list?.list;
}

function isNote(block: Block): boolean {
  return block.kind === 'text' && NOTE_ROLES.has(block.role);
}

function renderBlock(block: Block, inBox: boolean, ctx: ChapterContext): string {
  if (block.kind === 'table') return tableXhtml(block, ctx);
  return block.kind === 'figure' ? figure(block, ctx) : textBlock(block, inBox, ctx);
}

/** Element and class per role: the class names are the stylesheet's hooks (css.ts). */
function textBlock(block: TextBlock, inBox: boolean, ctx: ChapterContext): string {
  const html = inlinesToXhtml(block.inlines, fontRoleOf(block.role, inBox), ctx);
  switch (block.role) {
    case 'headline':
      // A headline's own {size=…}, in the e-book's scale (rank-css.ts).
      return `<h1${block.colour ? ` class="${textColourClass(block.colour)}"` : ''}${block.size === undefined ? '' : ` style="font-size: ${ebookEm('headline', block.size)}em"`}>${html}</h1>`;
    case 'section-head':
      return `<h2>${html}</h2>`;
    case 'section-subhead':
      return `<h3>${html}</h3>`;
    case 'pullquote':
      return `<blockquote class="pullquote"><p>${html}</p></blockquote>`;
    case 'paragraph':
      return `<p>${html}</p>`;
    case 'brief':
      return `<p class="brief">${inlinesToXhtml(block.inlines, 'body', { ...ctx, strongRole: 'section-head' })}</p>`;
    case 'list-item':
      // Only reached for an item on its own; a run of items is one list (listXhtml).
      return listXhtml([block], ctx);
    case 'footnote':
      return noteXhtml(block, ctx);
    case 'note':
      // Always inside `<aside class="note">`, which carries the class (and its frame).
      return `<p>${html}</p>`;
    case 'series':
    case 'kicker':
    case 'subtitle':
    case 'byline':
    case 'signature':
    case 'lede':
    case 'credit':
      return `<p class="${block.role}">${html}</p>`;
    default: {
      const never: never = block.role;
      throw new Error(`unknown text role ${String(never)}`);
    }
  }
}

function figure(fig: Figure, ctx: ChapterContext): string {
  const alt = ctx.normalize(fig.alt);
  const img = `<img src="${escapeAttr(ctx.imageHref(fig))}" alt="${escapeAttr(alt)}"/>`;
  const caption = isBlank(fig.caption) ? '' : `<figcaption>${inlinesToXhtml(fig.caption, 'caption', { ...ctx, strongRole: 'section-head' })}</figcaption>`;
  return `<figure${fig.place === 'above' ? ' class="above"' : ''}>${img}${caption}</figure>`;
}
