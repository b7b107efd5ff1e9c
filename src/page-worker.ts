/**
 * A page thread's side (page-threads.ts): open the fonts from the shared bytes, set and audit
 * its run of pages, send them back. Its modules load while the main thread parses the edition.
 */
import { parentPort } from 'node:worker_threads';
import { loadFontBook } from './fonts/index.js';
import { setRun } from './page-run.js';
import { answerOf, type PageAnswer, type PageJob } from './page-threads.js';

async function set(job: PageJob): Promise<PageAnswer> {
  let fonts;
  try {
    fonts = loadFontBook(job.fontsDir, { preloaded: job.fontFiles });
  } catch (error) {
    return answerOf('itemize', error);
  }
  const result = await setRun(job.edition, fonts, job.style, job.strict);
  return result.ok ? { ok: true, run: result.run } : answerOf(result.stage, result.error);
}

parentPort!.once('message', (job: PageJob) => {
  void set(job).then((answer) => parentPort!.postMessage(answer));
});
