// tiny-inflate's `inflate(source, dest)` (raw DEFLATE, RFC 1951) done by Node's zlib: the same
// bytes. fontkit and unicode-trie inflate their Unicode data when loaded; in JavaScript, cold,
// that took about 29 ms at every start (scripts/bundle.mjs). As tiny-inflate does, the result
// fills `dest` and is `dest`, or a copy of its first part when the data is shorter.
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  if (out.length > dest.length) throw new Error('Data error');
  dest.set(out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};
