/**
 * PNGs of every form, encoded here byte by byte (ISO/IEC 15948): any colour type and bit
 * depth, Adam7 interlacing, PLTE and tRNS, and each scanline filtered with a different filter
 * type (row r with type r mod 5), so a decoder's unfiltering is exercised whole.
 */
import { deflateSync } from 'node:zlib';
import { ihdr, png, pngChunk } from '../../parse/image-files.js';

export interface PngForm {
  readonly width: number;
  readonly height: number;
  readonly colourType: 0 | 2 | 3 | 4 | 6;
  readonly bitDepth: 1 | 2 | 4 | 8 | 16;
  readonly interlaced?: boolean;
  readonly palette?: readonly number[];
  readonly trns?: Uint8Array;
  /** The samples of pixel (x, y). */
  readonly pixel: (x: number, y: number) => readonly number[];
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Pack one row of samples at `depth` bits, most significant bit first. */
function packRow(samples: number[], depth: number): Buffer {
  const out = Buffer.alloc(Math.ceil((samples.length * depth) / 8));
  samples.forEach((v, i) => {
    if (depth === 16) out.writeUInt16BE(v, 2 * i);
    else if (depth === 8) out[i] = v;
    else out[(i * depth) >> 3] |= v << (8 - depth - ((i * depth) % 8));
  });
  return out;
}

export function encodePng(form: PngForm): Buffer {
  const channels = CHANNELS[form.colourType];
  const bpp = Math.max(1, (channels * form.bitDepth) >> 3);
  const passes = form.interlaced ? ADAM7 : [[0, 0, 1, 1]];
  const rows: Buffer[] = [];
  let n = 0;
  for (const [x0, y0, dx, dy] of passes) {
    let prior: Buffer | undefined;
    for (let y = y0; y < form.height; y += dy) {
      const samples: number[] = [];
      for (let x = x0; x < form.width; x += dx) samples.push(...form.pixel(x, y));
      if (samples.length === 0) break;
      const raw = packRow(samples, form.bitDepth);
      const type = n++ % 5;
      const out = Buffer.alloc(raw.length + 1);
      out[0] = type;
      for (let i = 0; i < raw.length; i++) {
        const a = i >= bpp ? raw[i - bpp] : 0;
        const b = prior ? prior[i] : 0;
        const c = i >= bpp && prior ? prior[i - bpp] : 0;
        const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
        out[i + 1] = (raw[i] - predictor) & 0xff;
      }
      rows.push(out);
      prior = raw;
    }
  }
  const header = ihdr(form.width, form.height, form.colourType, form.bitDepth);
  // IHDR data: width, height, depth, colour type, compression, filter (12 bytes), then interlace.
  const fixed = form.interlaced ? pngChunk('IHDR', Buffer.concat([header.subarray(8, 20), Buffer.from([1])])) : header;
  return png(
    fixed,
    ...(form.palette ? [pngChunk('PLTE', Buffer.from(form.palette))] : []),
    ...(form.trns ? [pngChunk('tRNS', form.trns)] : []),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND'),
  );
}
