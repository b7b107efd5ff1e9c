// pdfkit's AES (for encrypted PDFs, which banmian never writes), loaded at its first call:
// @noble/ciphers builds its tables when loaded, 12 ms at every start (scripts/bundle.mjs).
exports.cbc = (...args) => require('@noble/ciphers/aes').cbc(...args);
exports.ecb = (...args) => require('@noble/ciphers/aes').ecb(...args);
