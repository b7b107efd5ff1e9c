/**
 * Accessibility metadata of the package (EPUB Accessibility 1.1, schema.org vocabulary): what
 * a reader who cannot see the pages, or needs them changed, can rely on. It states only what the
 * book is built to have; it claims no WCAG conformance, which needs an evaluation.
 */
import type { Edition, Figure } from '../../model/document.js';
import { isBlank } from './inline-html.js';
import { escapeText } from './xml.js';

/** The accessibility facts of one edition's EPUB. */
export interface AccessibilityFacts {
  /** Does the book have images (figures)? The cover is drawn text and has its own alt. */
  readonly images: boolean;
  /** Does every figure have alternative text (its alt or its caption)? */
  readonly allImagesDescribed: boolean;
  /** Does the page list give the print edition's pages? */
  readonly pageList: boolean;
}

export function accessibilityFacts(edition: Edition, pageList: boolean): AccessibilityFacts {
  const figures = edition.pages.flatMap((p) => p.articles.flatMap((a) => a.blocks.filter((b): b is Figure => b.kind === 'figure')));
  return {
    images: figures.length > 0,
    allImagesDescribed: figures.every((f) => f.alt.trim() !== '' || !isBlank(f.caption)),
    pageList,
  };
}

/** Summary for people, in the book's language (the package's `xml:lang`), clause by clause. */
function summary(facts: AccessibilityFacts): string {
  const clauses = ['本电子版由报纸版面的同一文稿生成：每篇文章一章，标题层级完整，阅读顺序与原文一致'];
  if (facts.images) clauses.push(facts.allImagesDescribed ? '图片均有文字说明' : '部分图片缺少文字说明');
  if (facts.pageList) clauses.push('页码表标出印刷版的版次');
  return `${clauses.join('；')}。`;
}

/** `<meta>` lines of the package metadata, indented for package.opf. */
export function accessibilityMetadata(facts: AccessibilityFacts): string[] {
  const modes = ['textual', ...(facts.images ? ['visual'] : [])];
  const sufficient = facts.allImagesDescribed ? ['textual'] : modes;
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
    ...(facts.images && facts.allImagesDescribed ? ['alternativeText'] : []),
    ...(facts.pageList ? ['pageNavigation'] : []),
  ];
  const meta = (property: string, value: string) => `    <meta property="${property}">${escapeText(value)}</meta>`;
  return [
    ...modes.map((m) => meta('schema:accessMode', m)),
    meta('schema:accessModeSufficient', sufficient.join(',')),
    ...features.map((f) => meta('schema:accessibilityFeature', f)),
    meta('schema:accessibilityHazard', 'none'),
    meta('schema:accessibilitySummary', summary(facts)),
  ];
}
