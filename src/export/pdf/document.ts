/**
 * The pdfkit document: options and metadata, pages with their bookmarks, and collecting the
 * output into one Buffer.
 */
import PDFDocument from 'pdfkit';
import type { RenderedPage } from '../../render/draw-op.js';
import type { ColourMode } from './colour.js';
import { addOutputIntent, type PdfOutputIntent } from './output-intent.js';
import { collectPageContent, type ContentBytes } from './page-content.js';
import { escapeXmpInfo } from './xmp.js';

type Doc = typeof PDFDocument;

/** Document metadata for `writePdf`. */
export interface PdfMeta {
  /** Document title (Info /Title; shown in the viewer's title bar). */
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  /** Info /Keywords (and XMP pdf:Keywords), e.g. the section names: `党建, 要闻`. */
  readonly keywords?: string;
  /** BCP 47 language of the text, e.g. `zh-CN` (Catalog /Lang). */
  readonly language: string;
  /** Creation and modification date. Fixed by the caller so that output is reproducible. */
  readonly creationDate: Date;
  /** Compress content and font streams (default true; tests may turn it off to read them). */
  readonly compress?: boolean;
  /**
   * Colour space of text, rules, fills and dots (see ColourMode): `cmyk` (default, for print:
   * black is pure K) or `rgb` (for screen: DeviceGray / DeviceRGB). Images are embedded as they are.
   */
  readonly colour?: ColourMode;
  /** The printing condition, written as the catalog's output intent (print PDFs only). */
  readonly outputIntent?: PdfOutputIntent;
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
  if (meta.keywords !== undefined && meta.keywords !== '') info.Keywords = meta.keywords;
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
    // No default font: pdfkit would parse Helvetica's metrics for a document that never shows
    // it (every run names its own face: glyph-run.ts). pdfkit 0.20 loads one only when `font`
    // is not null.
    font: null as unknown as string,
  });
  escapeXmpInfo(doc);
  if (meta.outputIntent) addOutputIntent(doc, meta.outputIntent);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/**
 * Starts a page of the given size (points, no margins) and adds its bookmarks: one for the page
 * (its label, `第11版 党建`), open, with one child per article on the page in reading order
 * (its headline; a continuation's ends in （续）). Every bookmark opens the whole page.
 */
export function openPage(doc: Doc, page: RenderedPage, content: ContentBytes): void {
  if (!(page.width > 0 && page.height > 0)) {
    throw new Error(`page ${page.number} has size ${page.width} × ${page.height} pt`);
  }
  doc.addPage({ size: [page.width, page.height], margin: 0 });
  collectPageContent(doc, content);
  if (page.boxes) setPrintBoxes(doc, page);
  // `fit` (pdfkit ≥ 0.18, untyped): open the whole page. pdfkit's default XYZ destination
  // puts `left` at the page width, which scrolls the view to the right edge of the page.
  // `expanded`: the page's entry shows its articles (a positive /Count).
  // pdfkit points a new item at the current page, so children must be added here, while it is.
  const pageItem = doc.outline.addItem(page.label, { fit: true, expanded: page.outline.length > 0 } as OutlineOptions);
  for (const entry of page.outline) {
    const title = entry.title.replace(/\s+/g, ' ').trim();
    if (title) pageItem.addItem(title, { fit: true } as OutlineOptions);
  }
}

type OutlineOptions = Parameters<Doc['outline']['addItem']>[1];

/**
 * /TrimBox and /BleedBox of a sheet larger than the trimmed page (bleed, crop marks), so that
 * imposition software and preflight know where the page is cut. RenderedPage boxes are
 * top-down; PDF boxes are [left bottom right top] from the bottom-left corner. (The page
 * dictionary is pdfkit's `doc.page.dictionary`, a reference whose `data` it writes at the end.)
 */
function setPrintBoxes(doc: Doc, page: RenderedPage): void {
  const boxes = page.boxes!;
  const pdfBox = (b: { x: number; y: number; width: number; height: number }): number[] => {
    if (!(b.width > 0 && b.height > 0 && b.x >= 0 && b.y >= 0 && b.x + b.width <= page.width + 1e-6 && b.y + b.height <= page.height + 1e-6)) {
      throw new Error(`page ${page.number}: box ${JSON.stringify(b)} is not inside the ${page.width} × ${page.height} pt sheet`);
    }
    return [b.x, page.height - (b.y + b.height), b.x + b.width, page.height - b.y];
  };
  const dictionary = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary;
  dictionary.data.TrimBox = pdfBox(boxes.trim);
  dictionary.data.BleedBox = pdfBox(boxes.bleed);
}
