/**
 * A PNG's header chunk (ISO/IEC 15948 §11.2.2 IHDR), read and checked from the file's first 33
 * bytes, and the size its pixel data must have once inflated (§7.2 scanlines, §8.2 Adam7).
 */
import { crc32 } from 'node:zlib';
import { corrupt, cut, unsupported } from './image-fault.js';

/** §5.2 signature, then §5.3 chunk layout: length, type, data, CRC. */
export const SIGNATURE_BYTES = 8;
export const CHUNK_OVERHEAD = 12;
const IHDR_LENGTH = 13;
/** §5.3: a chunk length is at most 2^31 − 1; §11.2.2: so are width and height. */
export const MAX_PNG_UINT = 0x7fffffff;

/** §11.2.2 Table 11.1: greyscale, truecolour, indexed, greyscale with alpha, truecolour with alpha. */
export type ColourType = 0 | 2 | 3 | 4 | 6;

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: ColourType;
  readonly interlaced: boolean;
}

/** §11.2.2 Table 11.1: the bit depths each colour type allows, and its channels a pixel. */
const FORMS: Record<ColourType, { readonly depths: readonly number[]; readonly channels: number; readonly name: string }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1, name: 'greyscale' },
  2: { depths: [8, 16], channels: 3, name: 'RGB' },
  3: { depths: [1, 2, 4, 8], channels: 1, name: 'indexed-colour' },
  4: { depths: [8, 16], channels: 2, name: 'greyscale with alpha' },
  6: { depths: [8, 16], channels: 4, name: 'RGBA' },
};

/** §5.3 chunk type, four ASCII letters. */
export function chunkType(bytes: Uint8Array, at: number): string {
  return Buffer.from(bytes.subarray(at, at + 4)).toString('latin1');
}

export function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

/** Whether the chunk at `at` (length `length`) carries the CRC of its type and data (§5.3). */
export function crcMatches(bytes: Uint8Array, at: number, length: number): boolean {
  const TYPE_AT = 4;
  const DATA_AT = 8;
  return crc32(bytes.subarray(at + TYPE_AT, at + DATA_AT + length)) === readUint32(bytes, at + DATA_AT + length);
}

/** The IHDR chunk, which must come first (§5.6); nothing after it is read. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const at = SIGNATURE_BYTES;
  if (bytes.length < at + CHUNK_OVERHEAD + IHDR_LENGTH) throw cut(`the file ends at byte ${bytes.length}, inside its header (IHDR)`);
  const type = chunkType(bytes, at + 4);
  if (type === 'CgBI') {
    throw unsupported('is an Apple-optimised PNG (CgBI), which other programs cannot read', 'export it again as a standard PNG (from an image editor, or from the Mac or PC rather than the iPhone build), and point to that file');
  }
  if (type !== 'IHDR' || readUint32(bytes, at) !== IHDR_LENGTH) throw corrupt('it does not start with a PNG header chunk (IHDR)');
  if (!crcMatches(bytes, at, IHDR_LENGTH)) throw corrupt('its header chunk (IHDR) fails its CRC check');
  const d = at + 8;
  const width = readUint32(bytes, d);
  const height = readUint32(bytes, d + 4);
  const bitDepth = bytes[d + 8];
  const colourType = bytes[d + 9];
  const form = FORMS[colourType as ColourType];
  if (width === 0 || height === 0 || width > MAX_PNG_UINT || height > MAX_PNG_UINT) throw corrupt(`its header gives an impossible size of ${width} × ${height} pixels`);
  if (!form || !form.depths.includes(bitDepth)) throw corrupt(`its header gives an impossible colour type ${colourType} with ${bitDepth} bits`);
  // Compression method 0, filter method 0 (§10.1, §9.1); interlace method 0 or 1 (§8.1).
  if (bytes[d + 10] !== 0 || bytes[d + 11] !== 0 || bytes[d + 12] > 1) throw corrupt('its header names a compression, filter or interlace method that PNG does not have');
  return { width, height, bitDepth, colourType: colourType as ColourType, interlaced: bytes[d + 12] === 1 };
}

/** "8-bit RGBA" and the like, for messages. */
/** §6.1 samples per pixel of a colour type. */
export function channelsOf(colourType: ColourType): number {
  return FORMS[colourType].channels;
}

export function pngForm(header: PngHeader): string {
  return `${header.bitDepth}-bit ${FORMS[header.colourType].name}`;
}

/** §8.2 Adam7: the seven passes' first column and row, and their steps. */
export const ADAM7: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The scanlines of the pixel data in order: each a filter-type byte, then `bytes` of pixels (§7.2, §9.2). */
export function scanlines(header: PngHeader): { readonly rows: number; readonly bytes: number }[] {
  const bitsPerPixel = FORMS[header.colourType].channels * header.bitDepth;
  const rowBytes = (pixels: number): number => Math.ceil((pixels * bitsPerPixel) / 8);
  if (!header.interlaced) return [{ rows: header.height, bytes: rowBytes(header.width) }];
  return ADAM7.flatMap(([x0, y0, dx, dy]) => {
    const columns = Math.ceil(Math.max(0, header.width - x0) / dx);
    const rows = Math.ceil(Math.max(0, header.height - y0) / dy);
    // An empty pass has no scanlines at all, not even filter bytes (§8.2).
    return columns === 0 || rows === 0 ? [] : [{ rows, bytes: rowBytes(columns) }];
  });
}

/** Bytes of the pixel data once inflated: every scanline with its filter byte. */
export function pixelDataBytes(header: PngHeader): number {
  return scanlines(header).reduce((sum, pass) => sum + pass.rows * (1 + pass.bytes), 0);
}
