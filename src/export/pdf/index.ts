/**
 * PDF exporter: RenderedPages → one tagged, reproducible PDF (the only module that imports
 * pdfkit). It draws exactly the DrawOps it is given and decides nothing about layout.
 */
import type { FontBook } from '../../fonts/types.js';
import type { DrawOp, RenderedPage } from '../../render/draw-op.js';
import { openDocument, openPage, type PdfMeta } from './document.js';
import { GlyphRunWriter } from './glyph-run.js';
import { ContentBytes } from './page-content.js';
import type { KnownFontPrograms } from './known-font-programs.js';
import { drawDot, drawFill, drawImage, drawRule } from './graphics.js';
import { StructureTree } from './tagging.js';

export type { PdfMeta } from './document.js';
export type { ColourMode } from './colour.js';

/**
 * Sets `pages` as a PDF: one page per RenderedPage at its size, a bookmark per page with one per
 * article under it, glyph runs as text with the given glyph ids and positions (fonts embedded as
 * subsets, text extractable), rules, fills and JPEG images, tagged per article and role. Text,
 * rules and dots are written in DeviceCMYK (grey as pure K) unless `meta.colour` is `rgb`.
 * The same input always gives the same bytes. Returns the file's bytes; writing them is the
 * caller's job. `programs`: the fonts' subsets earlier builds deflated, taken while their face
 * files are unchanged and added to (known-font-programs.ts); the bytes are the same without.
 */
export async function writePdf(pages: readonly RenderedPage[], fonts: FontBook, meta: PdfMeta, programs?: KnownFontPrograms): Promise<Buffer> {
  if (pages.length === 0) throw new Error('writePdf: no pages to write');
  const { doc, bytes } = openDocument(meta);
  const colour = meta.colour ?? 'cmyk';
  // The page's content as bytes: pdfkit's operators and the glyph runs written in one stream.
  const content = new ContentBytes();
  const glyphRuns = new GlyphRunWriter(doc, content, fonts, colour, programs);
  const structure = new StructureTree(doc);

  for (const page of pages) {
    openPage(doc, page, content);
    const ops = page.ops;
    for (let index = 0; index < ops.length; index++) {
      const op = ops[index];
      try {
        drawOp(op);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new Error(`PDF: page ${page.number} (${page.label}), mark ${index} (${op.op}): ${message}`, { cause: err });
      }
    }
    structure.endPage();
  }
  structure.end();
  doc.end();
  return bytes;

  function drawOp(op: DrawOp): void {
    switch (op.op) {
      case 'glyphs':
        return structure.text(op.tag, (ownSequence) => glyphRuns.write(op, ownSequence));
      case 'image':
        return structure.figure(op.tag, op.alt, op, () => drawImage(doc, op));
      case 'rule':
        return structure.artifact('Layout', () => drawRule(doc, op, colour));
      case 'fill':
        return structure.artifact('Layout', () => drawFill(doc, op, colour));
      case 'dot':
        return structure.artifact('Layout', () => drawDot(doc, op, colour));
    }
  }
}
