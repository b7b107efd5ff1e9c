/**
 * The EPUB made on a thread of its own while the pages are set on the main one (`--threads 2`
 * or more). The thread starts loading its code as soon as it is made, is handed the edition
 * once parsed, and opens the same faces from the bytes the main thread read (shared memory).
 * On a 2-core machine it does not pay: the sample's build took 1.28 s with it against 1.24 s
 * without (median of 7), and 40 MB more, since V8 compiles and collects garbage on the second
 * core, and the book costs a cold build only some 0.1 s since HarfBuzz is called directly.
 * Its book is byte for byte the one the main thread would make: the same code runs on the same
 * model. A content error there (a face that cannot be subset) comes back as the same
 * ContentError, file and line kept.
 */
import { Worker } from 'node:worker_threads';
import { sharedFontFiles, type FontBook, type FontFileBytes } from './fonts/index.js';
import type { Edition } from './model/index.js';
import type { LiveThreads } from './live-threads.js';
import { errorOf, type ThreadFailure } from './thread-failure.js';

/** What the thread is given: the model as the pages set it, the fonts, the book's options. */
export interface EpubJob {
  readonly edition: Edition;
  readonly fontsDir: string;
  readonly fontFiles: ReadonlyMap<string, FontFileBytes>;
  readonly modified: Date;
  readonly embedFonts?: boolean;
}

/** What the thread answers: the book, or why not. */
export type EpubAnswer =
  | { readonly ok: true; readonly data: Uint8Array }
  | ({ readonly ok: false } & ThreadFailure);

export class EpubThread {
  private readonly worker = new Worker(new URL('./epub-worker.js', import.meta.url));
  private readonly answer: Promise<EpubAnswer>;

  /** `threads`: where the command counts its threads, to end only once they have stopped (live-threads.ts). */
  constructor(threads?: LiveThreads) {
    threads?.add(this.worker);
    this.answer = new Promise((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the EPUB thread stopped (exit ${code}) before it answered`)));
    });
    // Nothing waits on the answer until the book is asked for; a build that fails first cancels.
    this.answer.catch(() => undefined);
  }

  /** Hand over the edition (normalised as the pages were) and the fonts it is set in. */
  start(edition: Edition, fonts: FontBook, options: { modified: Date; embedFonts?: boolean }): void {
    const fontFiles = sharedFontFiles(fonts.faces.values());
    const job: EpubJob = { edition, fontsDir: fonts.dir, fontFiles, ...options };
    this.worker.postMessage(job);
  }

  /** The book, once made. */
  async book(): Promise<Buffer> {
    const answer = await this.answer;
    // Its work done, the thread is let go without waiting for it to wind down (which takes a
    // while once it has held a large wasm memory).
    this.cancel();
    if (answer.ok) return Buffer.from(answer.data.buffer, answer.data.byteOffset, answer.data.byteLength);
    throw errorOf(answer);
  }

  /** Stop the thread: its book is not wanted (the audit refused the pages, or another step failed). */
  cancel(): void {
    void this.worker.terminate();
  }
}
