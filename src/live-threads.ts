/**
 * The worker threads one command has started (the font thread, the EPUB thread, page threads),
 * so that the process ends only once every one of them has stopped.
 *
 * Why: a thread is let go with `terminate()` without waiting (its work done, or a build failed),
 * and the command line then calls `process.exit()`. Node tears a thread down and the process
 * down on two threads at once, and a thread still starting or still winding down when the
 * process goes can crash it (nodejs/node#25007, #56312): a build that failed early, its font
 * thread let go mid-work, was once killed by a signal instead of exiting 1. Waiting here costs
 * what is left of a thread's winding down, which mostly overlaps the work after it was let go.
 */
import type { Worker } from 'node:worker_threads';

/** Node sets a worker's `threadId` to this once its thread has exited. */
const EXITED_THREAD_ID = -1;

export class LiveThreads {
  private readonly workers = new Set<Worker>();

  /** Count `worker` until it has stopped; those that have stopped already are forgotten. */
  add<W extends Worker>(worker: W): W {
    for (const known of this.workers) if (known.threadId === EXITED_THREAD_ID) this.workers.delete(known);
    this.workers.add(worker);
    return worker;
  }

  /** How many counted threads have not stopped yet. */
  get running(): number {
    return [...this.workers].filter((w) => w.threadId !== EXITED_THREAD_ID).length;
  }

  /**
   * Stop every thread still running and resolve once each has exited (`terminate()` resolves at
   * the thread's exit, also when it was asked to stop before).
   */
  async stopAll(): Promise<void> {
    const workers = [...this.workers];
    this.workers.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
