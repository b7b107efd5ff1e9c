/**
 * JPEG Huffman tables: read from DHT segments (ITU T.81 B.2.4.2), turned into codes (Annex C)
 * and decoded (F.2.2.3), with a 9-bit lookup for the short codes that carry most symbols.
 */
import { corrupt } from './image-fault.js';
import type { EntropyBits } from './jpeg-bits.js';

const MAX_CODE_LENGTH = 16;
/** Codes up to this long are found in one table look-up; longer ones by F.2.2.3's DECODE. */
const LOOKUP_BITS = 9;
const PEEK_BITS = 16;
const LENGTH_SHIFT = 8;
const VALUE_MASK = 0xff;

export class HuffmanTable {
  // Read here and, laid out in its memory, by the one-loop decoder's module (jpeg-sequential.ts).
  /** F.2.2.3: largest code of each length (-1: none), smallest code, index of its value. */
  readonly maxcode = new Int32Array(MAX_CODE_LENGTH + 1).fill(-1);
  readonly mincode = new Int32Array(MAX_CODE_LENGTH + 1);
  readonly valptr = new Int32Array(MAX_CODE_LENGTH + 1);
  /** For each 9-bit prefix: (code length << 8) | value, or 0 when the code is longer. */
  readonly lookup = new Uint16Array(1 << LOOKUP_BITS);

  constructor(
    counts: Uint8Array,
    readonly values: Uint8Array,
  ) {
    // Annex C, Figures C.1–C.3: canonical codes, consecutive within a length.
    let code = 0;
    let k = 0;
    for (let length = 1; length <= MAX_CODE_LENGTH; length++) {
      const n = counts[length - 1];
      if (n > 0) {
        this.valptr[length] = k;
        this.mincode[length] = code;
        for (let i = 0; i < n; i++, k++, code++) {
          if (length <= LOOKUP_BITS) {
            const first = code << (LOOKUP_BITS - length);
            this.lookup.fill((length << LENGTH_SHIFT) | values[k], first, first + (1 << (LOOKUP_BITS - length)));
          }
        }
        this.maxcode[length] = code - 1;
      }
      // More codes of a length than the length can hold: not a prefix code.
      if (code > 1 << length) throw corrupt('one of its Huffman tables is not a valid code');
      code <<= 1;
    }
  }

  /** Decode one symbol (F.2.2.3 DECODE). */
  decode(bits: EntropyBits): number {
    const symbol = this.symbol(bits.peek16());
    if (symbol < 0) throw corrupt('its image data holds an invalid Huffman code');
    bits.skip(symbol >>> LENGTH_SHIFT);
    return symbol & VALUE_MASK;
  }

  /** The code at the front of `next` (16 bits): (its length << 8) | its value, or -1 for none. */
  symbol(next: number): number {
    const hit = this.lookup[next >>> (PEEK_BITS - LOOKUP_BITS)];
    if (hit !== 0) return hit;
    for (let length = LOOKUP_BITS + 1; length <= MAX_CODE_LENGTH; length++) {
      const code = next >>> (PEEK_BITS - length);
      if (code <= this.maxcode[length]) return (length << LENGTH_SHIFT) | this.values[this.valptr[length] + code - this.mincode[length]];
    }
    return -1;
  }
}

/** A table's class (B.2.4.2 Tc): 0 for DC, 1 for AC. */
export type TableClass = 'dc' | 'ac';

/** The tables a DHT segment defines, under their class and destination (0…3). */
export function readHuffmanTables(data: Uint8Array, into: Record<TableClass, (HuffmanTable | undefined)[]>): void {
  const MAX_DESTINATION = 3;
  const SPEC_BYTES = 1 + MAX_CODE_LENGTH;
  let p = 0;
  while (p < data.length) {
    if (p + SPEC_BYTES > data.length) throw corrupt('one of its Huffman tables (DHT) is cut short');
    const tc = data[p] >> 4;
    const th = data[p] & 0x0f;
    if (tc > 1 || th > MAX_DESTINATION) throw corrupt('one of its Huffman tables (DHT) has an impossible class or number');
    const counts = data.subarray(p + 1, p + SPEC_BYTES);
    const total = counts.reduce((sum, n) => sum + n, 0);
    const MAX_SYMBOLS = 256;
    if (total > MAX_SYMBOLS || p + SPEC_BYTES + total > data.length) throw corrupt('one of its Huffman tables (DHT) is cut short');
    into[tc === 0 ? 'dc' : 'ac'][th] = new HuffmanTable(counts, data.subarray(p + SPEC_BYTES, p + SPEC_BYTES + total));
    p += SPEC_BYTES + total;
  }
}
