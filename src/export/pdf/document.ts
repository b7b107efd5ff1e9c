/**
 * The pdfkit document: options and metadata, pages with their bookmarks, and collecting the
 * output into one Buffer.
 */
import PDFDocument from 'pdfkit';
import type { RenderedPage } from '../../render/draw-op.js';

type Doc = typeof PDFDocument;

/** Document metadata for `writePdf`. */
export interface PdfMeta {
  /** Document title (Info /Title; shown in the viewer's title bar). */
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  /** BCP 47 language of the text, e.g. `zh-CN` (Catalog /Lang). */
  readonly language: string;
  /** Creation and modification date. Fixed by the caller so that output is reproducible. */
  readonly creationDate: Date;
  /** Compress content and font streams (default true; tests may turn it off to read them). */
  readonly compress?: boolean;
}

/** An open document and the promise of its bytes, which settles after `doc.end()`. */
export interface OpenDocument {
  readonly doc: Doc;
  readonly bytes: Promise<Buffer>;
}

/**
 * Opens a tagged PDF 1.7 document with no page yet.
 *
 * Reproducibility: pdfkit derives the trailer /ID from the info dictionary in its constructor,
 * so every date must be given here, not set afterwards. Nothing else in pdfkit's output
 * depends on time or randomness as long as the document is not encrypted and images are JPEG
 * (PNG decoding is asynchronous and may reorder objects).
 */
export function openDocument(meta: PdfMeta): OpenDocument {
  const info: Record<string, string | Date> = { Title: meta.title };
  // pdfkit hashes every info value for /ID and cannot take undefined ones.
  if (meta.author !== undefined) info.Author = meta.author;
  if (meta.subject !== undefined) info.Subject = meta.subject;
  Object.assign(info, {
    Creator: 'banmian',
    Producer: 'banmian',
    CreationDate: meta.creationDate,
    ModDate: meta.creationDate,
  });
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: meta.compress ?? true,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.language,
    displayTitle: true,
    info,
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** Starts a page of the given size (points, no margins) and adds its bookmark. */
export function openPage(doc: Doc, page: RenderedPage): void {
  if (!(page.width > 0 && page.height > 0)) {
    throw new Error(`page ${page.number} has size ${page.width} × ${page.height} pt`);
  }
  doc.addPage({ size: [page.width, page.height], margin: 0 });
  // `fit` (pdfkit ≥ 0.18, untyped): open the whole page. pdfkit's default XYZ destination
  // puts `left` at the page width, which scrolls the view to the right edge of the page.
  const options = { fit: true } as Parameters<Doc['outline']['addItem']>[1];
  doc.outline.addItem(page.label, options);
}
