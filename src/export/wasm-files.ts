/**
 * Where `npm run compile` puts HarfBuzz's subsetter (scripts/wasm.mjs copies harfbuzzjs's wasm
 * build to dist/wasm/). This module sits two folders under the package, as the bundles do
 * (scripts/bundle.mjs), so the same relative URL finds the file from src/, dist/ and the bundles.
 */
export const HARFBUZZ_SUBSET_WASM = new URL('../../dist/wasm/harfbuzz-subset.wasm', import.meta.url);
