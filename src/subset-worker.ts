/**
 * The font-subsetting thread's side (subset-thread.ts): HarfBuzz compiled here, each face
 * subset in turn and deflated for the zip, the subsets sent back. It loads HarfBuzz's glue and
 * the zip's deflate, nothing else of banmian.
 */
import { parentPort } from 'node:worker_threads';
import { compileHarfBuzz, Subsetter, subsetJob, type SubsetJob } from './export/epub/harfbuzz.js';
import { deflateEntry } from './export/epub/zip.js';
import type { SubsetAnswer } from './subset-thread.js';

// Compiled while the jobs are on their way.
const harfbuzz = compileHarfBuzz();
harfbuzz.catch(() => undefined);

async function answer(jobs: readonly SubsetJob[]): Promise<SubsetAnswer> {
  const subsetter = await Subsetter.create(harfbuzz);
  return jobs.map((job) => {
    const result = subsetJob(subsetter, job);
    // Deflated for the zip here too: the font files are most of the book's bytes.
    return result instanceof Error ? { ok: false, message: result.message } : { ok: true, data: result, deflated: deflateEntry(result) };
  });
}

parentPort!.once('message', (jobs: readonly SubsetJob[]) => {
  void answer(jobs).then(
    (results) => parentPort!.postMessage(results),
    (err: unknown) => parentPort!.postMessage({ failed: err instanceof Error ? err.message : String(err) }),
  );
});
