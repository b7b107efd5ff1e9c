/**
 * The font thread the launcher starts before the bundle loads (early-font-thread.cts): started
 * for a build of a PDF and an EPUB with fonts on one thread, as the command line's own choice
 * (thread-limits.ts usesFontThread) would start it, and for nothing else; held without keeping
 * the process alive, handed over once, let go when it fails before it is taken, and stopped when
 * the build does not use it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../parse/helpers.js';
import { dropEarlyFontThread, startEarlyFontThread, takeEarlyFontThread, usesEarlyFontThread } from '../../src/early-font-thread.cjs';
import { runKind } from '../../src/run-kind.cjs';
import { usesFontThread } from '../../src/thread-limits.js';
import type { OutputFormat } from '../../src/output-formats.js';

/** Where the launcher holds the thread (early-font-thread.cts). */
const HELD = Symbol.for('banmian.early-font-thread');
const WAIT_MS = 10_000;
const STEP_MS = 20;

const uses = (args: string[]): boolean => usesEarlyFontThread(args, runKind(args));

/** A worker file that answers one message with 'ready', or stops at once with `exitCode`. */
let root: string;
let made = 0;
beforeAll(() => {
  root = makeTempDir('banmian-early-');
});
afterAll(() => removeDir(root));

function workerFile(exitCode?: number): string {
  const file = join(root, `worker-${++made}.cjs`);
  writeFileSync(file, exitCode === undefined ? "require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(`ready ${m}`));" : `process.exit(${exitCode});`);
  return file;
}

describe('which runs start the font thread early', () => {
  it.each([
    [['build', 'content'], true],
    [['build', 'content', '--out', 'output'], true],
    [['build', 'content', '--format', 'pdf,epub'], true],
    [['build', 'content', '-f', 'epub,pdf,svg'], true],
    [['build', 'content', '--threads', '1'], true],
    [['build', 'content', '--threads=1'], true],
    [['build', 'content', '--format', 'pdf'], false],
    [['build', 'content', '--format', 'epub'], false],
    [['build', 'content', '--threads', '2'], false],
    [['build', 'content', '--threads=4'], false],
    [['build', 'content', '--no-epub-fonts'], false],
    [['check', 'content'], false],
    [['preview', 'content'], false],
    [['--version'], false],
  ])('%j: %s', (args, expected) => {
    expect(uses(args)).toBe(expected);
  });

  it('agrees with the command line\'s own choice for every set of formats', () => {
    const lists: OutputFormat[][] = [['pdf'], ['epub'], ['svg'], ['pdf', 'epub'], ['epub', 'svg'], ['pdf', 'svg'], ['pdf', 'epub', 'svg']];
    for (const formats of lists) {
      for (const threads of [1, 2]) {
        for (const epubFonts of [true, false]) {
          const args = ['build', 'content', '--format', formats.join(','), '--threads', String(threads), ...(epubFonts ? [] : ['--no-epub-fonts'])];
          expect(uses(args), args.join(' ')).toBe(usesFontThread({ formats, epubFonts, epubThread: threads > 1 }));
        }
      }
    }
  });
});

describe('the thread started early', () => {
  it('is handed over once, and answers its new owner', async () => {
    startEarlyFontThread(workerFile());
    const worker = takeEarlyFontThread();
    expect(worker).toBeDefined();
    expect(takeEarlyFontThread()).toBeUndefined();
    const answer = new Promise((done) => worker!.once('message', done));
    worker!.postMessage('now');
    expect(await answer).toBe('ready now');
    await worker!.terminate();
  });

  it('is let go when it stops before it is taken: the command line starts its own', async () => {
    startEarlyFontThread(workerFile(3));
    const held = (): unknown => (globalThis as Record<symbol, unknown>)[HELD];
    expect(held()).toBeDefined();
    for (let waited = 0; held() !== undefined && waited < WAIT_MS; waited += STEP_MS) await new Promise((done) => setTimeout(done, STEP_MS));
    expect(takeEarlyFontThread()).toBeUndefined();
  });

  it('is stopped when the build does not use it', async () => {
    startEarlyFontThread(workerFile());
    const held = (globalThis as Record<symbol, { threadId: number }>)[HELD];
    expect(held.threadId).toBeGreaterThan(0);
    expect(typeof (await dropEarlyFontThread())).toBe('number');
    // A worker that has stopped has no thread.
    expect(held.threadId).toBe(-1);
    expect(takeEarlyFontThread()).toBeUndefined();
    expect(dropEarlyFontThread()).toBeUndefined();
  });
});
