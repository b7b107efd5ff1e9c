/**
 * The font thread (subset-thread.ts) started by the launcher, before it reads the bundle and its
 * code cache, for a build that will use it: a PDF and an EPUB with fonts on one thread. A worker
 * thread's own start (Node's bootstrap, some 50 ms of internal modules, then ICU's word-break
 * data: subset-worker.ts) then runs on the second core while the main thread reads, deserialises
 * and runs the bundle, instead of after it. The command line takes it over at its first ask
 * (`takeEarlyFontThread`), or lets it go when the build turns out not to use it.
 *
 * Read from the arguments as given, like the code cache's kind (run-kind.cts): a build this does
 * not recognise as one that uses the thread only starts its thread later, as before.
 *
 * The launcher and the bundle are separate code, so the thread is handed over through a global
 * under a registered symbol. CommonJS, like the launcher, which uses it.
 */
import type { Worker } from 'node:worker_threads';
import { BUILD_KIND, optionValue } from './run-kind.cjs';

const HELD = Symbol.for('banmian.early-font-thread');
const THREADS_OPTION = '--threads';
const NO_EPUB_FONTS = '--no-epub-fonts';
/** The formats the font thread serves, both made (thread-limits.ts usesFontThread). */
const THREAD_FORMATS = ['epub', 'pdf'] as const;

interface Holder {
  [HELD]?: Worker;
}

const holder = globalThis as Holder;

/**
 * Whether `banmian ARGS` (`args`: process.argv after the script; `kind`: its run-kind.cts kind)
 * is a build that uses the font thread: a PDF and an EPUB with its fonts, on one thread.
 */
export function usesEarlyFontThread(args: readonly string[], kind: string): boolean {
  // A build of the default formats (output-formats.ts DEFAULT_FORMATS) makes a PDF and an EPUB.
  const formats = kind === BUILD_KIND ? THREAD_FORMATS : kind.startsWith(`${BUILD_KIND}-`) ? kind.slice(BUILD_KIND.length + 1).split('+') : [];
  if (!THREAD_FORMATS.every((format) => formats.includes(format))) return false;
  const threads = optionValue(args, THREADS_OPTION);
  return (threads === undefined || threads === '1') && !args.includes(NO_EPUB_FONTS);
}

/**
 * Start the font thread from `file` (the bundle's subset-worker.js) and hold it for the command
 * line. Held, it keeps no process alive; one that fails or stops before it is taken is let go,
 * and the command line starts its own.
 */
export function startEarlyFontThread(file: string): void {
  const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new WorkerThread(file);
  worker.unref();
  const letGo = (): void => {
    if (holder[HELD] === worker) delete holder[HELD];
  };
  worker.once('error', letGo);
  worker.once('exit', letGo);
  holder[HELD] = worker;
}

/** The font thread the launcher started, now the caller's (it keeps the process alive again), or undefined. */
export function takeEarlyFontThread(): Worker | undefined {
  const worker = holder[HELD];
  delete holder[HELD];
  worker?.removeAllListeners();
  worker?.ref();
  return worker;
}

/** Stop the font thread the launcher started, if nobody took it (the build does not use it): its exit code once stopped. */
export function dropEarlyFontThread(): Promise<number> | undefined {
  return takeEarlyFontThread()?.terminate();
}
