/**
 * The V8 tiers a build runs on, set by the command line before any of its code runs (launch.cts
 * sets the same flags before it compiles the bundle: V8 keys a code cache by the flags in force).
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
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode (V8's weighting) a function runs between two profiler ticks; V8's default is 67,584. */
const INTERRUPT_BUDGET = 1_000_000;

/** The flags, in the order they are set. */
const V8_TIER_FLAGS: readonly string[] = ['--liftoff-only', `--interrupt-budget=${INTERRUPT_BUDGET}`];

for (const flag of V8_TIER_FLAGS) setFlagsFromString(flag);
