/**
 * The EPUB's fonts subset on a thread of their own while the pages are set: the book is
 * started as soon as the edition is read (pipeline.ts), it hands its faces and characters over
 * at once (export/epub/fonts.ts FontSubsetter), and HarfBuzz reads and subsets them — some
 * 0.07 s for the sample's six faces, most of it reading 72 MB of font files — on the other
 * core, deflating each for the zip. What else of the book is known by then (its chapters, nav,
 * cover and photos) is deflated there too. The thread loads HarfBuzz's glue and zlib only
 * (subset-worker.ts), so it is ready in a few hundredths of a second; the whole book on a
 * thread (epub-thread.ts) loads all of banmian and the fonts again first. The bytes are those
 * the calling thread would make.
 *
 * Started before the edition is read (by the launcher before it reads the bundle,
 * early-font-thread.cts, else by the command line before the stages' code loads), the
 * thread first loads ICU's word-break data, which every thread of the process then shares, and
 * checks the photos' JPEG data as the parse meets them (`jpegCheck`, parse/image-check.ts).
 */
import { Worker } from 'node:worker_threads';
import type { Digester, FontSubsetter, SubsetFace } from './export/epub/index.js';
import type { SubsetJob } from './export/epub/harfbuzz.js';
import { ImageFault, type ImageFaultKind } from './parse/image-fault.js';
import type { JpegDataCheck } from './parse/index.js';
import type { LiveThreads } from './live-threads.js';
import { takeEarlyFontThread } from './early-font-thread.cjs';

/** What is asked of the thread. */
type Ask =
  | { readonly kind: 'subset'; readonly jobs: readonly SubsetJob[] }
  | { readonly kind: 'deflate'; readonly data: readonly Uint8Array[] }
  | { readonly kind: 'digest'; readonly parts: readonly (string | Uint8Array)[] }
  | { readonly kind: 'jpeg'; readonly bytes: Uint8Array };

/** What the thread is asked: faces to subset, entries of the zip to deflate, the book identifier's SHA-256, or a JPEG's data to check. */
export type ThreadAsk = { readonly id: number } & Ask;

/** A fault in a JPEG's data, as it crosses between threads (parse/image-fault.ts). */
export interface FaultFound {
  readonly fault: ImageFaultKind;
  readonly reason: string;
  readonly hint?: string;
}

/** What it answers: each face's subset or why not, in job order; the entries deflated; the JPEG's fault or none; or why it could do none of them. */
export type ThreadAnswer = { readonly id: number } & (
  | { readonly kind: 'subset'; readonly faces: ({ readonly ok: true; readonly data: Uint8Array; readonly deflated: Uint8Array } | { readonly ok: false; readonly message: string })[] }
  | { readonly kind: 'deflate'; readonly deflated: Uint8Array[] }
  | { readonly kind: 'digest'; readonly digest: Uint8Array }
  | { readonly kind: 'jpeg'; readonly fault?: FaultFound }
  | { readonly kind: 'failed'; readonly message: string }
);

/** What a book asks of the thread: its entries deflated, its identifier's digest, its faces subset. */
const ASKS_OF_A_BOOK = 3;

export class SubsetThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, { resolve: (answer: ThreadAnswer) => void; reject: (error: Error) => void }>();
  private asked = 0;
  /** Asks of the book (subset, deflate), answered or not. */
  private bookAsks = 0;

  /** `threads`: where the command counts its threads, to end only once they have stopped (live-threads.ts). */
  constructor(private readonly threads?: LiveThreads) {}

  /** The subsetter that hands its jobs to the thread (one book's faces). */
  readonly subsetter: FontSubsetter = async (jobs) => {
    if (jobs.length === 0) return [];
    const answer = await this.ask({ kind: 'subset', jobs });
    if (answer.kind !== 'subset') throw new Error(`the font thread failed: ${answer.kind === 'failed' ? answer.message : answer.kind}`);
    return answer.faces.map((r): SubsetFace | Error => (r.ok ? { data: r.data, deflated: r.deflated } : new Error(r.message)));
  };

  /** The entries deflated on the thread (export/epub/zip.ts deflateEntry). */
  readonly deflater = async (data: readonly Uint8Array[]): Promise<Uint8Array[]> => {
    if (data.length === 0) return [];
    const answer = await this.ask({ kind: 'deflate', data });
    if (answer.kind !== 'deflate') throw new Error(`the font thread failed: ${answer.kind === 'failed' ? answer.message : answer.kind}`);
    return answer.deflated;
  };

  /**
   * The SHA-256 the book's identifier comes from, taken on the thread (export/epub/package-opf.ts
   * digestHere): Node's crypto module is not loaded on the main thread for it.
   */
  readonly digester: Digester = async (parts) => {
    const answer = await this.ask({ kind: 'digest', parts });
    if (answer.kind !== 'digest') throw new Error(`the font thread failed: ${answer.kind === 'failed' ? answer.message : answer.kind}`);
    return answer.digest;
  };

  /**
   * A JPEG's data checked on the thread (parse/jpeg-check.ts), while the edition is read and its
   * pages set: the fault found, or none (parse/image-check.ts ImageChecks).
   */
  readonly jpegCheck: JpegDataCheck = async (bytes) => {
    const answer = await this.ask({ kind: 'jpeg', bytes });
    if (answer.kind !== 'jpeg') throw new Error(`the font thread failed: ${answer.kind === 'failed' ? answer.message : answer.kind}`);
    return answer.fault && new ImageFault(answer.fault.fault, answer.fault.reason, answer.fault.hint);
  };

  /** Start the thread now, before anything is asked of it. */
  start(): this {
    this.started();
    return this;
  }

  /**
   * Let the thread go: its work is done, or not wanted (the pages failed). What is still asked
   * of it fails; a thread started later for a new ask is a new one.
   */
  cancel(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    // Its exit is this cancel, not news for a later thread's asks.
    worker.removeAllListeners();
    void worker.terminate();
    this.failAll(new Error('the font thread was let go before it answered'));
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  /** Post `ask` (the thread is started at the first); its answer. */
  private ask(ask: Ask): Promise<ThreadAnswer> {
    const worker = this.started();
    const id = ++this.asked;
    if (ask.kind !== 'jpeg') this.bookAsks++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...ask } satisfies ThreadAsk);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // The thread the launcher started (early-font-thread.cts), else one of its own.
    const worker = takeEarlyFontThread() ?? new Worker(new URL('./subset-worker.js', import.meta.url));
    this.threads?.add(worker);
    const failAll = (error: Error): void => this.failAll(error);
    worker.on('message', (answer: ThreadAnswer) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      waiter?.resolve(answer);
      // A book asks once for each: with both answered (and the photos checked) the thread
      // goes, and its HarfBuzz memory with it, before the PDF is written.
      if (this.waiting.size === 0 && this.bookAsks >= ASKS_OF_A_BOOK) this.cancel();
    });
    worker.once('error', failAll);
    worker.once('exit', (code) => failAll(new Error(`the font thread stopped (exit ${code}) before it answered`)));
    this.worker = worker;
    return worker;
  }
}
