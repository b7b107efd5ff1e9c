/**
 * Tagged-PDF structure for the marks we draw, through pdfkit's public structure API
 * (`doc.struct`, `doc.addStructure`, `doc.markStructureContent`, `doc.markContent`).
 *
 * Tree: `Document` → one `Art` per article (in order of first appearance, spanning pages) →
 * one element per role group. A role group is a run of consecutive marks of the article with
 * the same role (`H1`, `P`, `Caption`, …); a new group starts when the article's role changes,
 * so the tree keeps reading order. Each image is its own element (it carries its own `Alt`).
 * Marks of the `page` article (running head, folio) and decoration (rules, fills) are
 * `Artifact`s, as PDF/UA wants for page furniture.
 *
 * MarkTag carries no paragraph id, so consecutive paragraphs of one article share one `P`
 * element; splitting them needs a paragraph id in MarkTag.
 */
import type PDFDocument from 'pdfkit';
import type { MarkTag } from '../../render/draw-op.js';

type Doc = typeof PDFDocument;
type StructElement = ReturnType<Doc['struct']>;

/** What DrawOps give as the article of page furniture (compose's PAGE: never an article id). */
const PAGE_FURNITURE = '#page';

/** A structure type / marked-content tag is written as a PDF name unescaped by pdfkit. */
const ROLE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

interface Article {
  readonly element: StructElement;
  group?: { readonly role: string; readonly element: StructElement };
}

/** Options pdfkit 0.19+ accepts for structure elements beyond its typings (Layout attributes). */
interface FigureOptions {
  alt?: string;
  /** [left, top, right, bottom] in pdfkit's top-down page coordinates. */
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

export class StructureTree {
  private readonly root: StructElement;
  private readonly articles = new Map<string, Article>();

  constructor(private readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /** Draws a text mark as marked content of its article's current role group. */
  text(tag: MarkTag, draw: () => void): void {
    if (tag.article === PAGE_FURNITURE) return this.artifact('Pagination', draw);
    const role = checkRole(tag.role);
    const article = this.article(tag.article);
    if (article.group?.role !== role) {
      article.group?.element.end();
      const element = this.doc.struct(role);
      article.element.add(element);
      article.group = { role, element };
    }
    this.mark(article.group.element, role, draw);
  }

  /** Draws an image as its own element of its article, with its alt text and box. */
  figure(tag: MarkTag, alt: string, box: { x: number; y: number; width: number; height: number }, draw: () => void): void {
    if (tag.article === PAGE_FURNITURE) return this.artifact('Pagination', draw);
    const role = checkRole(tag.role);
    const article = this.article(tag.article);
    article.group?.element.end();
    article.group = undefined;
    const options: FigureOptions = {
      bbox: [box.x, box.y, box.x + box.width, box.y + box.height],
      placement: 'Block',
    };
    if (alt) options.alt = alt;
    const element = this.doc.struct(role, options as Parameters<Doc['struct']>[1]);
    article.element.add(element);
    this.mark(element, role, draw);
    element.end();
  }

  /** Draws marks that are not content (decoration, page furniture) as an Artifact. */
  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Closes every element; call once, after the last page and before `doc.end()`. */
  end(): void {
    this.root.end();
  }

  private mark(element: StructElement, role: string, draw: () => void): void {
    const content = this.doc.markStructureContent(role);
    draw();
    this.doc.endMarkedContent();
    element.add(content);
  }

  private article(id: string): Article {
    let article = this.articles.get(id);
    if (!article) {
      article = { element: this.doc.struct('Art') };
      this.root.add(article.element);
      this.articles.set(id, article);
    }
    return article;
  }
}

function checkRole(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`structure role "${role}" is not a plain name (letters and digits)`);
  return role;
}
