/**
 * A WebAssembly module that `npm run compile` builds from AssemblyScript into dist/wasm/
 * (scripts/wasm.mjs): the line breaker's (linebreak/wasm.ts) and the JPEG check's
 * (parse/jpeg-sequential.ts). Each is compiled by V8 where it is first needed, and its file found
 * from the module's own place: the same relative URL from src/, dist/ and the bundles.
 */
import { readFileSync } from 'node:fs';

/**
 * The module in `file`, compiled; `what` names it and `source` is the folder of its
 * AssemblyScript, for the error that says how to make a file that is missing.
 */
export function compiledModule(file: URL, what: string, source: string): WebAssembly.Module {
  let bytes: NonSharedBuffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw error;
    throw new Error(`${what} ${file.pathname} is missing: run \`npm run compile\` (it compiles ${source})`);
  }
  return new WebAssembly.Module(bytes);
}
