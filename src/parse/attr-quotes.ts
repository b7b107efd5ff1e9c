/**
 * markdown-it-attrs reads a trailing `{.class}` only outside double-quoted values, and it counts
 * the paragraph's own ASCII `"` as quotes: a byline with one `"` (本报记者 "王欣悦 {.byline})
 * hides its `{.byline}`, which is then printed as text. Before the plugin runs, each ASCII `"`
 * of a text token before its last `{` is swapped for a noncharacter (Unicode §23.7: U+FDD0 is
 * for a process's internal use, never interchanged), and swapped back after: the quotes in the
 * copy stay as written, a `{key="a value"}` block keeps its own quotes.
 */
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

const PARKED = '\uFDD0';
/** The core rule markdown-it-attrs adds (markdown-it-attrs/index.js). */
const ATTRS_RULE = 'curly_attributes';

function eachText(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    if (token.type === 'text') visit(token);
    if (token.children) eachText(token.children, visit);
  }
}

export function attrQuotes(md: MarkdownIt): void {
  md.core.ruler.before(ATTRS_RULE, 'park_quotes', (state) => {
    eachText(state.tokens, (token) => {
      const brace = token.content.lastIndexOf('{');
      const head = brace < 0 ? token.content : token.content.slice(0, brace);
      if (head.includes('"')) token.content = head.replaceAll('"', PARKED) + (brace < 0 ? '' : token.content.slice(brace));
    });
    return true;
  });
  md.core.ruler.after(ATTRS_RULE, 'unpark_quotes', (state) => {
    eachText(state.tokens, (token) => {
      if (token.content.includes(PARKED)) token.content = token.content.replaceAll(PARKED, '"');
    });
    return true;
  });
}
