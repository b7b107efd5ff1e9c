/**
 * The worker threads a command starts are counted, and the command ends only once each has
 * stopped (live-threads.ts): a thread let go mid-work, or still starting, is waited for.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/index.js';
import { LiveThreads } from '../../src/live-threads.js';
import { EPOCH, SAMPLE } from '../helpers/runs.js';
import { ROOT } from '../helpers/tools.js';

const tmp = mkdtempSync(join(tmpdir(), 'banmian-live-threads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A thread that never ends by itself. */
function busyThread(): Worker {
  return new Worker('for (;;) {}', { eval: true });
}

/** LiveThreads that also keep every worker they were given, to look at afterwards. */
class SeenThreads extends LiveThreads {
  readonly seen: Worker[] = [];
  override add<W extends Worker>(worker: W): W {
    this.seen.push(worker);
    return super.add(worker);
  }
}

describe('LiveThreads', () => {
  it('stops every thread it counts and resolves once each has exited', async () => {
    const threads = new LiveThreads();
    const workers = [threads.add(busyThread()), threads.add(busyThread())];
    expect(threads.running).toBe(2);
    await threads.stopAll();
    expect(threads.running).toBe(0);
    expect(workers.map((w) => w.threadId)).toEqual([-1, -1]);
  });

  it('waits for a thread already asked to stop (terminate() not awaited) until it has exited', async () => {
    const threads = new LiveThreads();
    const worker = threads.add(busyThread());
    // As the threads' owners let them go: listeners removed, the termination not waited for.
    worker.removeAllListeners();
    void worker.terminate();
    await threads.stopAll();
    expect(worker.threadId).toBe(-1);
  });

  it('forgets threads that have stopped when a new one is counted', async () => {
    const threads = new LiveThreads();
    const first = threads.add(busyThread());
    await first.terminate();
    threads.add(busyThread());
    expect(threads.running).toBe(1);
    await threads.stopAll();
    expect(threads.running).toBe(0);
  });
});

describe('a build counts the threads it starts', () => {
  const fonts = loadFontBook();

  it('a build refused early counts its font thread, and every counted thread is stopped after', async () => {
    const { buildEdition } = (await import(join(ROOT, 'dist/pipeline.js'))) as typeof import('../../src/pipeline.js');
    const dir = join(tmp, 'broken');
    cpSync(SAMPLE, dir, { recursive: true });
    // A page file whose front matter is not YAML: the build stops while the thread is at work.
    const page = join(dir, '11.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^---\n/, '---\n: : :\n'));
    const threads = new SeenThreads();
    await expect(buildEdition(dir, { outDir: join(tmp, 'out-broken'), formats: ['pdf', 'epub'], sourceDateEpoch: Number(EPOCH), subsetThread: true, threads }, fonts)).rejects.toThrow();
    expect(threads.seen.length).toBe(1);
    await threads.stopAll();
    expect(threads.seen.map((w) => w.threadId)).toEqual([-1]);
  });

  it('a build on two threads counts its page thread and its font thread', async () => {
    const { buildEdition } = (await import(join(ROOT, 'dist/pipeline.js'))) as typeof import('../../src/pipeline.js');
    const { manyPagesEdition } = await import('../../src/bench/editions.js');
    const dir = join(tmp, 'many');
    manyPagesEdition(SAMPLE, dir, 8);
    const threads = new SeenThreads();
    await buildEdition(dir, { outDir: join(tmp, 'out-many'), formats: ['pdf', 'epub'], sourceDateEpoch: Number(EPOCH), subsetThread: true, pageThreads: 2, threads }, fonts);
    expect(threads.seen.length).toBe(2);
    await threads.stopAll();
    expect(threads.running).toBe(0);
  });
});
