/**
 * PNG graphics for the PDF. pdfkit embeds an opaque, non-interlaced PNG synchronously (its
 * IDAT data as a FlateDecode stream), but a PNG with an alpha channel, transparency or
 * interlacing it decodes asynchronously, and the image's object is then written whenever the
 * inflate finishes: the file's object order, and so its bytes, could differ from run to run.
 * Such a PNG is decoded here, synchronously, flattened onto white paper (print has no
 * transparency: newsprint is the background), and re-encoded as an opaque RGB PNG.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { PNG } from 'pngjs';

/** The eight bytes every PNG file starts with (ISO/IEC 15948 §5.2). */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether the file is a PNG (by its signature, whatever its name). */
export function isPng(path: string): boolean {
  const head = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(PNG_SIGNATURE);
}

/** What pdfkit embeds without decoding: a plain PNG of colour type 0, 2 or 3 without tRNS, not interlaced. */
function embedsDirectly(png: Buffer): boolean {
  // IHDR is the first chunk (ISO/IEC 15948 §11.2.2): colour type at byte 25, interlace at 28.
  const colourType = png[25];
  const interlaced = png[28] === 1;
  const hasAlpha = colourType === 4 || colourType === 6;
  return !hasAlpha && !interlaced && !png.includes(Buffer.from('tRNS', 'latin1'));
}

/** The PNG's bytes as pdfkit should get them: as they are, or flattened onto white. */
export function printablePng(path: string): Buffer {
  const bytes = readFileSync(path);
  if (embedsDirectly(bytes)) return bytes;
  const decoded = PNG.sync.read(bytes);
  const out = new PNG({ width: decoded.width, height: decoded.height, colorType: 2, inputHasAlpha: true });
  const { data } = decoded; // RGBA, 8 bits a channel after decoding
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3] / 255;
    for (let c = 0; c < 3; c++) out.data[i + c] = Math.round(data[i + c] * alpha + 255 * (1 - alpha));
    out.data[i + 3] = 255;
  }
  return PNG.sync.write(out, { colorType: 2, inputHasAlpha: true });
}
