/**
 * The EPUB made on its own thread (`--threads 2`) is byte for byte the book the calling thread
 * makes (the default), in Simplified and in Traditional Chinese (the language's faces handed
 * over too); and what goes wrong there comes back as the error it is.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/index.js';
import { ContentError, type Edition } from '../../src/model/index.js';
import { bookOnCallingThread } from '../helpers/books.js';
import { EPOCH, SAMPLE, ZH_HANT } from '../helpers/runs.js';
import { banmian, ROOT } from '../helpers/tools.js';

const tmp = mkdtempSync(join(tmpdir(), 'banmian-epub-thread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fonts = loadFontBook();

const onCallingThread = (dir: string, out: string): Promise<Buffer> => bookOnCallingThread(dir, join(tmp, out), fonts);

/** The book the command line makes with `--threads 2`: on a thread of its own. */
function onItsThread(dir: string, out: string, book: string): Buffer {
  const r = banmian(['build', dir, '--out', join(tmp, out), '--threads', '2'], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(tmp, out, book));
}

describe('the EPUB thread', () => {
  it('makes the sample’s book byte for byte as the calling thread does', async () => {
    const threaded = onItsThread(SAMPLE, 'sample-threads', 'renmin-ribao-dangjian.epub');
    expect(threaded.equals(await onCallingThread(SAMPLE, 'sample'))).toBe(true);
  });

  it('opens the Traditional Chinese faces from the bytes handed over: the same book', async () => {
    const threaded = onItsThread(ZH_HANT, 'zh-hant-threads', 'zh-hant.epub');
    const own = await onCallingThread(ZH_HANT, 'zh-hant');
    expect(threaded.equals(own)).toBe(true);
    // The Traditional faces are embedded, not the Simplified ones.
    expect(threaded.includes(Buffer.from('fonts/song-tc.ttf'))).toBe(true);
  });

  it('sends a content error back as a ContentError with its message and hint', async () => {
    // The compiled thread (the worker runs JavaScript): what the command line uses.
    const { EpubThread } = (await import(join(ROOT, 'dist/epub-thread.js'))) as typeof import('../../src/epub-thread.js');
    const thread = new EpubThread();
    const empty: Edition = { slug: 'empty', title: '空', language: 'zh-Hans', pages: [] } as unknown as Edition;
    thread.start(empty, fonts, { modified: new Date(Number(EPOCH) * 1000) });
    const error = await thread.book().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ContentError');
    expect((error as ContentError).message).toBe('EPUB: edition "empty" has no articles');
  });
});
