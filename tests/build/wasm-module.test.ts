/**
 * The WebAssembly modules `npm run compile` makes (src/wasm-module.ts): each compiled from its
 * file, and a missing file named with what to run, not a bare ENOENT.
 */
import { describe, expect, it } from 'vitest';
import { compiledModule } from '../../src/wasm-module.js';

const DIST = new URL('../../dist/wasm/', import.meta.url);

describe('compiledModule', () => {
  it('compiles the breaker\'s and the JPEG check\'s modules, each with its exports', () => {
    const breaker = compiledModule(new URL('total-fit.wasm', DIST), "the line breaker's module", 'src/linebreak/assembly/');
    const jpeg = compiledModule(new URL('jpeg-scan.wasm', DIST), "the JPEG check's module", 'src/parse/assembly/');
    expect(WebAssembly.Module.exports(breaker).map((e) => e.name)).toEqual(expect.arrayContaining(['memory', 'prepare', 'breakParagraph']));
    expect(WebAssembly.Module.exports(jpeg).map((e) => e.name)).toEqual(expect.arrayContaining(['memory', 'reserve', 'decodeSequential']));
  });

  it('says which module is missing and how to make it', () => {
    const missing = new URL('no-such-module.wasm', DIST);
    expect(() => compiledModule(missing, "the JPEG check's module", 'src/parse/assembly/')).toThrow(
      `the JPEG check's module ${missing.pathname} is missing: run \`npm run compile\` (it compiles src/parse/assembly/)`,
    );
  });
});
