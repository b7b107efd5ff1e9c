/**
 * pdfkit carries @noble/hashes inside it, and its own bundling left a hasher of every kind made
 * at load with the result thrown away, and SHA-512's round constants parsed as BigInts: some
 * 4 ms of every start, for hashes banmian's PDFs never use (pdfkit's MD5, for the document ID,
 * and its SHA-256 stay). scripts/bundle.mjs takes the throwaway calls out and marks the
 * constants pure, so that esbuild leaves out what nothing uses. tests/cli/bundle-shims.test.ts
 * checks the edit; tests/cli/launch.test.ts that the bundle's files are the modules' own.
 */

/** The hashers pdfkit makes at load and drops. */
export const DROPPED_HASHERS = ['SHA1', 'RIPEMD160', 'SHA224', 'SHA512', 'SHA384', 'SHA512_256', 'SHA512_224'];
/** Constants pdfkit computes at load for the hashes it does not use. */
export const PURE_CONSTANTS = ['K512', 'SHA512_Kh', 'SHA512_Kl', 'Id160', 'Pi160', 'idxLR'];

/** pdfkit.node.mjs without the throwaway hashers, its unused constants marked pure. */
export function withoutUnusedHashes(code) {
  const hashers = new RegExp(`^createHasher\\(\\(\\) => new (${DROPPED_HASHERS.join('|')})\\(\\)\\);$`, 'gm');
  const constants = new RegExp(`^const (${PURE_CONSTANTS.join('|')}) = \\(\\(\\) =>`, 'gm');
  return code.replace(hashers, '').replace(constants, 'const $1 = /* @__PURE__ */ (() =>');
}
