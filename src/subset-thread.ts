/**
 * The EPUB's fonts subset on a thread of their own while the pages are set: the book is
 * started as soon as the edition is read (pipeline.ts), it hands its faces and characters over
 * at once (export/epub/fonts.ts FontSubsetter), and HarfBuzz reads and subsets them — some
 * 0.07 s for the sample's six faces, most of it reading 72 MB of font files — on the other
 * core. The thread loads HarfBuzz's glue only (subset-worker.ts), so it is ready in a few
 * hundredths of a second; the whole book on a thread (epub-thread.ts) loads all of banmian and
 * the fonts again first. The subsets are the bytes HarfBuzz makes on either thread.
 */
import { Worker } from 'node:worker_threads';
import type { FontSubsetter } from './export/epub/index.js';

/** What the thread answers: each job's subset or why not, in job order; or why it could do none. */
export type SubsetAnswer = ({ readonly ok: true; readonly data: Uint8Array; readonly deflated: Uint8Array } | { readonly ok: false; readonly message: string })[];

export class SubsetThread {
  private worker: Worker | undefined;

  /** The subsetter that hands its jobs to a new thread (one book's faces, once). */
  readonly subsetter: FontSubsetter = (jobs) => {
    if (jobs.length === 0) return Promise.resolve([]);
    const worker = new Worker(new URL('./subset-worker.js', import.meta.url));
    this.worker = worker;
    return new Promise((resolve, reject) => {
      worker.once('message', (answer: SubsetAnswer | { failed: string }) => {
        this.cancel();
        if (!Array.isArray(answer)) reject(new Error(`the font thread failed: ${answer.failed}`));
        else resolve(answer.map((r) => (r.ok ? { data: r.data, deflated: r.deflated } : new Error(r.message))));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the font thread stopped (exit ${code}) before it answered`)));
      worker.postMessage(jobs);
    });
  };

  /** Let the thread go: its work is done, or not wanted (the pages failed). */
  cancel(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
