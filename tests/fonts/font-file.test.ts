/**
 * A face read as far as it is used: every table but the glyph outlines at once, the outlines
 * a subset needs in one pass, any other when fontkit decodes it; what is drawn is what the
 * whole file draws.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFontFile, readGlyphsOnDemand } from '../../src/fonts/font-file.js';
import { loadFontBook } from '../../src/fonts/index.js';

const songFile = loadFontBook().face('song').file;
const whole = readFileSync(songFile);
const tables = (font: Font): Record<string, { offset: number; length: number }> => (font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables;

/** The song face opened as a build opens it (its outlines on demand), and where a glyph's outline lies in its bytes. */
function openSparse(): { bytes: Buffer; sparse: Font; outlines: ReturnType<typeof readGlyphsOnDemand>; span: (id: number) => [number, number] } {
  const bytes = Buffer.from(readFontFile(songFile).memory);
  const sparse = fontkit.create(bytes) as Font;
  const outlines = readGlyphsOnDemand(sparse, songFile, bytes);
  const glyf = tables(sparse).glyf.offset;
  const offsets = (sparse as unknown as { loca: { offsets: number[] } }).loca.offsets;
  return { bytes, sparse, outlines, span: (id) => [glyf + offsets[id], glyf + offsets[id + 1]] };
}

describe('readFontFile', () => {
  it('reads every table but glyf of a TrueType face, and leaves the outlines for later', () => {
    const read = readFontFile(songFile);
    expect(read.outlines).toBe('on-demand');
    const bytes = Buffer.from(read.memory);
    expect(bytes.length).toBe(whole.length);
    const font = fontkit.create(bytes) as Font;
    for (const [tag, { offset, length }] of Object.entries(tables(font))) {
      const same = bytes.subarray(offset, offset + length).equals(whole.subarray(offset, offset + length));
      expect(same, tag).toBe(tag !== 'glyf');
    }
    expect(bytes.subarray(tables(font).glyf.offset, tables(font).glyf.offset + 4096).every((b) => b === 0)).toBe(true);
  });

  it('reads a glyph’s outline when fontkit decodes it, not when it makes the glyph: the same path as from the whole file', () => {
    const read = readFontFile(songFile);
    const bytes = Buffer.from(read.memory);
    const sparse = fontkit.create(bytes) as Font;
    readGlyphsOnDemand(sparse, songFile, bytes);
    const full = fontkit.create(whole) as Font;
    const glyf = tables(sparse).glyf.offset;
    const offsets = (sparse as unknown as { loca: { offsets: number[] } }).loca.offsets;
    for (const ch of '党建「』123Aa') {
      const a = sparse.glyphForCodePoint(ch.codePointAt(0)!);
      const at = glyf + offsets[a.id];
      expect(bytes.subarray(at, glyf + offsets[a.id + 1]).every((b) => b === 0), `${ch} before`).toBe(true);
      const b = full.glyphForCodePoint(ch.codePointAt(0)!);
      expect(a.path.toSVG(), ch).toBe(b.path.toSVG());
      expect(a.path.toSVG().length, ch).toBeGreaterThan(0);
    }
  });

  it('reads the outlines a subset asks for in one pass, and only those (with what lies between)', () => {
    const { bytes, sparse, outlines, span } = openSparse();
    const ids = Array.from('新闻报纸版面', (ch) => sparse.glyphForCodePoint(ch.codePointAt(0)!).id);
    outlines.read([...ids].reverse());
    for (const id of ids) {
      const [from, to] = span(id);
      expect(to).toBeGreaterThan(from);
      expect(bytes.subarray(from, to).equals(whole.subarray(from, to)), `glyph ${id}`).toBe(true);
    }
    // A glyph far from all of them is still unread.
    const far = ids.reduce((a, b) => Math.max(a, b)) + 2000;
    const [from, to] = span(far);
    expect(to).toBeGreaterThan(from);
    expect(bytes.subarray(from, to).every((b) => b === 0)).toBe(true);
  });

  it('stages the outlines a program copies in memory of their own, the face’s memory untouched; those read before come from the face', () => {
    const { bytes, sparse, outlines, span } = openSparse();
    // Neighbours (read in one span, with what lies between), a far one, one twice, and one read before.
    const ids = Array.from('新闻报纸版面党', (ch) => sparse.glyphForCodePoint(ch.codePointAt(0)!).id);
    const neighbour = ids[0] + 1;
    const before = ids[6];
    outlines.read([before]);
    const staged = outlines.stage([...ids, neighbour, ids[2]]);
    for (const id of [...ids.slice(0, 6), neighbour]) {
      const [from, to] = span(id);
      const bytesOf = staged(id);
      expect(bytesOf, `glyph ${id}`).toBeDefined();
      expect(Buffer.from(bytesOf!).equals(whole.subarray(from, to)), `glyph ${id}`).toBe(true);
      // The face's memory is as it was: nothing read there.
      expect(bytes.subarray(from, to).every((b) => b === 0), `glyph ${id}`).toBe(true);
    }
    expect(staged(before)).toBeUndefined();
    expect(staged(ids[0] + 5000)).toBeUndefined();
    // What was staged is read into the face when fontkit decodes it after all.
    const [from, to] = span(ids[0]);
    sparse.getGlyph(ids[0]).path;
    expect(bytes.subarray(from, to).equals(whole.subarray(from, to))).toBe(true);
  });

  it('reads a file that is not a single TrueType face whole, and throws for one that is not there', () => {
    const thisFile = new URL(import.meta.url).pathname;
    const read = readFontFile(thisFile);
    expect(read.outlines).toBe('read');
    expect(Buffer.from(read.memory).equals(readFileSync(thisFile))).toBe(true);
    expect(() => readFontFile(`${songFile}.missing`)).toThrow();
  });
});
