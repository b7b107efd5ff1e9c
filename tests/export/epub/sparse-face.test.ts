/**
 * A face read only as far as its subset can reach (sparse-face.ts, subset-reach.ts): the subset
 * is byte for byte the one HarfBuzz makes from the whole file, on every face of the repository
 * and for characters drawn at random from each (ideographs, punctuation with vertical forms,
 * Latin, figures, characters with variation sequences); a composite glyph brings its
 * components; a face whose reach is not known here is read whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { Subsetter } from '../../../src/export/epub/harfbuzz.js';
import { components, readReachable, type ReadAt } from '../../../src/export/epub/sparse-face.js';
import { reachableGlyphs, TableBytes } from '../../../src/export/epub/subset-reach.js';
import { loadFontBook } from '../../../src/fonts/index.js';
import { seeded } from '../../helpers/generate.js';

const fonts = loadFontBook();
const faceFiles = [...new Set([...fonts.faces.values()].map((f) => f.file))];
const songFile = fonts.face('song').file;
const tmp = mkdtempSync(join(tmpdir(), 'banmian-sparse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Characters every book has: punctuation whose vertical and half-width forms GSUB reaches, figures, Latin; brackets alone, whose mirrors hb-subset adds. */
const COMMON = Array.from('，。、；：？！「」『』《》（）——……·0123456789ABCabc%〖«‹≤∈', (c) => c.codePointAt(0)!);
/** Two ideographs with non-default variation sequences in the Noto CJK faces' cmap format 14 (葛 U+845B, 辶 U+8FB6). */
const WITH_SEQUENCES = [0x845b, 0x8fb6];

function randomCodePoints(font: Font, seed: number, count: number): number[] {
  const random = seeded(seed);
  const all = font.characterSet;
  const picked = new Set([...COMMON, ...WITH_SEQUENCES, 0x10ffff]);
  while (picked.size < count) picked.add(all[Math.floor(random() * all.length)]);
  return [...picked];
}

/** A ReadAt over bytes in memory. */
const readFrom =
  (file: Buffer): ReadAt =>
  (target, offset, length, position) => {
    target.set(file.subarray(position, position + length), offset);
  };

/** Where the table `tag` is in the file (sfnt table directory). */
function recordOf(file: Buffer, tag: string): { offset: number; length: number } {
  const count = file.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    if (file.toString('latin1', record, record + 4) === tag) return { offset: file.readUInt32BE(record + 8), length: file.readUInt32BE(record + 12) };
  }
  throw new Error(`no ${tag}`);
}

function tableOf(file: Buffer, tag: string): TableBytes {
  const { offset, length } = recordOf(file, tag);
  return new TableBytes(file, offset, length);
}

