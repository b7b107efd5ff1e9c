/**
 * The PDF as written, read back: each article's text, extracted through the PDF's structure
 * tree (Document → Art → P, H1, Caption…) and its marked content with pdf.js, equals the text
 * of the lines the layout placed for it on that page. This checks what a reader copying from
 * the PDF, a search engine or a screen reader gets: glyphs, ToUnicode maps and tagging.
 */
import { PAGE } from '../compose/index.js';
import { finding } from './finding.js';
import type { Finding } from './types.js';
import type { EditionView } from './view.js';
import { textDifference } from './characters.js';

/** A node of pdf.js's structure tree: an element with a role and kids, or a marked-content leaf. */
interface StructNode {
  readonly role?: string;
  readonly type?: string;
  readonly id?: string;
  readonly children?: readonly StructNode[];
}

/** pdf.js's text content with marked content: text runs between begin/end markers. */
type ContentItem = { readonly str: string } | { readonly type: 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent'; readonly id?: string | null };

const ARTICLE_ROLE = 'Art';

function leafIds(node: StructNode, out: string[] = []): string[] {
  if (node.type === 'content' && node.id) out.push(node.id);
  for (const child of node.children ?? []) leafIds(child, out);
  return out;
}

function articlesOf(node: StructNode, out: StructNode[] = []): StructNode[] {
  if (node.role === ARTICLE_ROLE) out.push(node);
  else for (const child of node.children ?? []) articlesOf(child, out);
  return out;
}

/** Text of each marked-content sequence, by its id. */
function textByContent(items: readonly ContentItem[]): Map<string, string> {
  const text = new Map<string, string>();
  const open: (string | null)[] = [];
  for (const item of items) {
    if ('str' in item) {
      const id = open.findLast((x) => x !== null);
      if (id) text.set(id, (text.get(id) ?? '') + item.str);
    } else if (item.type === 'endMarkedContent') {
      open.pop();
    } else {
      open.push(item.id ?? null);
    }
  }
  return text;
}

export interface PdfTextFigures {
  /** Articles read back (one per page an article is on), and how many read as set. */
  readonly pdfArticles: number;
  readonly pdfArticlesMatching: number;
}

export async function auditPdfText(view: EditionView, pdf: Uint8Array): Promise<{ findings: Finding[]; figures: PdfTextFigures }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: give it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const findings: Finding[] = [];
  let pdfArticles = 0;
  let pdfArticlesMatching = 0;
  try {
    // The PDF has one Art per article, in order of its first mark in the edition.
    const order: string[] = [];
    for (const page of view.pages) {
      for (const e of page.page.elements) {
        const id = e.tag.article;
        if (id !== PAGE && !order.includes(id) && (e.kind === 'image' || e.items.length > 0)) order.push(id);
      }
    }
    for (const [index, page] of view.pages.entries()) {
      const expected = new Map<string, string>();
      for (const line of page.lines) {
        const id = line.placed.tag.article;
        if (id !== PAGE) expected.set(id, (expected.get(id) ?? '') + line.text);
      }
      for (const e of page.page.elements) if (e.kind === 'image' && !expected.has(e.tag.article)) expected.set(e.tag.article, '');
      const ids = order.filter((id) => expected.has(id));
      const pdfPage = await doc.getPage(index + 1);
      const tree = (await pdfPage.getStructTree()) as StructNode | null;
      const content = textByContent((await pdfPage.getTextContent({ includeMarkedContent: true })).items as ContentItem[]);
      const arts = tree ? articlesOf(tree) : [];
      if (arts.length !== ids.length) {
        findings.push(finding(view, page, 'pdf-text', 'error', { article: PAGE }, `the PDF's page ${page.page.number} is tagged with ${arts.length} articles, the layout has ${ids.length}`, 'report it: the PDF writer lost or split an article'));
      }
      ids.forEach((id, k) => {
        pdfArticles++;
        const read = arts[k] ? leafIds(arts[k]).map((leaf) => content.get(leaf) ?? '').join('') : '';
        const difference = textDifference(expected.get(id) ?? '', read);
        if (!difference) {
          pdfArticlesMatching++;
          return;
        }
        findings.push(finding(view, page, 'pdf-text', 'error', { article: id }, `article "${id}" read back from the PDF: ${difference.message}`, 'report it: the PDF must give back the text it shows (fonts, ToUnicode, tagging)'));
      });
      pdfPage.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { findings, figures: { pdfArticles, pdfArticlesMatching } };
}
