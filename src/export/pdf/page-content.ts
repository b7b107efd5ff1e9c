/**
 * A page's content stream kept as text while the page is drawn, and handed to pdfkit once, as
 * bytes, when the page ends. pdfkit turns every operator string it is given into a byte array
 * of its own (a JavaScript loop over its characters) and joins them all when it writes the
 * page: a 20-page edition makes some 100,000 small arrays for nothing. The stream is the same,
 * byte for byte: each piece followed by a newline, as pdfkit writes them.
 */
import type PDFDocument from 'pdfkit';

type Doc = typeof PDFDocument;

/** The part of pdfkit's PDFReference (a page's `content`) that is taken over here. */
interface ContentReference {
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
}

/** Collect the current page's content as text until the page is written (pdfkit's `page.end`). */
export function collectPageContent(doc: Doc): void {
  const content = (doc.page as unknown as { content: ContentReference }).content;
  const write = content.write.bind(content);
  const end = content.end.bind(content);
  const pieces: string[] = [];
  const flush = (): void => {
    if (pieces.length === 0) return;
    // Latin-1: one byte a character, its low byte, as pdfkit's own conversion gives.
    write(Buffer.from(`${pieces.join('\n')}\n`, 'latin1'));
    pieces.length = 0;
  };
  content.write = (chunk: unknown): void => {
    if (chunk instanceof Uint8Array) {
      flush();
      write(chunk);
    } else pieces.push(String(chunk));
  };
  content.end = (chunk?: unknown): void => {
    if (chunk) content.write(chunk);
    flush();
    end();
  };
}
