/** Limits of page threads (page-threads.ts), shared with the command line without loading the stages. */

/** Pages a thread must have to be worth its start (loading the code and opening the fonts). */
export const MIN_PAGES_PER_THREAD = 3;
/** Page threads the command line accepts: more than any machine it runs on has cores. */
export const MAX_THREADS = 64;
