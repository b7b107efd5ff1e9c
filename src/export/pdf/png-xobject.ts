/**
 * A PNG's pixels (png.ts) as an image pdfkit can draw: the object pdfkit keeps in its image
 * registry, with the label, size and `embed` its `image()` calls, writing the image XObject
 * (PDF 32000-1 §8.9.5) synchronously: FlateDecode with PNG predictors (§7.4.4.4, Predictor 15),
 * DeviceGray, DeviceRGB or Indexed over DeviceRGB (§8.6.6.3).
 */
import type PDFDocument from 'pdfkit';
import type { PngPixels } from './png.js';

type Doc = typeof PDFDocument;

interface Ref {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array): void;
}

interface DocInternals {
  _imageCount: number;
  ref(data?: Record<string, unknown>): Ref;
}

/** PDF 32000-1 Table 8 (§7.4.4.4): PNG prediction, the predictor chosen per row by its filter byte. */
const PNG_PREDICTORS = 15;

export interface PdfImage {
  readonly label: string;
  readonly width: number;
  readonly height: number;
  obj: Ref | null;
  embed(doc: Doc): void;
}

/** The pdfkit image for `png`, labelled as pdfkit labels its own (`I1`, `I2`…). */
export function pngImage(doc: Doc, png: PngPixels): PdfImage {
  const internals = doc as unknown as DocInternals;
  const image: PdfImage = {
    label: `I${++internals._imageCount}`,
    width: png.width,
    height: png.height,
    obj: null,
    embed(target: Doc): void {
      if (image.obj) return;
      const pdf = target as unknown as DocInternals;
      const obj = pdf.ref({
        Type: 'XObject',
        Subtype: 'Image',
        BitsPerComponent: png.bitsPerComponent,
        Width: png.width,
        Height: png.height,
        Filter: 'FlateDecode',
      });
      const params = pdf.ref({ Predictor: PNG_PREDICTORS, Colors: png.colours, BitsPerComponent: png.bitsPerComponent, Columns: png.width });
      obj.data.DecodeParms = params;
      params.end();
      if (png.palette) {
        const BYTES_PER_ENTRY = 3;
        const palette = pdf.ref();
        palette.end(png.palette);
        obj.data.ColorSpace = ['Indexed', 'DeviceRGB', png.palette.length / BYTES_PER_ENTRY - 1, palette];
      } else {
        obj.data.ColorSpace = png.colours === 1 ? 'DeviceGray' : 'DeviceRGB';
      }
      obj.end(png.data);
      image.obj = obj;
    },
  };
  return image;
}
