/**
 * The young generation (V8's new space) held at the size it has when a build begins, instead of
 * doubling as the build keeps what it makes (pages, lines, glyph runs) up to 16 MB a semi-space.
 *
 * Why: what a young generation costs is the memory it first touches. Each semi-space page V8
 * adds is mapped fresh, and a fresh 4 KB page costs some 13 µs to fault in on the bench's
 * machine (a virtual machine; 0.2 µs once touched): the sample's new space (both semi-spaces)
 * grew from 4 to 16 MB while its pages were set, some 2,800 faults, and 20 pages' to 32 MB.
 * Held, the collector runs more often over a space already touched; it copies what lives either
 * way (the pages outlive every scavenge). Nothing a build writes depends on it.
 *
 * V8 doubles the space (`--semi-space-growth-factor`, default 2) when as much has survived its
 * scavenges since the last growth as the space holds; a factor of 1 grows it no more. The flag
 * is read at each growth, so setting it holds the space from then on, with two catches this module
 * answers: V8 sets a factor below 2 back to 2 whenever it makes an isolate's heap (a worker
 * thread's too: `Heap::ConfigureHeap`), so the command line holds it once the font thread it
 * starts early is made (threads a build makes later, its page threads or a later edition's font
 * thread, set it back, and that build's young generation grows as V8 grows it); and a code
 * cache is keyed by the flags in force (launch.cts), so the launcher puts V8's default back
 * before it makes one.
 *
 * CommonJS, like the launcher, which uses it.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's own growth factor of the young generation (flag-definitions.h), put back for the code cache. */
const V8_DEFAULT_GROWTH = 2;
/** No growth: each new capacity is the current one times this. */
const HELD_GROWTH = 1;

/** From now on the young generation grows no more (until a new thread's heap is made). */
export function holdYoungGeneration(): void {
  setFlagsFromString(`--semi-space-growth-factor=${HELD_GROWTH}`);
}

/** The young generation grows as V8 grows it, and the flags are V8's own again (for a code cache). */
export function releaseYoungGeneration(): void {
  setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH}`);
}