describe('a face read as far as its subset reaches', () => {
  it('gives the subset of the whole file, byte for byte, on every face and random characters', async () => {
    const subsetter = await Subsetter.create();
    for (const [k, file] of faceFiles.entries()) {
      const font = fontkit.create(readFileSync(file)) as Font;
      for (const seed of [k + 1, k + 101]) {
        const cps = randomCodePoints(font, seed, 600);
        const reached = subsetter.subset(file, cps);
        expect(reached.equals(subsetter.subset(file, cps, 'whole')), `${file} seed ${seed}`).toBe(true);
        expect(reached.length).toBeGreaterThan(10_000);
      }
    }
  });

  it('reaches what cmap gives the characters and what GSUB can put in (the vertical forms)', () => {
    const file = readFileSync(songFile);
    const font = fontkit.create(file) as Font;
    const cps = Array.from('党建「」，', (c) => c.codePointAt(0)!);
    const glyphs = reachableGlyphs(tableOf(file, 'cmap'), tableOf(file, 'GSUB'), new Set(cps))!;
    expect(glyphs.has(0)).toBe(true);
    for (const cp of cps) expect(glyphs.has(font.glyphForCodePoint(cp).id), String.fromCodePoint(cp)).toBe(true);
    // 「 and its vertical form ﹁ (U+FE41), which the vert feature substitutes.
    expect(glyphs.has(font.glyphForCodePoint(0xfe41).id)).toBe(true);
    // 〖 brings its mirror 〗 (hb-subset's bidi closure).
    const alone = reachableGlyphs(tableOf(file, 'cmap'), undefined, new Set([0x3016]))!;
    expect(alone.has(font.glyphForCodePoint(0x3017).id)).toBe(true);
    // A mirrored character without a pair in the table (∑): no bound.
    expect(reachableGlyphs(tableOf(file, 'cmap'), undefined, new Set([0x2211]))).toBeUndefined();
    // Far fewer than the face's glyphs: an unrequested ideograph is not reached, nor the
    // vertical form of a bracket not asked for (『 → ﹃), nor most of what GSUB can put in.
    expect(glyphs.has(font.glyphForCodePoint('发'.codePointAt(0)!).id)).toBe(false);
    expect(glyphs.has(font.glyphForCodePoint(0xfe43).id)).toBe(false);
    expect(glyphs.size).toBeLessThan(100);
  });

  it('reads a composite glyph’s components, and its subset is the whole file’s', async () => {
    // The song face with 党's outline replaced by a composite of 建's (the faces have no composites).
    const file = Buffer.from(readFileSync(songFile));
    const font = fontkit.create(readFileSync(songFile)) as Font;
    const dang = font.glyphForCodePoint('党'.codePointAt(0)!).id;
    const jian = font.glyphForCodePoint('建'.codePointAt(0)!).id;
    const loca = (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
    const at = recordOf(file, 'glyf').offset + loca[dang];
    file.writeInt16BE(-1, at); // numberOfContours: composite
    file.writeUInt16BE(0x0001 | 0x0002, at + 10); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no more components
    file.writeUInt16BE(jian, at + 12);
    file.writeInt32BE(0, at + 14); // offsets 0, 0
    expect(components(file, at, loca[dang + 1] - loca[dang])).toEqual([jian]);
    const path = join(tmp, 'composite.ttf');
    writeFileSync(path, file);
    const subsetter = await Subsetter.create();
    const reached = subsetter.subset(path, ['党'.codePointAt(0)!]);
    expect(reached.equals(subsetter.subset(path, ['党'.codePointAt(0)!], 'whole'))).toBe(true);
    // 建's outline came with it: the subset holds more than .notdef and 党's few bytes.
    const alone = subsetter.subset(songFile, ['党'.codePointAt(0)!]);
    expect((fontkit.create(reached) as Font).numGlyphs).toBe((fontkit.create(alone) as Font).numGlyphs + 1);
  });

  it('reads a face whose loca has short offsets (hb-subset writes them for a small face), its subset the whole file’s', async () => {
    const subsetter = await Subsetter.create();
    const song = fontkit.create(readFileSync(songFile)) as Font;
    const small = subsetter.subset(songFile, randomCodePoints(song, 7, 300));
    const head = recordOf(small, 'head').offset;
    expect(small.readInt16BE(head + 50)).toBe(0); // indexToLocFormat: short offsets
    const path = join(tmp, 'short-loca.ttf');
    writeFileSync(path, small);
    const font = fontkit.create(small) as Font;
    const cps = new Set(randomCodePoints(font, 8, 120).filter((cp) => font.hasGlyphForCodePoint(cp)));
    // Bounded, not read whole: the short offsets are read and written back as short.
    expect(readReachable(new Uint8Array(small.length), small.length, readFrom(small), cps)).toBe(true);
    const reached = subsetter.subset(path, cps);
    expect(reached.equals(subsetter.subset(path, cps, 'whole'))).toBe(true);
    expect((fontkit.create(reached) as Font).numGlyphs).toBeGreaterThan(20);
  });

  it('leaves to a whole read a face it cannot bound: not TrueType, a colour or CFF table, an unknown cmap format, a table out of the file', () => {
    const song = readFileSync(songFile);
    const cps = new Set([0x4e00]);
    const tryRead = (file: Buffer): boolean => readReachable(new Uint8Array(file.length), file.length, readFrom(file), cps);
    expect(tryRead(song)).toBe(true);
    const otto = Buffer.from(song);
    otto.write('OTTO', 0, 'latin1');
    expect(tryRead(otto)).toBe(false);
    const renamed = (from: string, to: string): Buffer => {
      const file = Buffer.from(song);
      const count = file.readUInt16BE(4);
      for (let i = 0; i < count; i++) if (file.toString('latin1', 12 + i * 16, 16 + i * 16) === from) file.write(to, 12 + i * 16, 'latin1');
      return file;
    };
    expect(tryRead(renamed('STAT', 'COLR'))).toBe(false);
    expect(tryRead(renamed('BASE', 'CFF '))).toBe(false);
    expect(tryRead(renamed('glyf', 'gly_'))).toBe(false);
    // Every Unicode subtable's format set to 6 (trimmed table mapping): not read here.
    const format6 = Buffer.from(song);
    const cmap = tableOf(format6, 'cmap');
    const cmapAt = recordOf(format6, 'cmap').offset;
    for (let i = 0; i < cmap.u16(2); i++) format6.writeUInt16BE(6, cmapAt + cmap.u32(8 + i * 8));
    expect(tryRead(format6)).toBe(false);
    // A table said to run past the end of the file.
    expect(tryRead(song.subarray(0, song.length - 1000))).toBe(false);
  });
});
