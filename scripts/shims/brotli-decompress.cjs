// fontkit's Brotli decoder (WOFF2 faces only; 1.4 MB of code and dictionary), loaded at its
// first call (scripts/bundle.mjs).
module.exports = function decompress(...args) {
  return require('brotli/decompress.js')(...args);
};
