/**
 * The EPUB's fonts subset on a thread of their own while the pages are set (what `banmian
 * build` does by default): the book is byte for byte the one made all on the calling thread,
 * its fonts deflated there for the zip, and a face that cannot be subset comes back as the
 * error it is, face by face.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/index.js';
import { bookOnCallingThread } from '../helpers/books.js';
import { EPOCH, SAMPLE, ZH_HANT } from '../helpers/runs.js';
import { banmian, ROOT } from '../helpers/tools.js';

const tmp = mkdtempSync(join(tmpdir(), 'banmian-subset-thread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fonts = loadFontBook();

const onCallingThread = (dir: string, out: string): Promise<Buffer> => bookOnCallingThread(dir, join(tmp, out), fonts);

/** The book `banmian build` makes: its fonts subset on a thread of their own. */
function byTheCommand(dir: string, out: string, book: string): Buffer {
  const r = banmian(['build', dir, '--out', join(tmp, out)], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(tmp, out, book));
}

describe('the font-subsetting thread', () => {
  it('makes the sample’s and the Traditional Chinese book byte for byte as the calling thread does', async () => {
    expect(byTheCommand(SAMPLE, 'sample-cli', 'renmin-ribao-dangjian.epub').equals(await onCallingThread(SAMPLE, 'sample'))).toBe(true);
    const hant = byTheCommand(ZH_HANT, 'zh-hant-cli', 'zh-hant.epub');
    expect(hant.equals(await onCallingThread(ZH_HANT, 'zh-hant'))).toBe(true);
    expect(hant.includes(Buffer.from('fonts/song-tc.ttf'))).toBe(true);
  });

  it('answers each face: its subset, or why it could not be made', async () => {
    // The compiled thread (the worker runs JavaScript): what the command line uses.
    const { SubsetThread } = (await import(join(ROOT, 'dist/subset-thread.js'))) as typeof import('../../src/subset-thread.js');
    const woff = join(tmp, 'face.woff');
    writeFileSync(woff, Buffer.concat([Buffer.from('wOFF'), Buffer.alloc(64)]));
    const thread = new SubsetThread();
    const [subset, web, missing] = await thread.subsetter([
      { file: fonts.face('song').file, codePoints: Array.from('版面', (c) => c.codePointAt(0)!) },
      { file: woff, codePoints: [0x7248] },
      { file: join(tmp, 'none.ttf'), codePoints: [0x7248] },
    ]);
    if (subset instanceof Error) throw subset;
    expect(subset.data.length).toBeGreaterThan(1000);
    // Deflated for the zip as the packer itself would.
    expect(Buffer.from(subset.deflated!).equals(deflateRawSync(subset.data, { level: 9 }))).toBe(true);
    expect((web as Error).message).toBe('a WOFF file, not TrueType or OpenType');
    expect((missing as Error).message).toMatch(/ENOENT/);
    expect(await thread.subsetter([])).toEqual([]);
    // Entries of the zip deflated there, as the packer deflates them.
    const text = Buffer.from('<p>版面</p>'.repeat(100));
    const [deflated] = await thread.deflater([text]);
    expect(Buffer.from(deflated).equals(deflateRawSync(text, { level: 9 }))).toBe(true);
    thread.cancel();
  });
});
