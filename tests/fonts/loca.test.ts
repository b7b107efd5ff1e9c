/** `loca` decoded in one pass (fonts/loca.ts) is the table fontkit decodes itself. */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { locaByteOffsets, locaTableBytes, primeLoca } from '../../src/fonts/loca.js';
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

describe('locaTableBytes', () => {
  it('writes back, short and long, the bytes locaByteOffsets read', () => {
    const short = new Uint8Array([0, 0, 0, 0x2b, 0, 0x40, 0x80, 0x00]);
    expect(Array.from(locaByteOffsets(short, 4, true))).toEqual([0, 0x56, 0x80, 0x10000]);
    expect(Buffer.from(locaTableBytes(locaByteOffsets(short, 4, true), true)).equals(Buffer.from(short))).toBe(true);
    const long = new Uint8Array([0, 0, 0, 0, 0, 0x01, 0x02, 0x03, 0xff, 0xff, 0xff, 0xfe]);
    expect(Array.from(locaByteOffsets(long, 3, false))).toEqual([0, 0x00_01_02_03, 0xff_ff_ff_fe]);
    expect(Buffer.from(locaTableBytes(locaByteOffsets(long, 3, false), false)).equals(Buffer.from(long))).toBe(true);
  });
});
