/**
 * The font thread's side (subset-thread.ts): HarfBuzz compiled here, each face subset in turn
 * and deflated for the zip, and entries of the zip deflated as asked. It loads HarfBuzz's glue
 * and the zip's deflate, nothing else of banmian.
 */
import { parentPort } from 'node:worker_threads';
import { compileHarfBuzz, Subsetter, subsetJob, type SubsetJob } from './export/epub/harfbuzz.js';
import { deflateEntry } from './export/epub/zip.js';
import type { ThreadAnswer, ThreadAsk } from './subset-thread.js';

// Compiled while the jobs are on their way.
const harfbuzz = compileHarfBuzz();
harfbuzz.catch(() => undefined);

async function subsetFaces(jobs: readonly SubsetJob[]): Promise<Extract<ThreadAnswer, { kind: 'subset' }>['faces']> {
  const subsetter = await Subsetter.create(harfbuzz);
  return jobs.map((job) => {
    const result = subsetJob(subsetter, job);
    // Deflated for the zip here too: the font files are most of the book's bytes.
    return result instanceof Error ? { ok: false, message: result.message } : { ok: true, data: result, deflated: deflateEntry(result) };
  });
}

async function answer(ask: ThreadAsk): Promise<ThreadAnswer> {
  try {
    if (ask.kind === 'deflate') return { id: ask.id, kind: 'deflate', deflated: ask.data.map((data) => deflateEntry(data)) };
    return { id: ask.id, kind: 'subset', faces: await subsetFaces(ask.jobs) };
  } catch (err) {
    return { id: ask.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

parentPort!.on('message', (ask: ThreadAsk) => {
  void answer(ask).then((a) => parentPort!.postMessage(a));
});
