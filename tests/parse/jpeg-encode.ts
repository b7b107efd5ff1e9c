/**
 * A small JPEG encoder for tests, from given DCT coefficients (a quantization table of ones,
 * so a coefficient is its own value): baseline (ITU T.81 F.1.2) or progressive with spectral
 * selection and successive approximation (G.1.2, as libjpeg's jcphuff.c codes it), YCbCr with
 * Y sampled 2×1, so that DC scans interleave and the Y grid of an AC scan is narrower than its
 * MCU grid. The same coefficients coded both ways decode to the same pixels.
 */

export interface Coefficients {
  readonly width: number;
  readonly height: number;
  /** Per component (Y, Cb, Cr): blocks of the MCU grid, row by row, 64 coefficients in zig-zag order. */
  readonly blocks: readonly (readonly Int16Array[])[];
}

const SAMPLING = [[2, 1], [1, 1], [1, 1]] as const;
const MAX_EOBRUN = 0x7fff;

function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

/** Bits, most significant first, 0xFF stuffed with 0x00 (B.1.1.5), padded with ones (F.1.2.3). */
class BitWriter {
  readonly bytes: number[] = [];
  private acc = 0;
  private count = 0;
  /** Symbols coded with each table, gathered on a first pass to build the tables. */
  readonly used = new Set<number>();

  constructor(private readonly codes?: Map<number, [number, number]>) {}

  bits(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  symbol(s: number): void {
    this.used.add(s);
    if (!this.codes) return;
    const [code, length] = this.codes.get(s)!;
    this.bits(code, length);
  }

  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0);
    this.acc = 0;
    this.count = 0;
  }

  end(): number[] {
    if (this.count > 0) this.bits(0x7f, 8 - this.count);
    return this.bytes;
  }
}

/** Canonical codes, every symbol the same length: no code of all ones (C.2). */
function huffman(symbols: Set<number>): { codes: Map<number, [number, number]>; dht: number[] } {
  const sorted = [...symbols].sort((a, b) => a - b);
  const length = Math.max(1, bitLength(sorted.length));
  const counts = new Array(16).fill(0);
  counts[length - 1] = sorted.length;
  return { codes: new Map(sorted.map((s, i) => [s, [i, length]])), dht: [...counts, ...sorted] };
}

interface ScanSpec {
  readonly components: readonly number[];
  readonly ss: number;
  readonly se: number;
  readonly ah: number;
  readonly al: number;
}

/** libjpeg's default progression for YCbCr (jcparam.c jpeg_simple_progression). */
const PROGRESSION: readonly ScanSpec[] = [
  { components: [0, 1, 2], ss: 0, se: 0, ah: 0, al: 1 },
  { components: [0], ss: 1, se: 5, ah: 0, al: 2 },
  { components: [2], ss: 1, se: 63, ah: 0, al: 1 },
  { components: [1], ss: 1, se: 63, ah: 0, al: 1 },
  { components: [0], ss: 6, se: 63, ah: 0, al: 2 },
  { components: [0], ss: 1, se: 63, ah: 2, al: 1 },
  { components: [0, 1, 2], ss: 0, se: 0, ah: 1, al: 0 },
  { components: [2], ss: 1, se: 63, ah: 1, al: 0 },
  { components: [1], ss: 1, se: 63, ah: 1, al: 0 },
  { components: [0], ss: 1, se: 63, ah: 1, al: 0 },
];
const SEQUENTIAL: readonly ScanSpec[] = [{ components: [0, 1, 2], ss: 0, se: 63, ah: 0, al: 0 }];

