/**
 * `node scripts/wasm.mjs`, run by `npm run compile` before tsc: the line breaker's AssemblyScript
 * (src/linebreak/assembly/) compiled to dist/wasm/total-fit.wasm, which src/linebreak/wasm.ts
 * reads at the first paragraph a process breaks. Why the breaker is WebAssembly: the README,
 * "How it works", line breaking.
 *
 * HarfBuzz's subsetter (harfbuzzjs's wasm build) is copied beside it, to
 * dist/wasm/harfbuzz-subset.wasm (src/export/wasm-files.ts): a build finds it from its own
 * place, as it finds the breaker, where resolving the package's file through Node's module
 * resolution cost the main thread some 4 ms of every build that makes a book.
 *
 * No runtime (the module manages its memory by hand) and no imports (`abort` left out: the code
 * has no assertions), so the module needs nothing from JavaScript to be instantiated.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import asc from 'assemblyscript/asc';

const SOURCE = 'src/linebreak/assembly/total-fit.ts';
const OUT = 'dist/wasm/total-fit.wasm';
const HARFBUZZ = 'harfbuzzjs/dist/harfbuzz-subset.wasm';
const HARFBUZZ_OUT = 'dist/wasm/harfbuzz-subset.wasm';

mkdirSync('dist/wasm', { recursive: true });
const { error, stderr } = await asc.main([SOURCE, '--outFile', OUT, '--optimizeLevel', '3', '--shrinkLevel', '0', '--runtime', 'stub', '--noAssert', '--use', 'abort=', '--initialMemory', '1']);
if (error) {
  process.stderr.write(stderr.toString());
  console.error(`scripts/wasm.mjs: ${SOURCE} did not compile: ${error.message}`);
  process.exit(1);
}
copyFileSync(createRequire(import.meta.url).resolve(HARFBUZZ), HARFBUZZ_OUT);
