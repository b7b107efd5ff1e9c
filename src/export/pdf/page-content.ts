/**
 * A page's content stream written as bytes while the page is drawn, and handed to pdfkit once,
 * when the page ends. pdfkit turns every operator string it is given into a byte array of its
 * own (a JavaScript loop over its characters) and joins them all when it writes the page; the
 * glyph runs (glyph-run.ts), which are most of a page, are written here directly, as bytes,
 * without making their text first. Each piece pdfkit is given is followed by a newline, as
 * pdfkit writes them.
 *
 * Consecutive glyph runs share one text object (`q`, the un-flip `cm`, `BT` … `ET`, `Q`): a run
 * leaves it open (`openText`), the next sets only the colour, font or size that differ and its
 * own text matrix, and anything else written to the page (pdfkit's operators, marked content,
 * the page's end) closes it first. A page of body text is a run a line: its 10,000 lines' text
 * objects of their own were a third of its content.
 */
import { deflateSync, type ZlibOptions } from 'node:zlib';
import type PDFDocument from 'pdfkit';

type Doc = typeof PDFDocument;

/** The part of pdfkit's PDFReference (a page's `content`) that is taken over here. */
interface ContentReference {
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
  /** Whether pdfkit deflates the stream when it ends (the document's `compress`); its chunks so far. */
  compress: boolean;
  buffer: Uint8Array[];
}

/**
 * How a page's content is deflated: zlib's level 5 with its largest hash table (memLevel 9),
 * where pdfkit deflates at zlib's defaults (level 6, memLevel 8). Measured on the 20-page bench
 * edition's content streams (2.1 MB, best of 10 in one process): level 6 46.6 ms for 860,442
 * bytes; memLevel 9 43.6 ms, 859,624 bytes; level 5 with it 37.0 ms, 864,260 bytes (0.4% more);
 * level 4 29.8 ms but 3% more. Content is mostly the same few operators and hex glyph ids, where
 * level 6's longer search for a match finds little more.
 */
export const PAGE_DEFLATE: ZlibOptions = { level: 5, memLevel: 9 };

/**
 * A horizontal text object left open by a glyph run (glyph-run.ts), and its state as last set
 * in it: a colour (its operator), the font (resource name) and size, and whether it overprints.
 */
export interface OpenText {
  colour: string;
  font: string;
  size: number;
  readonly overprint: boolean;
}

/** Bytes a document's content buffer starts with: the sample's A3 page of body text is 94 KB. */
const INITIAL_BYTES = 1 << 17;
const NEWLINE = 0x0a;

/** The content of the page being drawn, as bytes. One per document: its pages are drawn one after another. */
export class ContentBytes {
  private bytes = Buffer.alloc(INITIAL_BYTES);
  private length = 0;
  /** The text object the last glyph run left open, if nothing was written since. */
  openText: OpenText | undefined;

  /** Close the open text object, if any, and its graphics state: `ET`, `Q`. */
  closeText(): void {
    if (!this.openText) return;
    this.line('ET');
    this.line('Q');
    this.openText = undefined;
  }

  /**
   * `text` in Latin-1: each UTF-16 unit's low byte, as pdfkit converts an operator (its
   * `fromBinaryString`). Operators are ASCII but for names and strings escaped before.
   */
  text(text: string): void {
    const count = text.length;
    if (this.length + count > this.bytes.length) this.grow(count);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < count; i++) bytes[at++] = text.charCodeAt(i) & 0xff;
    this.length = at;
  }

  /** One byte (an ASCII character's code). */
  byte(code: number): void {
    if (this.length === this.bytes.length) this.grow(1);
    this.bytes[this.length++] = code;
  }

  /** `text` and the newline pdfkit ends each piece with. */
  line(text: string): void {
    this.text(text);
    this.byte(NEWLINE);
  }

  /** Whether nothing is written since the last `take`. */
  get empty(): boolean {
    return this.length === 0;
  }

  /** The bytes written since the last `take`, a buffer of their own; the next are written from the start again. */
  take(): Buffer {
    const taken = Buffer.from(this.bytes.subarray(0, this.length));
    this.length = 0;
    return taken;
  }

  /**
   * The bytes written since the last `take`, in place, not copied: they stay as they are only
   * until the next write; the next are written from the start again.
   */
  takeInPlace(): Buffer {
    const taken = this.bytes.subarray(0, this.length);
    this.length = 0;
    return taken;
  }

  /** The bytes written since the last `take`, as text (Latin-1); the next are written from the start again. */
  takeText(): string {
    const text = this.bytes.toString('latin1', 0, this.length);
    this.length = 0;
    return text;
  }

  private grow(needed: number): void {
    let size = this.bytes.length * 2;
    while (size < this.length + needed) size *= 2;
    const bytes = Buffer.alloc(size);
    this.bytes.copy(bytes, 0, 0, this.length);
    this.bytes = bytes;
  }
}

/**
 * Collect the current page's content in `content` until the page is written (pdfkit's
 * `page.end`): what pdfkit writes to the page (its operators, marked content) goes there too,
 * in the order written, after the open text object is closed.
 */
export function collectPageContent(doc: Doc, content: ContentBytes): void {
  const reference = (doc.page as unknown as { content: ContentReference }).content;
  const write = reference.write.bind(reference);
  const end = reference.end.bind(reference);
  const flush = (): void => {
    if (!content.empty) write(content.take());
  };
  reference.write = (chunk: unknown): void => {
    content.closeText();
    if (chunk instanceof Uint8Array) {
      flush();
      write(chunk);
    } else content.line(String(chunk));
  };
  reference.end = (chunk?: unknown): void => {
    if (chunk) reference.write(chunk);
    content.closeText();
    if (!reference.compress) flush();
    else {
      // Deflated here (PAGE_DEFLATE), the content read in place (deflating copies it before
      // anything is written to it again); pdfkit is given the deflated bytes as a deflated
      // stream's, and writes them as they are.
      if (!content.empty) write(content.takeInPlace());
      if (reference.buffer.length > 0) reference.buffer = [deflateSync(Buffer.concat(reference.buffer), PAGE_DEFLATE)];
      reference.compress = false;
    }
    end();
  };
}
