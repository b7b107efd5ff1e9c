/**
 * Non-text marks: rules, filled rectangles and images, drawn with pdfkit's public vector and
 * image API in its top-down page coordinates (pdfkit flips y at page start), each inside its
 * own q/Q so colours and line widths never leak into the next mark.
 */
import type PDFDocument from 'pdfkit';
import type { DrawOp } from '../../render/draw-op.js';
import { colourOperator, type ColourMode } from './colour.js';
import { isPng, printablePng } from './png.js';
import { pngImage } from './png-xobject.js';

type Doc = typeof PDFDocument;

/** A straight stroked line of the given width (butt caps: the ends are where the op says). */
export function drawRule(doc: Doc, op: Extract<DrawOp, { op: 'rule' }>, mode: ColourMode): void {
  doc.save();
  doc.addContent(colourOperator(op.colour, true, mode));
  doc.lineWidth(op.width);
  doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke();
  doc.restore();
}

/** A filled rectangle. */
export function drawFill(doc: Doc, op: Extract<DrawOp, { op: 'fill' }>, mode: ColourMode): void {
  doc.save();
  doc.addContent(colourOperator(op.colour, false, mode));
  doc.rect(op.x, op.y, op.width, op.height).fill();
  doc.restore();
}

/** A filled circle (an emphasis dot). */
export function drawDot(doc: Doc, op: Extract<DrawOp, { op: 'dot' }>, mode: ColourMode): void {
  doc.save();
  doc.addContent(colourOperator(op.colour, false, mode));
  doc.circle(op.cx, op.cy, op.r).fill();
  doc.restore();
}

/**
 * A JPEG or PNG scaled into the op's rectangle. pdfkit keeps an image registry keyed by path,
 * so a file drawn several times is read and embedded once (an XObject: a JPEG's DCT data passed
 * through at the file's own resolution, honouring its EXIF orientation; a PNG's pixels as
 * FlateDecode, flattened first if it has transparency, see png.ts and png-xobject.ts).
 */
export function drawImage(doc: Doc, op: Extract<DrawOp, { op: 'image' }>): void {
  const src = imageSource(doc, op.src);
  if (op.fit === 'cover') {
    // Scaled to cover the rectangle, centred, and clipped to it: the layout cropped the photo.
    doc.save();
    doc.rect(op.x, op.y, op.width, op.height).clip();
    doc.image(src, op.x, op.y, { cover: [op.width, op.height], align: 'center', valign: 'center' });
    doc.restore();
    return;
  }
  doc.image(src, op.x, op.y, { width: op.width, height: op.height });
}

interface ImageRegistry {
  _imageRegistry: Record<string, unknown>;
}

/**
 * What to hand pdfkit for the file: its path. A JPEG pdfkit reads and registers itself; a PNG
 * is read here (png.ts) and registered under its path first as an image object of our own
 * (png-xobject.ts), so pdfkit finds that image instead of reading the file.
 */
function imageSource(doc: Doc, path: string): string {
  const registry = (doc as unknown as ImageRegistry)._imageRegistry;
  // Drawn before (a JPEG pdfkit read, or a PNG opened here): pdfkit finds it under its path.
  if (registry[path] || !isPng(path)) return path;
  registry[path] = pngImage(doc, printablePng(path));
  return path;
}
