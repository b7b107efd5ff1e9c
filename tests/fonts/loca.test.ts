/** `loca` decoded in one pass (fonts/loca.ts) is the table fontkit decodes itself. */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { locaByteOffsets, locaEntry, locaFill, primeLoca } from '../../src/fonts/loca.js';
import { loadFontBook } from '../../src/fonts/index.js';

type WithLoca = Font & { loca: { version: number; offsets: ArrayLike<number> }; _tables: Record<string, unknown> };

describe('primeLoca', () => {
  it('gives fontkit the long-offset table it would decode', () => {
    const file = readFileSync(loadFontBook().chain('body')[0].file);
    const theirs = fontkit.create(file) as WithLoca;
    const ours = fontkit.create(file) as WithLoca;
    primeLoca(ours, file.buffer.slice(file.byteOffset, file.byteOffset + file.length));
    expect('loca' in ours._tables).toBe(true);
    expect(ours.loca.version).toBe(theirs.loca.version);
    expect(ours.loca.version).toBe(1);
    expect(Array.from(ours.loca.offsets)).toEqual(Array.from(theirs.loca.offsets));
  });

  it('doubles short offsets and marks them processed, as fontkit’s loca struct does', () => {
    const bytes = new Uint8Array([0, 0, 0, 0, 0, 0x2b, 0, 0x40, 0x80, 0x00]).buffer;
    const font = { directory: { tables: { loca: { offset: 2, length: 8 } } }, head: { indexToLocFormat: 0 }, _tables: {} } as unknown as WithLoca;
    primeLoca(font, bytes);
    const loca = font._tables.loca as { version: number; offsets: ArrayLike<number>; _processed: boolean };
    expect({ ...loca, offsets: Array.from(loca.offsets) }).toEqual({ version: 0, offsets: [0, 0x56, 0x80, 0x10000], _processed: true });
  });

  it('reads long offsets as unsigned 32-bit numbers', () => {
    const bytes = new Uint8Array([9, 0, 0, 0, 0, 0, 0, 0x01, 0x02, 0x03, 0xff, 0xff, 0xff, 0xfe]).buffer;
    const font = { directory: { tables: { loca: { offset: 2, length: 12 } } }, head: { indexToLocFormat: 1 }, _tables: {} } as unknown as WithLoca;
    primeLoca(font, bytes);
    const loca = font._tables.loca as { version: number; offsets: ArrayLike<number> };
    expect(loca.version).toBe(1);
    expect(Array.from(loca.offsets)).toEqual([0, 0x00_01_02_03, 0xff_ff_ff_fe]);
  });

  it('keeps a table fontkit has already decoded', () => {
    const decoded = { version: 1, offsets: [0, 4] };
    const font = { directory: { tables: { loca: { offset: 0, length: 8 } } }, head: { indexToLocFormat: 1 }, _tables: { loca: decoded } } as unknown as WithLoca;
    primeLoca(font, new ArrayBuffer(8));
    expect(font._tables.loca).toBe(decoded);
  });
});

describe('locaEntry', () => {
  it('reads one entry as a byte offset, short entries doubled', () => {
    const short = new Uint8Array([0, 0, 0, 0x2b, 0, 0x40, 0x80, 0x00]);
    expect([0, 1, 2, 3].map((i) => locaEntry(short, i, true))).toEqual(Array.from(locaByteOffsets(short, 4, true)));
    const long = new Uint8Array([0, 0, 0, 0, 0, 0x01, 0x02, 0x03, 0xff, 0xff, 0xff, 0xfe]);
    expect([0, 1, 2].map((i) => locaEntry(long, i, false))).toEqual([0, 0x00_01_02_03, 0xff_ff_ff_fe]);
  });
});

describe('locaFill', () => {
  /** A table of `count` entries at `at` bytes into a larger memory (so that it can start off an entry's alignment). */
  function tableAt(at: number, count: number, short: boolean): Uint8Array {
    return new Uint8Array(new ArrayBuffer(at + count * (short ? 2 : 4) + 3)).subarray(at, at + count * (short ? 2 : 4));
  }

  for (const at of [0, 1, 2, 3]) {
    it(`writes big-endian entries, aligned or not (table ${at} bytes in)`, () => {
      const short = tableAt(at, 4, true);
      const fillShort = locaFill(short, 4, true);
      fillShort(0, 0, 1);
      fillShort(0x56, 1, 2);
      fillShort(0x1fffe, 2, 4);
      expect(Array.from(short)).toEqual([0, 0, 0, 0x2b, 0xff, 0xff, 0xff, 0xff]);
      const long = tableAt(at, 3, false);
      const fillLong = locaFill(long, 3, false);
      fillLong(0x00_01_02_03, 0, 2);
      fillLong(0xff_ff_ff_fe, 2, 3);
      expect(Array.from(long)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0xff, 0xff, 0xff, 0xfe]);
    });
  }

  it('leaves what is outside the entries it is given', () => {
    const table = new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]);
    locaFill(table, 4, true)(4, 1, 3);
    expect(Array.from(table)).toEqual([9, 9, 0, 2, 0, 2, 9, 9]);
    expect(Array.from(locaByteOffsets(table, 4, true)).slice(1, 3)).toEqual([4, 4]);
  });
});
