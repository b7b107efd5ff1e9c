// Whether any of markdown-it-attrs' patterns can match at token i (scripts/attrs-prefilter.mjs
// says why the rule asks): one of the two that finish a table's spans starts there, or the token
// or one of the next two holds the left delimiter, where every other pattern looks for it (a
// fence's info, an inline token's content or a child's: `{.kicker}`, `![](a.jpg){cols=3}`).

/** The closing tokens the table patterns start at: they read spans, not delimiters. */
const TABLE_ENDS = new Set(['tr_close', 'tbody_close']);
/** The tokens after i a pattern starting at i reads the delimiter in (a table's, a list's attributes). */
const LOOK_AHEAD = 2;

function holds(token, left) {
  if ((token.info && token.info.includes(left)) || (token.content && token.content.includes(left))) return true;
  const children = token.children;
  if (children) for (let k = 0; k < children.length; k++) if (children[k].content && children[k].content.includes(left)) return true;
  return false;
}

function mayMatch(tokens, i, left) {
  if (TABLE_ENDS.has(tokens[i].type)) return true;
  const last = Math.min(tokens.length - 1, i + LOOK_AHEAD);
  for (let k = i; k <= last; k++) if (holds(tokens[k], left)) return true;
  return false;
}

module.exports = { mayMatch };
