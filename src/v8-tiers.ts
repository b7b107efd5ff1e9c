/**
 * The V8 tiers a build runs on, set by the command line before any of its code runs (launch.cts
 * sets the same flags once it has compiled the bundle, which says why not before).
 * Neither changes what a build writes: code runs the same on every tier.
 *
 * - WebAssembly is compiled by V8's baseline compiler (Liftoff) only. HarfBuzz (the EPUB's font
 *   subsetting, export/epub/harfbuzz.ts) is called a few times, over in a fraction of a second,
 *   where V8's optimising compile of its 2 MB module costs more than it ever saves (the sample's
 *   cold build: about 0.3 s and 30 MB less). The line breaker's 4 KB module
 *   (linebreak/assembly/) runs all through a build, but optimised it was no quicker: 20 pages
 *   1,129 ms against 1,145 ms (5 × 3 runs each, interleaved).
 * - JavaScript is optimised (TurboFan) only once it has run some fifteen times longer than V8
 *   waits by default (`--interrupt-budget`, the bytecode a function runs between two of its
 *   profiler ticks: 66 KB by default). A build is over in a second: by default V8 optimised
 *   hundreds of functions that ran a few times, on the second core the font thread and the
 *   collector want, and in part on the main thread. A function that does most of a build's
 *   work still reaches TurboFan within its first pages. Measured whole processes (interleaved,
 *   medians of 9–11): the sample 0.68 s to 0.55 s, one page 0.41 s to 0.37 s, 20 pages the same
 *   (1.88 s and 1.86 s). With no TurboFan at all (`--no-opt`) one page took 0.34 s but 20 pages 3.4 s.
 * - A long edition runs long enough to repay compiles sooner: from some ten pages of text the
 *   size of the sample's, the command line lowers the budget for that build (`tierForEdition`,
 *   once the bundle is compiled; the launcher puts V8's own flags back before it writes a code
 *   cache). 20 pages took 0.957 of the time at 250,000 (21 rounds interleaved,
 *   per-round median), 10 pages 0.98–1.00 (even), 5 pages 1.05: the compiles cost a short build
 *   more than they spare.
 * - A long edition's functions are optimised with less inlined into them: a function of at most
 *   100 bytes of bytecode, not V8's 460 (`--max-inlined-bytecode-size`). TurboFan compiles on
 *   the second core, which the collector's helpers want too; on the bench's 2-core machine the
 *   20-page build's 123 compiles took 690 ms of that thread, 500 ms inlining less, and a hot
 *   function waits less for its code. 20 pages took 0.977 and 0.983 of the time with the flag
 *   on the command line (17 and 15 rounds interleaved, per-round medians; 50 bytes 0.976, 200
 *   bytes 1.006, no inlining at all 0.976–0.982), 0.983 as set here (21 rounds; 1.001 in a busy
 *   spell); the sample's build (one page and the book) was even (1.003, 21 rounds), so its
 *   start-up flags stay V8's.
 * - A long edition's young generation is collected on the calling thread alone
 *   (`--no-parallel-scavenge`): with one core to spare, a scavenge that shares its copying with
 *   a helper on the other core waits for it, and that core is TurboFan's. 20 pages took 0.994
 *   and 0.991 of the time with the flag on the command line (21 rounds each, interleaved,
 *   per-round medians; 0.957 in a noisier spell, 9 rounds), 0.978 as set here (21 rounds).
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode (V8's weighting) a function runs between two profiler ticks; V8's default is 67,584. */
const INTERRUPT_BUDGET = 1_000_000;
/** Bytes of bytecode of a function TurboFan inlines into another: V8's own default. */
const MAX_INLINED_BYTECODE = 460;

/** The flags, in the order they are set. */
const V8_TIER_FLAGS: readonly string[] = ['--liftoff-only', `--interrupt-budget=${INTERRUPT_BUDGET}`, `--max-inlined-bytecode-size=${MAX_INLINED_BYTECODE}`, '--parallel-scavenge'];

for (const flag of V8_TIER_FLAGS) setFlagsFromString(flag);

/** The interrupt budget of a long edition's build. */
const LONG_EDITION_BUDGET = 250_000;
/** The largest function (bytes of bytecode) TurboFan inlines in a long edition's build. */
const LONG_EDITION_MAX_INLINED_BYTECODE = 100;
/** Bytes of page files (UTF-8) from which an edition is long: some ten pages the size of the sample's (18.9 KB). */
export const LONG_EDITION_TEXT_BYTES = 192 * 1024;

/** The interrupt budget for an edition of `pageTextBytes` bytes of page files. */
export function interruptBudgetFor(pageTextBytes: number): number {
  return pageTextBytes >= LONG_EDITION_TEXT_BYTES ? LONG_EDITION_BUDGET : INTERRUPT_BUDGET;
}

/** The largest function (bytes of bytecode) TurboFan inlines in the build of an edition of `pageTextBytes` bytes of page files. */
export function maxInlinedBytecodeFor(pageTextBytes: number): number {
  return pageTextBytes >= LONG_EDITION_TEXT_BYTES ? LONG_EDITION_MAX_INLINED_BYTECODE : MAX_INLINED_BYTECODE;
}

/** Whether the young generation of the build of an edition of `pageTextBytes` bytes of page files is collected by helpers too. */
export function parallelScavengeFor(pageTextBytes: number): boolean {
  return pageTextBytes < LONG_EDITION_TEXT_BYTES;
}

/**
 * Set V8's interrupt budget (from the function's next profiler tick on), how much TurboFan
 * inlines (from its next compile on) and whether scavenges have helpers (from the next on) for
 * the build of an edition of `pageTextBytes` bytes of page files: the command line, before each
 * edition's build.
 */
export function tierForEdition(pageTextBytes: number): void {
  setFlagsFromString(`--interrupt-budget=${interruptBudgetFor(pageTextBytes)}`);
  setFlagsFromString(`--max-inlined-bytecode-size=${maxInlinedBytecodeFor(pageTextBytes)}`);
  setFlagsFromString(parallelScavengeFor(pageTextBytes) ? '--parallel-scavenge' : '--no-parallel-scavenge');
}
