/**
 * The EPUB's fonts subset on a thread of their own while the pages are set (what `banmian
 * build` does by default): the book is byte for byte the one made all on the calling thread,
 * its fonts deflated there for the zip, and a face that cannot be subset comes back as the
 * error it is, face by face. Photos' JPEG data are checked there too, and a damaged one fails the
 * build as the parse would.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/index.js';
import { faultOf } from '../../src/parse/image-fault.js';
import { checkJpegData } from '../../src/parse/jpeg-check.js';
import { usesFontThread } from '../../src/thread-limits.js';
import { bookOnCallingThread } from '../helpers/books.js';
import { EPOCH, SAMPLE, ZH_HANT } from '../helpers/runs.js';
import { banmian, ROOT } from '../helpers/tools.js';
import { frontMatter, writeFile } from '../parse/helpers.js';
import { noisyJpeg } from '../parse/image-files.js';

const tmp = mkdtempSync(join(tmpdir(), 'banmian-subset-thread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fonts = loadFontBook();

/** The fault checkJpegData finds on this thread. */
function faultHere(bytes: Uint8Array): { fault: string; reason: string } {
  const fault = faultOf(() => checkJpegData(bytes));
  if (!fault) throw new Error('expected a fault');
  return { fault: fault.fault, reason: fault.reason };
}

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

  it('leaves the faces an earlier build kept to the record the command line keeps: the same book', () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: EPOCH, BANMIAN_CACHE_DIR: join(tmp, 'cache') };
    const build = (out: string): Buffer => {
      const r = banmian(['build', SAMPLE, '--out', join(tmp, out)], { env });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(tmp, out, 'renmin-ribao-dangjian.epub'));
    };
    const first = build('kept-first');
    const records = readdirSync(join(tmp, 'cache')).filter((name) => name.startsWith('book-fonts-'));
    expect(records).toHaveLength(1);
    const again = build('kept-again');
    expect(again.equals(first)).toBe(true);
    expect(first.equals(byTheCommand(SAMPLE, 'kept-none', 'renmin-ribao-dangjian.epub'))).toBe(true);
  });

  it('fails a damaged photo checked there as the parse would, before an error after it, writing nothing', () => {
    const jpeg = noisyJpeg(64, 48);
    const page = (after: string): string => `${frontMatter(['a a a a'])}::: article a\n正文\n\n![](images/half.jpg)\n${after}:::\n`;
    const heic = Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'latin1'), Buffer.alloc(32)]);
    for (const [name, after] of [
      ['damaged-photo', ''],
      ['damaged-then-heic', '\n![](images/heic.jpg)\n'],
    ] as const) {
      const dir = join(tmp, name);
      writeFile(join(dir, 'images', 'half.jpg'), jpeg.subarray(0, jpeg.length >> 1));
      writeFile(join(dir, 'images', 'heic.jpg'), heic);
      writeFile(join(dir, '11.md'), page(after));
      const out = join(tmp, `${name}-out`);
      const r = banmian(['build', dir, '--out', out], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${join(dir, '11.md')}:14: image images/half.jpg is incomplete: `);
      expect(r.stderr).not.toContain('heic.jpg');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
  });

  it('is taken over by the build it was started for (the command line starts it early): the same book', async () => {
    const { SubsetThread } = (await import(join(ROOT, 'dist/subset-thread.js'))) as typeof import('../../src/subset-thread.js');
    const { buildEdition } = (await import(join(ROOT, 'dist/pipeline.js'))) as typeof import('../../src/pipeline.js');
    const out = join(tmp, 'taken-over');
    const result = await buildEdition(SAMPLE, { outDir: out, formats: ['pdf', 'epub'], sourceDateEpoch: Number(EPOCH), subsetThread: true, fontThread: new SubsetThread().start() }, fonts);
    const book = readFileSync(result.files.find((f) => f.endsWith('.epub'))!);
    expect(book.equals(await onCallingThread(SAMPLE, 'taken-over-here'))).toBe(true);
  });

  it('is used only beside a PDF, for an EPUB with its fonts, the book not on a thread of its own', () => {
    expect(usesFontThread({ formats: ['pdf', 'epub'] })).toBe(true);
    expect(usesFontThread({ formats: ['epub', 'svg', 'pdf'], epubFonts: true, epubThread: false })).toBe(true);
    expect(usesFontThread({ formats: ['epub'] })).toBe(false);
    expect(usesFontThread({ formats: ['pdf', 'svg'] })).toBe(false);
    expect(usesFontThread({ formats: ['pdf', 'epub'], epubFonts: false })).toBe(false);
    expect(usesFontThread({ formats: ['pdf', 'epub'], epubThread: true })).toBe(false);
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
    // A photo's JPEG data checked there: none found in a whole one, the parse's fault in a cut one.
    const jpeg = noisyJpeg(64, 48);
    expect(await thread.jpegCheck(jpeg)).toBeUndefined();
    const fault = await thread.jpegCheck(jpeg.subarray(0, jpeg.length >> 1));
    // The compiled module's ImageFault, not this one's: the same class by name.
    expect(fault?.name).toBe('ImageFault');
    expect({ fault: fault?.fault, reason: fault?.reason }).toEqual(faultHere(jpeg.subarray(0, jpeg.length >> 1)));
    thread.cancel();
  });
});
