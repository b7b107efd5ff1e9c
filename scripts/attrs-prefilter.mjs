/**
 * markdown-it-attrs runs each of its dozen patterns at every token of a page (its core rule
 * `curlyAttrs`), and most test every child of an inline token: some 2 ms of a page's parse, for
 * attributes that a page writes a dozen times. Every pattern but the two that finish a table's
 * spans needs the left delimiter (`{`) in the token it starts at or one of the next two (a fence's
 * info, an inline token's content or one of its children's); scripts/bundle.mjs has the rule skip
 * a token where none has it (scripts/shims/attrs-prefilter.cjs), which changes no token.
 * tests/cli/bundle-shims.test.ts checks the edit and that pages parse the same.
 */

/** The loop of curlyAttrs over the tokens, as markdown-it-attrs 4.x writes it. */
const TOKEN_LOOP = /^( *)for \(let i = 0; i < tokens\.length; i\+\+\) \{\n/m;

/** markdown-it-attrs' index.js with its rule skipping the tokens no pattern can match at. */
export function withAttrsPrefilter(code, shimPath) {
  const found = code.match(new RegExp(TOKEN_LOOP.source, 'gm')) ?? [];
  if (found.length !== 1) throw new Error(`markdown-it-attrs: expected one loop over the tokens in curlyAttrs, found ${found.length} (the plugin changed: see scripts/attrs-prefilter.mjs)`);
  return code.replace(TOKEN_LOOP, (loop, indent) => `${loop}${indent}  if (!require(${JSON.stringify(shimPath)}).mayMatch(tokens, i, options.leftDelimiter)) continue;\n`);
}
