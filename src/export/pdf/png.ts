/**
 * PNG graphics for the PDF, read here rather than by pdfkit: pdfkit copies a PNG's IDAT data
 * into a JavaScript array a byte at a time (some 35 bytes of memory per byte of file: 2 GB for
 * a 60 MB PNG), and decodes one with alpha, transparency or interlacing asynchronously, so the
 * image's object is written whenever the inflate finishes and the file's bytes could differ
 * from run to run. An opaque, non-interlaced PNG goes into the PDF as its own zlib data with
 * PNG predictors (PDF 32000-1 §7.4.4.4), as pdfkit would put it; any other is flattened onto
 * white paper (png-flatten.ts: print has no transparency) and deflated again.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { constants, deflateSync, inflateSync } from 'node:zlib';
import { CHUNK_OVERHEAD, chunkType, pixelDataBytes, readPngHeader, readUint32, SIGNATURE_BYTES } from '../../parse/png-header.js';
import { flattenPng, type Transparency } from './png-flatten.js';

/** The eight bytes every PNG file starts with (ISO/IEC 15948 §5.2). */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const INDEXED = 3;
const GREY = 0;
const CHUNK_DATA_AT = 8;

/** What the PDF image XObject is made of. */
export interface PngPixels {
  readonly width: number;
  readonly height: number;
  readonly bitsPerComponent: number;
  /** Colour components a pixel: 1 (grey, or an index into `palette`) or 3 (RGB). */
  readonly colours: 1 | 3;
  /** An indexed-colour image's palette, RGB triples (PDF's Indexed colour space). */
  readonly palette?: Uint8Array;
  /** A zlib stream of PNG scanlines, each led by its filter type (the PNG predictors). */
  readonly data: Buffer;
}

/** Whether the file is a PNG (by its signature, whatever its name). */
export function isPng(path: string): boolean {
  const head = Buffer.alloc(PNG_SIGNATURE.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(PNG_SIGNATURE);
}

/** The chunks the image needs: IDAT joined, PLTE, tRNS (§11.2.3, §11.2.4, §11.3.2). */
function readChunks(bytes: Buffer): { idat: Buffer; palette?: Buffer; trns?: Buffer } {
  const idat: Buffer[] = [];
  let palette: Buffer | undefined;
  let trns: Buffer | undefined;
  for (let at = SIGNATURE_BYTES; at + CHUNK_OVERHEAD <= bytes.length; ) {
    const length = readUint32(bytes, at);
    const type = chunkType(bytes, at + 4);
    const data = bytes.subarray(at + CHUNK_DATA_AT, at + CHUNK_DATA_AT + length);
    if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IEND') break;
    at += CHUNK_OVERHEAD + length;
  }
  return { idat: idat.length === 1 ? idat[0] : Buffer.concat(idat), palette, trns };
}

/** §11.3.2.1 tRNS: a 16-bit grey or RGB key, or one alpha byte per palette entry. */
function transparency(colourType: number, trns: Buffer | undefined): Transparency {
  if (!trns) return {};
  if (colourType === INDEXED) return { paletteAlpha: trns };
  const channels = colourType === GREY ? 1 : 3;
  return { key: Array.from({ length: channels }, (_, c) => trns.readUInt16BE(2 * c)) };
}

/** The PNG as the PDF embeds it: as it is when opaque, else flattened onto white. */
export function printablePng(path: string): PngPixels {
  const bytes = readFileSync(path);
  const header = readPngHeader(bytes);
  const { idat, palette, trns } = readChunks(bytes);
  const { width, height, bitDepth, colourType } = header;
  const hasAlpha = colourType === 4 || colourType === 6;
  if (!hasAlpha && !trns && !header.interlaced) {
    return { width, height, bitsPerComponent: bitDepth, colours: colourType === 2 ? 3 : 1, ...(colourType === INDEXED ? { palette } : {}), data: idat };
  }
  // The parse check inflated this data to exactly this size: one buffer, no growth.
  const expected = pixelDataBytes(header);
  const raw = inflateSync(idat, { chunkSize: Math.max(expected + 1, constants.Z_MIN_CHUNK), maxOutputLength: expected });
  const flat = flattenPng(raw, header, palette, transparency(colourType, trns));
  return { width, height, bitsPerComponent: 8, colours: flat.channels, data: deflateSync(flat.rows) };
}
