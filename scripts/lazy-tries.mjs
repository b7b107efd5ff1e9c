/**
 * unicode-trie's tries that fontkit (its Arabic, Indic and Universal shapers) and
 * unicode-properties (every code point's category, script, combining class…) build as their
 * modules load: base64 decoded and inflated at every start (unicode-properties' module alone took
 * 2.4–3.3 ms of the sample's cold build), for scripts a Chinese page rarely has and for Western
 * words whose layouts the records answer in a rebuild (text/known-layouts.ts). scripts/bundle.mjs
 * has each made at its first lookup instead: every use of them is `trie.get(codePoint)`, and the
 * edit checks that it is. A module that no longer matches stops the bundle rather than run slower.
 * tests/cli/bundle-shims.test.ts checks the edit.
 */

/** `const <name> = new (0, <unicode-trie import>)(<data>);` as parcel writes it in both packages (the data is a base64 string: no `;`). */
const TRIE = /const (\$\w+\$var\$trie) = (new \(0, \$\w+\$unicodetrie\)\([^;]*\));/g;

/** `code` with each trie made at its first `get`; throws unless it holds `expected` of them, each used only through `get`. */
export function withLazyTries(code, expected, file = 'the module') {
  const found = [...code.matchAll(TRIE)];
  if (found.length !== expected) throw new Error(`${file}: expected ${expected} unicode tries made at load, found ${found.length} (the package changed: see scripts/lazy-tries.mjs)`);
  for (const [, name] of found) {
    const uses = code.split(name).length - 1;
    const lookups = code.split(`${name}.get(`).length - 1;
    if (uses !== lookups + 1) throw new Error(`${file}: ${name} is used otherwise than by get() (see scripts/lazy-tries.mjs)`);
  }
  return code.replace(TRIE, (_, name, make) => `let ${name}Made;\nconst ${name} = { get: (codePoint) => (${name}Made ??= ${make}).get(codePoint) };`);
}
