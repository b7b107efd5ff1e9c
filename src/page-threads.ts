/**
 * An edition of more than a few pages set on every core: its pages split into runs, one per
 * thread, the first on the calling thread, the others on worker threads (page-worker.ts) that
 * open the same fonts from the bytes the main thread read. A page is set the same on any
 * thread (page-run.ts), so the files are byte for byte those of a build on one thread. A run
 * holds every page an article jumps to from one of its pages (the pages it jumps between are
 * set together), and the runs are cut where the copy is about evenly shared.
 *
 * Measured on a 2-core machine it does not pay: the 20-page bench edition's pages took 1.7 s
 * on each of two threads against 1.6 s on one. V8 compiles the hot code and collects garbage on
 * the second core; two busy threads leave it none, and each thread warms its code up alone. So
 * the command line sets pages on one thread unless `--threads N` asks for more.
 */
import { Worker } from 'node:worker_threads';
import { mergeReports } from './check/index.js';
import { sharedFontFiles, type FontBook, type FontFileBytes } from './fonts/index.js';
import { continuationPages, plainText, type Edition, type HouseStyle, type Page } from './model/index.js';
import type { LiveThreads } from './live-threads.js';
import { errorOf, failureOf, type ThreadFailure } from './thread-failure.js';
import { RUN_STAGES, setRun, type PageRun, type PageRunResult, type RunStage } from './page-run.js';


/** What a page thread is given. */
export interface PageJob {
  readonly edition: Edition;
  readonly style: HouseStyle;
  readonly strict?: boolean;
  readonly fontsDir: string;
  readonly fontFiles: ReadonlyMap<string, FontFileBytes>;
}

/** What it answers: its run, or the step that failed and why. */
export type PageAnswer =
  | { readonly ok: true; readonly run: PageRun }
  | ({ readonly ok: false; readonly stage: RunStage } & ThreadFailure);

/** The visible length of a page's copy: what setting it costs, roughly. */
function pageWeight(page: Page): number {
  let chars = 1;
  for (const article of page.articles) {
    for (const block of article.blocks) chars += block.kind === 'text' ? plainText(block.inlines).length : block.kind === 'figure' ? plainText(block.caption).length : 0;
  }
  return chars;
}

/**
 * The edition's pages cut into at most `runs` runs of whole pages, each holding every page an
 * article of it jumps to, the copy shared about evenly. Fewer runs when the jumps allow fewer.
 */
export function splitPages(edition: Edition, runs: number): Edition[] {
  const pages = edition.pages;
  // The last page each page's articles go on to.
  const reach = pages.map((page, i) => Math.max(i, ...page.articles.flatMap((article) => continuationPages(pages, page, article.id).map((p) => pages.indexOf(p)))));
  const weights = pages.map(pageWeight);
  const total = weights.reduce((a, b) => a + b, 0);
  const cuts: number[] = [];
  let reached = -1;
  let sum = 0;
  for (let i = 0; i + 1 < pages.length && cuts.length + 1 < runs; i++) {
    sum += weights[i];
    reached = Math.max(reached, reach[i]);
    // A cut after page i: no jump crosses it, and the runs before it hold their share of the copy.
    if (reached <= i && sum >= (total * (cuts.length + 1)) / runs) cuts.push(i + 1);
  }
  const bounds = [0, ...cuts, pages.length];
  return bounds.slice(0, -1).map((from, k) => ({ ...edition, pages: pages.slice(from, bounds[k + 1]) }));
}

export class PageThreads {
  private readonly workers: Worker[];

  /**
   * Start `count` worker threads (their code loads while the edition is parsed), counted in
   * `threads` where the command counts its threads (live-threads.ts).
   */
  constructor(count: number, threads?: LiveThreads) {
    this.workers = Array.from({ length: count }, () => new Worker(new URL('./page-worker.js', import.meta.url)));
    for (const worker of this.workers) threads?.add(worker);
  }

  /**
   * Set and audit the edition's pages on this thread and the workers. The first failure in
   * page order of the earliest step is thrown, as a build on one thread would throw it.
   */
  async set(edition: Edition, fonts: FontBook, style: HouseStyle, strict: boolean | undefined): Promise<PageRun> {
    const runs = splitPages(edition, this.workers.length + 1);
    const fontFiles = sharedFontFiles(fonts.faces.values());
    const answers = runs.slice(1).map((run, k) => this.ask(this.workers[k], { edition: run, style, strict, fontsDir: fonts.dir, fontFiles }));
    // Workers without a run are not needed.
    for (const idle of this.workers.slice(runs.length - 1)) void idle.terminate();
    const own = await setRun(runs[0], fonts, style, strict);
    const results: PageAnswer[] = [fromResult(own), ...(await Promise.all(answers))];
    const failures = results.flatMap((r, run) => (r.ok ? [] : [{ r, run }]));
    if (failures.length > 0) {
      failures.sort((a, b) => RUN_STAGES.indexOf(a.r.stage) - RUN_STAGES.indexOf(b.r.stage) || a.run - b.run);
      const first = failures[0];
      if (first.run === 0 && !own.ok) throw own.error;
      throw errorOf(first.r);
    }
    const done = results.map((r) => (r as Extract<PageAnswer, { ok: true }>).run);
    return {
      rendered: done.flatMap((r) => r.rendered),
      audit: mergeReports(edition.slug, done.map((r) => r.audit)),
      layout: done.flatMap((r) => r.layout),
    };
  }

  /** Stop the workers (their work done, or no longer wanted). */
  cancel(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  private ask(worker: Worker, job: PageJob): Promise<PageAnswer> {
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a page thread stopped (exit ${code}) before it answered`)));
      worker.postMessage(job);
    });
  }
}

function fromResult(result: PageRunResult): PageAnswer {
  if (result.ok) return { ok: true, run: result.run };
  return answerOf(result.stage, result.error);
}

/** A failed step as it crosses threads (thread-failure.ts). */
export function answerOf(stage: RunStage, error: unknown): PageAnswer {
  return { ok: false, stage, ...failureOf(error) };
}
