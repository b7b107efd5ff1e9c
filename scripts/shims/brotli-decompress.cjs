// fontkit's Brotli decoder (WOFF2 faces only; 1.4 MB of code and dictionary), loaded at its
// first call (scripts/bundle.mjs) from where fontkit finds it: not from the bundle, whose every
// start would read its half a megabyte for faces banmian's fonts are not. (The package's name
// is a constant so that the bundler leaves the lookup to run time.)
const { createRequire } = require('node:module');

const FONTKIT = 'fontkit';

module.exports = function decompress(...args) {
  return createRequire(require.resolve(FONTKIT))('brotli/decompress.js')(...args);
};
