/**
 * WebAssembly is compiled by V8's baseline compiler (Liftoff) only. The one wasm a build runs is
 * HarfBuzz (the EPUB's font subsetting, export/epub/harfbuzz.ts): a few calls, over in a fraction of a
 * second, where V8's optimising compile of its 2 MB module costs more than it ever saves (the
 * sample's cold build: about 0.3 s and 30 MB less). Wasm runs the same on either tier, so the
 * output does not change. Imported first by the command line, before any wasm is compiled.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
