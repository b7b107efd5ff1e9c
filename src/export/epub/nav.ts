import type { ChapterPlan } from './plan.js';
import { pageBreakId, pageLabel } from './plan.js';
import type { GlyphSink } from './roles.js';
import { escapeAttr, escapeText, xhtmlDocument } from './xml.js';

/** What the navigation document needs besides the chapters. */
export interface NavContext {
  readonly lang: string;
  readonly normalize: (text: string) => string;
  readonly glyphs: GlyphSink;
  /** Href of the cover page, listed first among the landmarks. */
  readonly cover?: string;
}

/** Heading of the table of contents. */
const TOC_TITLE = '目录';

/**
 * The EPUB 3 navigation document: a two-level table of contents (`第11版 党建` → each article's
 * headline; a page entry links to its first article) and landmarks pointing at the cover and
 * the first article, and the page list of the print edition (each page's number, at the
 * break marker opening its first article). It is not in the spine (reading systems show it as their contents menu), which is
 * also why the landmarks cannot point at it: EPUBCheck rejects links to non-spine documents.
 */
export function renderNav(chapters: readonly ChapterPlan[], ctx: NavContext): string {
  const lines: string[] = ['<nav epub:type="toc" id="toc">', `<h1>${escapeText(TOC_TITLE)}</h1>`, '<ol>'];
  ctx.glyphs('headline', TOC_TITLE);
  for (let i = 0; i < chapters.length; ) {
    const page = chapters[i].page;
    const label = pageLabel(page, ctx.normalize);
    ctx.glyphs('body', label);
    lines.push(`<li><a href="${escapeAttr(chapters[i].file)}">${escapeText(label)}</a>`, '<ol>');
    for (; i < chapters.length && chapters[i].page === page; i++) {
      ctx.glyphs('body', chapters[i].title);
      lines.push(`<li><a href="${escapeAttr(chapters[i].file)}">${escapeText(chapters[i].title)}</a></li>`);
    }
    lines.push('</ol>', '</li>');
  }
  lines.push('</ol>', '</nav>');
  const starts = chapters.filter((c) => c.pageStart);
  if (starts.length > 0) {
    // The print edition's pages (版), so a reader can go to 第11版 or cite it.
    lines.push('<nav epub:type="page-list" id="page-list" hidden="hidden">', '<ol>');
    for (const c of starts) lines.push(`<li><a href="${escapeAttr(`${c.file}#${pageBreakId(c.page.number)}`)}">${c.page.number}</a></li>`);
    lines.push('</ol>', '</nav>');
  }
  if (chapters.length > 0) {
    lines.push(
      '<nav epub:type="landmarks" id="landmarks" hidden="hidden">',
      '<ol>',
      ...(ctx.cover ? [`<li><a epub:type="cover" href="${escapeAttr(ctx.cover)}">封面</a></li>`] : []),
      `<li><a epub:type="bodymatter" href="${escapeAttr(chapters[0].file)}">正文</a></li>`,
      '</ol>',
      '</nav>',
    );
  }
  return xhtmlDocument({ lang: ctx.lang, title: TOC_TITLE, body: `${lines.join('\n')}\n`, epubNamespace: true });
}