function segment(marker: number, body: number[]): number[] {
  return [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
}

export function encodeJpeg(c: Coefficients, progressive: boolean): Buffer {
  const mcusPerLine = Math.ceil(c.width / 16);
  const mcusPerColumn = Math.ceil(c.height / 8);
  const out: number[] = [0xff, 0xd8];
  out.push(...segment(0xdb, [0, ...new Array(64).fill(1)]));
  const sof = [8, c.height >> 8, c.height & 0xff, c.width >> 8, c.width & 0xff, 3];
  SAMPLING.forEach(([h, v], i) => sof.push(i + 1, (h << 4) | v, 0));
  out.push(...segment(progressive ? 0xc2 : 0xc0, sof));
  for (const scan of progressive ? PROGRESSION : SEQUENTIAL) {
    const first = new BitWriter();
    const dc = new BitWriter();
    codeScan(c, scan, mcusPerLine, mcusPerColumn, progressive, dc, first);
    const dcTable = huffman(dc.used);
    const acTable = huffman(first.used);
    out.push(...segment(0xc4, [...(dc.used.size > 0 ? [0x00, ...dcTable.dht] : []), ...(first.used.size > 0 ? [0x10, ...acTable.dht] : [])]));
    const sos = [scan.components.length, ...scan.components.flatMap((k) => [k + 1, 0x00]), scan.ss, scan.se, (scan.ah << 4) | scan.al];
    out.push(...segment(0xda, sos));
    // One writer for the scan, coding DC symbols with one table and AC with the other.
    const writer = new BitWriter(new Map([...dcTable.codes].map(([s, v]) => [s + 0x1000, v]).concat([...acTable.codes]) as [number, [number, number]][]));
    codeScan(c, scan, mcusPerLine, mcusPerColumn, progressive, { symbol: (s: number) => writer.symbol(s + 0x1000), bits: (v: number, n: number) => writer.bits(v, n) }, writer);
    out.push(...writer.end());
  }
  out.push(0xff, 0xd9);
  return Buffer.from(out);
}

interface Sink {
  symbol(s: number): void;
  bits(value: number, n: number): void;
}

function codeScan(c: Coefficients, scan: ScanSpec, mcusPerLine: number, mcusPerColumn: number, progressive: boolean, dc: Sink, ac: Sink): void {
  const state = { eobrun: 0, be: [] as number[] };
  const last = [0, 0, 0];
  const emitEobrun = (): void => {
    if (state.eobrun === 0) return;
    const n = bitLength(state.eobrun) - 1;
    ac.symbol(n << 4);
    if (n > 0) ac.bits(state.eobrun, n);
    state.eobrun = 0;
    for (const b of state.be) ac.bits(b, 1);
    state.be = [];
  };
  const block = (k: number, row: number, col: number): void => {
    const b = c.blocks[k][row * mcusPerLine * SAMPLING[k][0] + col];
    if (!progressive) return sequentialBlock(b, k, last, dc, ac);
    if (scan.ss === 0) {
      if (scan.ah === 0) dcDiff(b[0] >> scan.al, k, last, dc);
      else dc.bits((b[0] >> scan.al) & 1, 1);
    } else if (scan.ah === 0) acFirst(b, scan, state, ac, emitEobrun);
    else acRefine(b, scan, state, ac, emitEobrun);
  };
  if (scan.components.length > 1) {
    for (let my = 0; my < mcusPerColumn; my++) {
      for (let mx = 0; mx < mcusPerLine; mx++) {
        for (const k of scan.components) {
          const [h, v] = SAMPLING[k];
          for (let y = 0; y < v; y++) for (let x = 0; x < h; x++) block(k, my * v + y, mx * h + x);
        }
      }
    }
  } else {
    const k = scan.components[0];
    const [h, v] = SAMPLING[k];
    // T.81 A.1.1: the component's own size (Hmax 2, Vmax 1), in whole blocks.
    const rows = Math.ceil((c.height * v) / 8);
    const cols = Math.ceil(Math.ceil((c.width * h) / 2) / 8);
    for (let y = 0; y < rows; y++) for (let x = 0; x < cols; x++) block(k, y, x);
  }
  emitEobrun();
}

function dcDiff(value: number, k: number, last: number[], dc: Sink): void {
  const diff = value - last[k];
  last[k] = value;
  const n = bitLength(Math.abs(diff));
  dc.symbol(n);
  if (n > 0) dc.bits(diff < 0 ? diff - 1 : diff, n);
}

function sequentialBlock(b: Int16Array, k: number, last: number[], dc: Sink, ac: Sink): void {
  dcDiff(b[0], k, last, dc);
  let r = 0;
  for (let i = 1; i < 64; i++) {
    if (b[i] === 0) {
      r++;
      continue;
    }
    for (; r > 15; r -= 16) ac.symbol(0xf0);
    const n = bitLength(Math.abs(b[i]));
    ac.symbol((r << 4) | n);
    ac.bits(b[i] < 0 ? b[i] - 1 : b[i], n);
    r = 0;
  }
  if (r > 0) ac.symbol(0x00);
}

function acFirst(b: Int16Array, scan: ScanSpec, state: { eobrun: number }, ac: Sink, emitEobrun: () => void): void {
  let r = 0;
  for (let k = scan.ss; k <= scan.se; k++) {
    const magnitude = Math.abs(b[k]) >> scan.al;
    if (magnitude === 0) {
      r++;
      continue;
    }
    emitEobrun();
    for (; r > 15; r -= 16) ac.symbol(0xf0);
    const n = bitLength(magnitude);
    ac.symbol((r << 4) | n);
    ac.bits(b[k] < 0 ? ~magnitude : magnitude, n);
    r = 0;
  }
  if (r > 0 && ++state.eobrun === MAX_EOBRUN) emitEobrun();
}

function acRefine(b: Int16Array, scan: ScanSpec, state: { eobrun: number; be: number[] }, ac: Sink, emitEobrun: () => void): void {
  const abs = (k: number): number => Math.abs(b[k]) >> scan.al;
  let eob = 0;
  for (let k = scan.ss; k <= scan.se; k++) if (abs(k) === 1) eob = k;
  let r = 0;
  let br: number[] = [];
  for (let k = scan.ss; k <= scan.se; k++) {
    const magnitude = abs(k);
    if (magnitude === 0) {
      r++;
      continue;
    }
    for (; r > 15 && k <= eob; r -= 16) {
      emitEobrun();
      ac.symbol(0xf0);
      for (const bit of br) ac.bits(bit, 1);
      br = [];
    }
    if (magnitude > 1) {
      br.push(magnitude & 1); // a correction bit of a coefficient already non-zero
      continue;
    }
    emitEobrun();
    ac.symbol((r << 4) | 1);
    ac.bits(b[k] < 0 ? 0 : 1, 1);
    for (const bit of br) ac.bits(bit, 1);
    br = [];
    r = 0;
  }
  if (r > 0 || br.length > 0) {
    state.eobrun++;
    state.be.push(...br);
    if (state.eobrun === MAX_EOBRUN) emitEobrun();
  }
}

/** Sparse coefficients, as a photo's: a DC level, a few low-frequency ACs, mostly zeros. */
export function someCoefficients(width: number, height: number, seed = 1): Coefficients {
  let s = seed;
  const random = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s >> 8) % n;
  };
  const mcusPerLine = Math.ceil(width / 16);
  const mcusPerColumn = Math.ceil(height / 8);
  const blocks = SAMPLING.map(([h, v]) =>
    Array.from({ length: mcusPerLine * h * mcusPerColumn * v }, () => {
      const b = new Int16Array(64);
      b[0] = random(400) - 200;
      for (let k = 1; k < 64; k++) if (random(k + 2) === 0) b[k] = (random(2) ? 1 : -1) * (1 + random(Math.max(1, 40 >> (k >> 3))));
      return b;
    }),
  );
  return { width, height, blocks };
}
