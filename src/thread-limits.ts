/** When threads are used and how many (page-threads.ts, subset-thread.ts), shared with the command line and the pipeline without loading the threads' code. */

/** Pages a thread must have to be worth its start (loading the code and opening the fonts). */
export const MIN_PAGES_PER_THREAD = 3;
/** Page threads the command line accepts: more than any machine it runs on has cores. */
export const MAX_THREADS = 64;

/** How many of `asked` threads an edition of `pages` pages is set on: each has enough pages to pay for its start. */
export function pageThreadCount(asked: number, pages: number): number {
  return Math.max(1, Math.min(asked, Math.floor(pages / MIN_PAGES_PER_THREAD)));
}

/** What decides whether a build sets the font thread going (pipeline.ts BuildOptions). */
export interface FontThreadUse {
  readonly formats: readonly string[];
  readonly epubFonts?: boolean;
  /** The whole book on a thread of its own instead (epub-thread.ts). */
  readonly epubThread?: boolean;
}

/** Whether a build subsets the EPUB's fonts on the font thread: an EPUB with its fonts beside a PDF, the book itself not on a thread. */
export function usesFontThread(use: FontThreadUse): boolean {
  return !use.epubThread && use.formats.includes('epub') && use.formats.includes('pdf') && use.epubFonts !== false;
}
