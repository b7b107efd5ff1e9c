/**
 * `node scripts/wasm.mjs`, run by `npm run compile` before tsc: the line breaker's AssemblyScript
 * (src/linebreak/assembly/) compiled to dist/wasm/total-fit.wasm, which src/linebreak/wasm.ts
 * reads at the first paragraph a process breaks, and the JPEG check's one-loop scan decoder
 * (src/parse/assembly/) to dist/wasm/jpeg-scan.wasm, read at the first photo a process checks. Why the breaker is WebAssembly: the README,
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

/** Each AssemblyScript module and the file it is compiled to. */
const MODULES = [
  { source: 'src/linebreak/assembly/total-fit.ts', out: 'dist/wasm/total-fit.wasm' },
  // A photo's JPEG data checked in one loop (src/parse/jpeg-sequential.ts says why).
  { source: 'src/parse/assembly/jpeg-scan.ts', out: 'dist/wasm/jpeg-scan.wasm' },
];
const HARFBUZZ = 'harfbuzzjs/dist/harfbuzz-subset.wasm';
const HARFBUZZ_OUT = 'dist/wasm/harfbuzz-subset.wasm';

mkdirSync('dist/wasm', { recursive: true });
for (const { source, out } of MODULES) {
  const { error, stderr } = await asc.main([source, '--outFile', out, '--optimizeLevel', '3', '--shrinkLevel', '0', '--runtime', 'stub', '--noAssert', '--use', 'abort=', '--initialMemory', '1']);
  if (error) {
    process.stderr.write(stderr.toString());
    console.error(`scripts/wasm.mjs: ${source} did not compile: ${error.message}`);
    process.exit(1);
  }
}
copyFileSync(createRequire(import.meta.url).resolve(HARFBUZZ), HARFBUZZ_OUT);
