/**
 * The EPUB's font subsetter (HarfBuzz's hb-subset): a face cut down to the characters given,
 * their layout forms kept; web fonts and broken files refused with a reason.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { Subsetter } from '../../../src/export/epub/harfbuzz.js';
import { loadFontBook } from '../../../src/fonts/index.js';

const fonts = loadFontBook();
const song = fonts.face('song');
const songFile = song.file;
const tmp = mkdtempSync(join(tmpdir(), 'banmian-harfbuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer): string => {
  writeFileSync(join(tmp, name), bytes);
  return join(tmp, name);
};

describe('Subsetter', () => {
  it('keeps exactly the characters asked for, with the layout tables, far smaller than the face', async () => {
    const subsetter = await Subsetter.create();
    const out = subsetter.subset(songFile, Array.from('党建「」', (c) => c.codePointAt(0)!));
    const font = fontkit.create(out) as Font;
    for (const c of '党建「」') expect(font.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
    expect(font.hasGlyphForCodePoint('发'.codePointAt(0)!)).toBe(false);
    // The vertical forms of the brackets come along through GSUB (vert), as hb-subset's closure keeps them.
    expect(font.numGlyphs).toBeGreaterThan(5);
    expect(out.length).toBeLessThan(readFileSync(songFile).length / 100);
    expect(Object.keys((font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables)).toEqual(expect.arrayContaining(['cmap', 'glyf', 'GSUB']));
  });

  it('gives the same bytes for the same face and characters, in one instance or two', async () => {
    const a = await Subsetter.create();
    const b = await Subsetter.create();
    const cps = Array.from('高质量发展', (c) => c.codePointAt(0)!);
    const first = a.subset(songFile, cps);
    expect(a.subset(songFile, cps).equals(first)).toBe(true);
    expect(b.subset(songFile, cps).equals(first)).toBe(true);
  });

  it('refuses a WOFF2 file and a file that is no font', async () => {
    const subsetter = await Subsetter.create();
    expect(() => subsetter.subset(file('a.woff2', Buffer.from('wOF2\0\0\0\0')), [0x4e00])).toThrow('a WOFF2 file, not TrueType or OpenType');
    expect(() => subsetter.subset(file('junk.ttf', Buffer.alloc(64, 7)), [0x4e00])).toThrow(/hb_subset_or_fail failed|the subset is empty/);
    expect(() => subsetter.subset(join(tmp, 'missing.ttf'), [0x4e00])).toThrow();
  });
});
