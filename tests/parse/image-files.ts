/** Image files made byte by byte for the image checks: PNG chunks with their CRCs, noisy JPEGs. */
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC of type and data (ISO/IEC 15948 §5.3). */
export function pngChunk(type: string, data: Uint8Array = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** An IHDR chunk: 8-bit, of the colour type given (6 RGBA, 2 RGB, 0 grey), not interlaced. */
export function ihdr(width: number, height: number, colourType = 6, bitDepth = 8): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = bitDepth;
  data[9] = colourType;
  return pngChunk('IHDR', data);
}

/** Signature and chunks. */
export function png(...chunks: Buffer[]): Buffer {
  return Buffer.concat([PNG_SIGNATURE, ...chunks]);
}

/**
 * A PNG whose header declares `width` × `height` but whose IDAT holds one row of one pixel: the
 * 74-byte file of the bug report, which once made the build allocate gigabytes.
 */
export function hugeDeclaredPng(width: number, height: number, colourType: number): Buffer {
  return png(ihdr(width, height, colourType), pngChunk('IDAT', deflateSync(Buffer.alloc(5))), pngChunk('IEND'));
}

/** A grey 8-bit PNG of `width` × `height` with rows of filter type 0, and its raw scanlines. */
export function greyPng(width: number, height: number): { file: Buffer; raw: Buffer } {
  const raw = Buffer.alloc(height * (width + 1));
  for (let i = 0; i < raw.length; i++) raw[i] = i % (width + 1) === 0 ? 0 : (i * 37) & 0xff;
  return { file: png(ihdr(width, height, 0), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND')), raw };
}

/** A JPEG of noise (so its entropy-coded data is most of the file), from jpeg-js. */
export function noisyJpeg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let seed = 1;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    data[i] = i % 4 === 3 ? 255 : seed >> 23;
  }
  return jpeg.encode({ width, height, data }, 90).data;
}

/** Offset of the frame header (SOF0) in a jpeg-js file. */
export function sofAt(file: Buffer): number {
  return file.indexOf(Buffer.from([0xff, 0xc0]));
}
