/** Limits of page threads (page-threads.ts), shared with the command line and the pipeline without loading the threads' code. */

/** Pages a thread must have to be worth its start (loading the code and opening the fonts). */
export const MIN_PAGES_PER_THREAD = 3;
/** Page threads the command line accepts: more than any machine it runs on has cores. */
export const MAX_THREADS = 64;

/** How many of `asked` threads an edition of `pages` pages is set on: each has enough pages to pay for its start. */
export function pageThreadCount(asked: number, pages: number): number {
  return Math.max(1, Math.min(asked, Math.floor(pages / MIN_PAGES_PER_THREAD)));
}
