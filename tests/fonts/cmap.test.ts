/**
 * The character map read from a face's bytes (src/fonts/cmap.ts): the glyph ids fontkit's own
 * look-up gives, from the subtable fontkit would choose; any other form is left to fontkit.
 */
import { describe, expect, it } from 'vitest';
import { cmapReader } from '../../src/fonts/cmap.js';
import { loadFontBook } from '../../src/fonts/index.js';

const fonts = loadFontBook();

interface CmapInternals {
  readonly _cmapProcessor: { lookup(codePoint: number): number; readonly cmap: { readonly groups: { get(i: number): { startCharCode: number; endCharCode: number } }; readonly nGroups: number } };
}

/** A cmap table of `records` (platform, encoding, subtable index) over `subtables`, laid out in order. */
function cmapTable(records: readonly [number, number, number][], subtables: readonly Buffer[]): ArrayBuffer {
  const head = Buffer.alloc(4 + records.length * 8);
  head.writeUInt16BE(records.length, 2);
  const offsets: number[] = [];
  let at = head.length;
  for (const s of subtables) {
    offsets.push(at);
    at += s.length;
  }
  records.forEach(([platform, encoding, index], r) => {
    head.writeUInt16BE(platform, 4 + r * 8);
    head.writeUInt16BE(encoding, 6 + r * 8);
    head.writeUInt32BE(offsets[index], 8 + r * 8);
  });
  const bytes = Buffer.concat([head, ...subtables]);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
}

/** A format 12 subtable of `groups` (start, end, first glyph). */
function format12(groups: readonly [number, number, number][]): Buffer {
  const b = Buffer.alloc(16 + groups.length * 12);
  b.writeUInt16BE(12, 0);
  b.writeUInt32BE(b.length, 4);
  b.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, glyph], g) => {
    b.writeUInt32BE(start, 16 + g * 12);
    b.writeUInt32BE(end, 20 + g * 12);
    b.writeUInt32BE(glyph, 24 + g * 12);
  });
  return b;
}

/** A format 4 subtable header (its contents do not matter: cmap.ts leaves it to fontkit). */
const format4 = (): Buffer => Buffer.from([0, 4, 0, 16, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0xff, 0xff]);

describe('cmapReader', () => {
  it.each(['song', 'hei-bold'])('gives fontkit’s glyph id for every BMP code point and every group’s edges in %s', (key) => {
    const face = fonts.face(key);
    const fontkit = (face.font as unknown as CmapInternals)._cmapProcessor;
    const points: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) points.push(cp);
    for (let g = 0; g < fontkit.cmap.nGroups; g++) {
      const { startCharCode, endCharCode } = fontkit.cmap.groups.get(g);
      points.push(startCharCode - 1, startCharCode, endCharCode, endCharCode + 1);
    }
    points.push(0x20000, 0x2a6d6, 0x10ffff, 0x110000);
    const differ = points.filter((cp) => face.glyphId(cp) !== fontkit.lookup(cp));
    expect(differ).toEqual([]);
    // The face was read here, not by fontkit's fallback: its ids come from the bytes.
    expect(cmapReader(face.bytes.memory, (face.font as unknown as { directory: { tables: { cmap: { offset: number; length: number } } } }).directory.tables.cmap)).toBeDefined();
    expect(face.glyphId(0x4e2d)).toBeGreaterThan(0);
  });

  it('reads the subtable fontkit chooses: (3,10) before (0,4), whatever their order in the table', () => {
    const table = cmapTable(
      [
        [0, 4, 0],
        [3, 10, 1],
      ],
      [format12([[0x41, 0x5a, 100]]), format12([[0x41, 0x5a, 200]])],
    );
    const read = cmapReader(table, { offset: 0, length: table.byteLength })!;
    expect([read(0x41), read(0x42), read(0x40), read(0x5b)]).toEqual([200, 201, 0, 0]);
  });

  it('leaves to fontkit a subtable of another format, a table with no Unicode subtable, and one cut short', () => {
    const format4First = cmapTable(
      [
        [3, 1, 0],
        [0, 4, 1],
      ],
      [format4(), format12([[0x41, 0x5a, 1]])],
    );
    // (0,4) comes before (3,1) in fontkit's order: its format 12 is read.
    expect(cmapReader(format4First, { offset: 0, length: format4First.byteLength })?.(0x41)).toBe(1);
    const only4 = cmapTable([[3, 1, 0]], [format4()]);
    expect(cmapReader(only4, { offset: 0, length: only4.byteLength })).toBeUndefined();
    const mac = cmapTable([[1, 0, 0]], [format12([[0x41, 0x5a, 1]])]);
    expect(cmapReader(mac, { offset: 0, length: mac.byteLength })).toBeUndefined();
    const whole = cmapTable([[3, 10, 0]], [format12([[0x41, 0x5a, 1], [0x61, 0x7a, 30]])]);
    expect(cmapReader(whole, { offset: 0, length: whole.byteLength - 1 })).toBeUndefined();
    expect(cmapReader(whole, undefined)).toBeUndefined();
  });
});
