/**
 * XML escaping and the XHTML document shell shared by chapters and the navigation document.
 * Everything the EPUB writes is XML, so every string from the model goes through here.
 */

/** Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escape text for element content; drops characters XML cannot carry at all. */
export function escapeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape text for a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** What an XHTML content document needs around its body. */
export interface XhtmlDocument {
  /** BCP 47 tag, written as both `lang` and `xml:lang` on the root (EPUB readers read one or the other). */
  readonly lang: string;
  /** Plain (unescaped) `<title>` text. */
  readonly title: string;
  /** Body markup, already escaped. */
  readonly body: string;
  /** Declare the `epub:` namespace (needed only where `epub:type` is used). */
  readonly epubNamespace?: boolean;
}

/** A complete XHTML5 content document linking `style.css` (which sits next to every document). */
export function xhtmlDocument(doc: XhtmlDocument): string {
  const ns = doc.epubNamespace ? ' xmlns:epub="http://www.idpf.org/2007/ops"' : '';
  const lang = escapeAttr(doc.lang);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE html>\n' +
    `<html xmlns="http://www.w3.org/1999/xhtml"${ns} lang="${lang}" xml:lang="${lang}">\n` +
    '<head>\n' +
    '<meta charset="UTF-8"/>\n' +
    `<title>${escapeText(doc.title)}</title>\n` +
    '<link rel="stylesheet" type="text/css" href="style.css"/>\n' +
    '</head>\n' +
    `<body>\n${doc.body}</body>\n` +
    '</html>\n'
  );
}
