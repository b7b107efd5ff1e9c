/** Typst's node package, which the bench times where it is installed (typst.ts, typst-run.cts). */
export const TYPST_PACKAGE = '@myriaddreamin/typst-ts-node-compiler';
export const TYPST_VERSION = '0.7.0';
