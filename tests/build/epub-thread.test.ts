/**
 * The EPUB made on its own thread (the command line's builds of PDF and EPUB) is byte for byte
 * the book the calling thread makes (a library build, or `--format epub` alone), in Simplified
 * and in Traditional Chinese (the language's faces handed over too); and what goes wrong there
 * comes back as the error it is.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/index.js';
import { ContentError, type Edition } from '../../src/model/index.js';
import { buildEdition } from '../../src/pipeline.js';
import { EPOCH, SAMPLE, sharedBuild, ZH_HANT } from '../helpers/runs.js';
import { ROOT } from '../helpers/tools.js';

const tmp = mkdtempSync(join(tmpdir(), 'banmian-epub-thread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fonts = loadFontBook();

async function onCallingThread(dir: string, out: string): Promise<Buffer> {
  const result = await buildEdition(dir, { outDir: join(tmp, out), formats: ['pdf', 'epub'], sourceDateEpoch: Number(EPOCH) }, fonts);
  return readFileSync(result.files.find((f) => f.endsWith('.epub'))!);
}

describe('the EPUB thread', () => {
  it('makes the sample’s book byte for byte as the calling thread does', async () => {
    const run = await sharedBuild('sample');
    expect(run.status, run.stderr).toBe(0);
    const threaded = readFileSync(join(run.out, 'renmin-ribao-dangjian.epub'));
    expect(threaded.equals(await onCallingThread(SAMPLE, 'sample'))).toBe(true);
  });

  it('opens the Traditional Chinese faces from the bytes handed over: the same book', async () => {
    const run = await sharedBuild('zhHant');
    expect(run.status, run.stderr).toBe(0);
    const threaded = readFileSync(join(run.out, 'zh-hant.epub'));
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
