/**
 * The EPUB thread's side (epub-thread.ts): open the fonts from the shared bytes, make the book,
 * send it back. Its modules load while the main thread sets the pages.
 */
import { parentPort } from 'node:worker_threads';
import type { EpubAnswer, EpubJob } from './epub-thread.js';
import { compileHarfBuzz, writeEpub } from './export/epub/index.js';
import { fontsForLanguage, loadFontBook } from './fonts/index.js';
import { failureOf } from './thread-failure.js';

// HarfBuzz compiles (off this thread) while the pages are still being set.
const harfbuzz = compileHarfBuzz();
harfbuzz.catch(() => undefined);

async function make(job: EpubJob): Promise<EpubAnswer> {
  try {
    const fonts = fontsForLanguage(loadFontBook(job.fontsDir, { preloaded: job.fontFiles }), job.edition.language);
    const data = await writeEpub(job.edition, fonts, { modified: job.modified, embedFonts: job.embedFonts, harfbuzz });
    return { ok: true, data };
  } catch (err) {
    return { ok: false, ...failureOf(err) };
  }
}

parentPort!.once('message', (job: EpubJob) => {
  void make(job).then((answer) => parentPort!.postMessage(answer));
});
