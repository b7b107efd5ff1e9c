/**
 * The font files read ahead while the code loads: every face the roles name, the same bytes
 * loadFontBook would read; nothing and no error for a fonts folder it cannot make sense of.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFontsDir, loadFontBook } from '../../src/fonts/index.js';
import { prefetchFontFiles } from '../../src/fonts/prefetch.js';

const tmp = mkdtempSync(join(tmpdir(), 'banmian-prefetch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('prefetchFontFiles', () => {
  it('reads the file of every face a role uses, and those only', async () => {
    const read = await prefetchFontFiles(bundledFontsDir());
    const book = loadFontBook(bundledFontsDir(), { preloaded: read });
    const used = new Set([...book.faces.values()].map((f) => f.file));
    expect(new Set(read.keys())).toEqual(used);
    // Traditional Chinese faces are named under "languages" only: not read ahead.
    expect([...read.keys()].some((f) => f.includes('TC_'))).toBe(false);
    for (const face of book.faces.values()) {
      expect(face.bytes).toBe(read.get(face.file));
      // The header and table directory are there, as read from the file.
      expect(Buffer.from(face.bytes.memory, 0, 12).equals(readFileSync(face.file).subarray(0, 12))).toBe(true);
    }
  });

  it('gives nothing, without an error, for a fonts.json that is not JSON or names missing files', async () => {
    writeFileSync(join(tmp, 'fonts.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    expect((await prefetchFontFiles(tmp)).size).toBe(0);
    writeFileSync(join(tmp, 'fonts.json'), JSON.stringify({ faces: { a: { file: 'none.ttf' } }, roles: { body: ['a'] } }));
    expect((await prefetchFontFiles(tmp)).size).toBe(0);
    expect((await prefetchFontFiles(join(tmp, 'nowhere'))).size).toBe(0);
  });
});
