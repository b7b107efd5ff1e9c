import type { Article, Edition, Figure, Page } from '../../model/document.js';
import { inlinesToTitle } from './inline-html.js';

/**
 * The EPUB's file layout, decided once from the model: which chapter file each article gets
 * and which file each image gets. Names are ASCII and derived from page numbers and article
 * ids only, so the same edition always gives the same names (no random ids, no slugs of
 * Chinese titles that reduce to nothing).
 */

/** One chapter: an article and where it goes. */
export interface ChapterPlan {
  readonly page: Page;
  readonly article: Article;
  /** File name inside the content folder, e.g. `p11-lead.xhtml`. */
  readonly file: string;
  /** Plain, normalised title for `<title>` and the navigation document. */
  readonly title: string;
  /** The first chapter of its print page: it carries the page's break marker (page list). */
  readonly pageStart: boolean;
}

/** One image file, shared by every figure that uses the same source file. */
export interface ImagePlan {
  /** Absolute path of the source file. */
  readonly src: string;
  /** Path inside the content folder without extension, e.g. `images/p11-box-1` (the extension comes from the bytes). */
  readonly stem: string;
  /** The first figure that uses it (for error messages). */
  readonly figure: Figure;
}

export interface EpubPlan {
  readonly chapters: readonly ChapterPlan[];
  readonly images: readonly ImagePlan[];
  /** Image plan by source path. */
  readonly imageBySrc: ReadonlyMap<string, ImagePlan>;
}

/** Lay out the edition's files: one chapter per article in page order, images per article. */
export function planEdition(edition: Edition, normalize: (text: string) => string): EpubPlan {
  const chapters: ChapterPlan[] = [];
  const images: ImagePlan[] = [];
  const imageBySrc = new Map<string, ImagePlan>();
  const taken = new Set<string>();

  for (const page of edition.pages) {
    page.articles.forEach((article, index) => {
      const stem = unique(`p${page.number}-${asciiName(article.id, `a${index + 1}`)}`, taken);
      chapters.push({ page, article, file: `${stem}.xhtml`, title: articleTitle(page, article, index, normalize), pageStart: index === 0 });
      let n = 0;
      for (const block of article.blocks) {
        if (block.kind !== 'figure' || imageBySrc.has(block.src)) continue;
        n += 1;
        const image: ImagePlan = { src: block.src, stem: `images/${stem}-${n}`, figure: block };
        images.push(image);
        imageBySrc.set(block.src, image);
      }
    });
  }
  return { chapters, images, imageBySrc };
}

/** `第11版 党建` (the section name is optional). */
export function pageLabel(page: Page, normalize: (text: string) => string): string {
  const section = normalize(page.section).trim();
  return section ? `第${page.number}版 ${section}` : `第${page.number}版`;
}

/** Headline, else the column label, else kicker, else `第N版 第M篇`. */
function articleTitle(page: Page, article: Article, index: number, normalize: (text: string) => string): string {
  for (const role of ['headline', 'kicker', 'subtitle'] as const) {
    const block = article.blocks.find((b) => b.kind === 'text' && b.role === role);
    if (block && block.kind === 'text') {
      const title = inlinesToTitle(block.inlines, normalize);
      if (title) return title;
    }
    if (role === 'headline' && article.label && normalize(article.label).trim()) return normalize(article.label).trim();
  }
  return `${pageLabel(page, normalize)} 第${index + 1}篇`;
}

/** Lower-case ASCII letters, digits and `-`; `fallback` if nothing is left (e.g. a Chinese id). */
export function asciiName(name: string, fallback: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii || fallback;
}

function unique(stem: string, taken: Set<string>): string {
  let name = stem;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}`;
  taken.add(name);
  return name;
}

/** Id of the print-page break marker that opens the first chapter of page `number`. */
export function pageBreakId(number: number): string {
  return `page-${number}`;
}
