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
 *
 * Consecutive text marks of one role group on a page are one marked-content sequence (one
 * MCID), as a paragraph's lines are in a tagged PDF from LaTeX or InDesign, not one sequence a
 * line: the group's text reads the same, and the PDF holds a fraction of the `BDC`/`EMC` pairs,
 * MCIDs and parent-tree entries (the 20-page bench edition: 10,360 lines, its file 12% smaller).
 * A sequence is closed before anything else is drawn (an image, a rule, page furniture), before
 * another group's mark and at the end of the page (`endPage`): marked content never spans pages.
 * A mark that carries its text in an `/ActualText` span of its own (a letter-spaced run, a
 * vertical column: glyph-run.ts) asks for a sequence of its own: poppler's structure reader
 * drops the text of an ActualText span that follows another in one sequence.
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
  /** The role group whose marked-content sequence is open on the current page, if any. */
  private open: StructElement | undefined;
  /** Marks drawn in the open sequence. */
  private marks = 0;

  constructor(private readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /**
   * Draws a text mark as marked content of its article's current role group: in the group's open
   * sequence, or in one of its own when `draw` asks for it (`ownSequence`, before drawing anything).
   */
  text(tag: MarkTag, draw: (ownSequence: () => void) => void): void {
    // An artifact is a sequence of its own already.
    if (tag.article === PAGE_FURNITURE) return this.artifact('Pagination', () => draw(() => undefined));
    const role = checkRole(tag.role);
    const article = this.article(tag.article);
    if (article.group?.role !== role) {
      article.group?.element.end();
      const element = this.doc.struct(role);
      article.element.add(element);
      article.group = { role, element };
    }
    const group = article.group.element;
    if (this.open !== group) this.openSequence(group, role);
    let own = false;
    draw(() => {
      if (this.marks > 0) this.openSequence(group, role);
      own = true;
    });
    this.marks++;
    if (own) this.closeSequence();
  }

  /** Draws an image as its own element of its article, with its alt text and box. */
  figure(tag: MarkTag, alt: string, box: { x: number; y: number; width: number; height: number }, draw: () => void): void {
    if (tag.article === PAGE_FURNITURE) return this.artifact('Pagination', draw);
    this.closeSequence();
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
    this.closeSequence();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Call when a page's marks are drawn: a marked-content sequence never spans pages. */
  endPage(): void {
    this.closeSequence();
  }

  /** Closes every element; call once, after the last page and before `doc.end()`. */
  end(): void {
    this.closeSequence();
    this.root.end();
  }

  /** Closes the open marked-content sequence, if any. */
  private closeSequence(): void {
    if (this.open === undefined) return;
    this.doc.endMarkedContent();
    this.open = undefined;
  }

  /** Closes the open sequence, if any, and opens one in `group`. */
  private openSequence(group: StructElement, role: string): void {
    this.closeSequence();
    group.add(this.doc.markStructureContent(role));
    this.open = group;
    this.marks = 0;
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
