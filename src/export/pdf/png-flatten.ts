/**
 * A PNG's pixels flattened onto white paper (print has no transparency: newsprint is the
 * background), as 8-bit greyscale or RGB scanlines each led by filter type 0, ready to deflate
 * into a PDF image. Decoded here row by row, in place: ISO/IEC 15948 §9.2 filters, §8.2 Adam7
 * passes, §7.2 samples of 1–16 bits, §11.3.2 tRNS. Memory: the inflated data, which the parse
 * check bounded, and the flat picture.
 */
import type { PngHeader } from '../../parse/png-header.js';
import { ADAM7, channelsOf, scanlines } from '../../parse/png-header.js';

/** One pass over the whole picture when it is not interlaced (Adam7's are in png-header.ts). */
const WHOLE = [[0, 0, 1, 1]] as const;

const OPAQUE = 255;
const MAX_8 = 255;

/** Transparency from tRNS: a grey or RGB colour key (§11.3.2.1), or an alpha per palette entry. */
export interface Transparency {
  readonly key?: readonly number[];
  readonly paletteAlpha?: Uint8Array;
}

/** The flat picture: `channels` 1 (grey) or 3 (RGB), rows of 1 + width × channels bytes. */
export interface FlatPixels {
  readonly channels: 1 | 3;
  readonly rows: Buffer;
}

/** §9.4 Paeth predictor. */
function paeth(a: number, b: number, c: number): number {
  // p − a = b − c, p − b = a − c, p − c = a + b − 2c.
  let pa = b - c;
  let pb = a - c;
  let pc = pa + pb;
  if (pa < 0) pa = -pa;
  if (pb < 0) pb = -pb;
  if (pc < 0) pc = -pc;
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undo the filter of the scanline at `at` (its filter byte there) in place; `prior` is the row above or -1. */
function unfilter(data: Buffer, at: number, prior: number, length: number, bpp: number): void {
  const type = data[at];
  const row = at + 1;
  const up = prior + 1;
  const hasPrior = prior >= 0;
  // §9.2 Table 9.1: None, Sub, Up, Average, Paeth; bytes before the first pixel and above the
  // first row count as 0. Uint8 arithmetic wraps modulo 256, as the filters are defined.
  if (type === 1) {
    for (let i = bpp; i < length; i++) data[row + i] += data[row + i - bpp];
  } else if (type === 2 && hasPrior) {
    for (let i = 0; i < length; i++) data[row + i] += data[up + i];
  } else if (type === 3) {
    for (let i = 0; i < length; i++) data[row + i] += ((i >= bpp ? data[row + i - bpp] : 0) + (hasPrior ? data[up + i] : 0)) >> 1;
  } else if (type === 4) {
    for (let i = 0; i < length; i++) {
      const a = i >= bpp ? data[row + i - bpp] : 0;
      const b = hasPrior ? data[up + i] : 0;
      const c = i >= bpp && hasPrior ? data[up + i - bpp] : 0;
      data[row + i] += paeth(a, b, c);
    }
  }
}

/** Flatten inflated pixel data (`data`, unfiltered in place) onto white. */
export function flattenPng(data: Buffer, header: PngHeader, palette: Uint8Array | undefined, transparency: Transparency): FlatPixels {
  const { width, height, bitDepth, colourType } = header;
  const inChannels = channelsOf(colourType);
  const bitsPerPixel = inChannels * bitDepth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const channels: 1 | 3 = colourType === 0 || colourType === 4 ? 1 : 3;
  const stride = 1 + width * channels;
  const rows = Buffer.alloc(stride * height); // filter bytes 0: None
  const maxSample = (1 << bitDepth) - 1;
  const sample = new Array<number>(inChannels);
  const passes = header.interlaced ? ADAM7 : WHOLE;
  const lines = scanlines(header);
  let at = 0;
  let lineIndex = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const columns = Math.ceil(Math.max(0, width - x0) / dx);
    const passRows = Math.ceil(Math.max(0, height - y0) / dy);
    if (columns === 0 || passRows === 0) continue;
    const length = lines[lineIndex++].bytes;
    let prior = -1;
    for (let r = 0; r < passRows; r++) {
      unfilter(data, at, prior, length, bpp);
      const row = at + 1;
      const outRow = (y0 + r * dy) * stride + 1;
      if (bitDepth === 8 && (colourType === 4 || colourType === 6)) {
        flattenAlphaRow(data, row, columns, inChannels, rows, outRow + x0 * channels, dx * channels);
      } else {
        for (let i = 0; i < columns; i++) {
          for (let c = 0; c < inChannels; c++) sample[c] = readSample(data, row, i * inChannels + c, bitDepth);
          writePixel(rows, outRow + (x0 + i * dx) * channels, sample, colourType, maxSample, palette, transparency);
        }
      }
      prior = at;
      at += 1 + length;
    }
  }
  return { channels, rows };
}

/** The common case, 8-bit samples with alpha last, without a sample array. */
function flattenAlphaRow(data: Buffer, row: number, columns: number, inChannels: number, out: Buffer, at: number, step: number): void {
  const colours = inChannels - 1;
  for (let i = 0, p = row, q = at; i < columns; i++, p += inChannels, q += step) {
    const alpha = data[p + colours];
    for (let c = 0; c < colours; c++) out[q + c] = blend(data[p + c], alpha);
  }
}

/** The n-th sample of a scanline, of `depth` bits, packed from the most significant bit (§7.2). */
function readSample(data: Buffer, row: number, n: number, depth: number): number {
  const BYTE = 8;
  if (depth === BYTE) return data[row + n];
  if (depth === 2 * BYTE) return (data[row + 2 * n] << BYTE) | data[row + 2 * n + 1];
  const bit = n * depth;
  const shift = BYTE - depth - (bit % BYTE);
  return (data[row + (bit >> 3)] >> shift) & ((1 << depth) - 1);
}

/** A sample of `maxSample` scaled to 0…255. */
function to8(v: number, maxSample: number): number {
  return maxSample === MAX_8 ? v : Math.round((v * MAX_8) / maxSample);
}

/** A value composited onto white at opacity `alpha`: v·α + 255·(1 − α). */
function blend(v: number, alpha: number): number {
  // floor((x + 127) / 255) is x / 255 rounded, for whole x ≥ 0.
  const HALF = 127;
  return alpha === OPAQUE ? v : ((v * alpha + MAX_8 * (OPAQUE - alpha) + HALF) / OPAQUE) | 0;
}

/** One pixel, composited onto white, written at `at`. */
function writePixel(out: Buffer, at: number, s: number[], colourType: number, maxSample: number, palette: Uint8Array | undefined, t: Transparency): void {
  if (colourType === 3) {
    const index = s[0];
    const alpha = t.paletteAlpha && index < t.paletteAlpha.length ? t.paletteAlpha[index] : OPAQUE;
    for (let c = 0; c < 3; c++) out[at + c] = blend(palette ? palette[3 * index + c] : 0, alpha);
    return;
  }
  const colours = colourType === 0 || colourType === 4 ? 1 : 3;
  let alpha = OPAQUE;
  if (colourType === 4 || colourType === 6) alpha = to8(s[colours], maxSample);
  else if (t.key && s.every((v, c) => v === t.key![c])) alpha = 0;
  for (let c = 0; c < colours; c++) out[at + c] = blend(to8(s[c], maxSample), alpha);
}
