/**
 * pdfkit writes the document info into the XMP packet (dc:title, dc:creator, pdf:Keywords…) by
 * pasting the strings into XML text unescaped, so a title such as `人民日报·时事&评论` or an
 * author with `<` makes the packet malformed and PDF/A or preflight tools reject the file.
 * The Info dictionary itself is a PDF string and needs no escaping; only the XMP copy does.
 */
import type PDFDocument from 'pdfkit';

type Doc = typeof PDFDocument;

/** Escapes text for an XML element's content (XML 1.0 §2.4). */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface MetadataInternals {
  info: Record<string, string | Date>;
  endMetadata: () => void;
}

/**
 * Makes `doc` write its XMP packet from XML-escaped copies of the info strings. pdfkit writes
 * the Info dictionary before the XMP (in `end()`), so the dictionary keeps the plain strings.
 */
export function escapeXmpInfo(doc: Doc): void {
  const internals = doc as unknown as MetadataInternals;
  const endMetadata = internals.endMetadata.bind(doc);
  internals.endMetadata = () => {
    const plain = internals.info;
    const escaped: Record<string, string | Date> = {};
    for (const [key, value] of Object.entries(plain)) escaped[key] = typeof value === 'string' ? xmlText(value) : value;
    internals.info = escaped;
    try {
      endMetadata();
    } finally {
      internals.info = plain;
    }
  };
}
