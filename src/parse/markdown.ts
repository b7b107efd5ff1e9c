/**
 * The configured markdown-it instance for page files.
 *
 * Plugins, by name: front matter (`---` YAML at the top), the `::: article` container,
 * `{.class}` / `{cols=N}` attributes (after a table too), CJK-friendly emphasis (`**粗体，**后文`), notes
 * (`[^1]` and `[^1]: …`, markdown-it-footnote), GFM pipe tables, and our own CJK soft-break rule. Typographer
 * stays off and link destinations are not normalised, so text and image paths reach the model
 * exactly as written. Raw HTML is recognised (`html: true`) so that it can be refused by name
 * (html.ts), never printed as literal tags.
 */
import MarkdownIt from 'markdown-it';
import type { PluginSimple, PluginWithOptions, StateCore, Token } from 'markdown-it';
import markdownItAttrs from 'markdown-it-attrs';
import { attrQuotes } from './attr-quotes.js';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';
import markdownItContainer from 'markdown-it-container';
import markdownItFootnote from 'markdown-it-footnote';
import markdownItFrontMatter from 'markdown-it-front-matter';
import { cjkBreaks } from './cjk-breaks.js';

/** Token type of an `::: article` opening line (the container accepts any name: we check it). */
export const CONTAINER_OPEN = 'container_article_open';
export const CONTAINER_CLOSE = 'container_article_close';

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // Constructs that are not part of the content format stay literal text.
  md.disable(['strikethrough']);
  // Keep destinations as written: `images/图 1.jpg` must not become `images/%E5%9B%BE%201.jpg`.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  md.validateLink = () => true;

  md.use(markdownItFrontMatter, () => {
    // The front_matter token carries the YAML text; page.ts reads it from there.
  });
  md.use(markdownItContainer, 'article', {
    // Any `::: name`: the container line is checked by container.ts, with a clear error.
    validate: (params: string) => params.trim().length > 0,
  });
  // markdown-it-attrs types itself against the CommonJS markdown-it typings: same plugin, other d.ts.
  const attrs = markdownItAttrs as unknown as PluginWithOptions<{ leftDelimiter: string; rightDelimiter: string }>;
  md.use(attrs, { leftDelimiter: '{', rightDelimiter: '}' });
  md.use(attrQuotes);
  md.use(markdownItCjkFriendly);
  md.use(cjkBreaks);
  // markdown-it-footnote's types, like markdown-it-attrs', are written against the CommonJS typings.
  md.use(markdownItFootnote as unknown as PluginSimple);
  // Inline notes (`^[text]`) are not part of the format: `^[` stays text.
  md.inline.ruler.disable(['footnote_inline']);
  md.core.ruler.before('footnote_tail', 'note_definitions', recordNoteDefinitions);
  return md;
}

/** A note definition (`[^label]: text`) as written: its label and line. */
export interface NoteDefinition {
  readonly label: string;
  /** 1-based line of the definition. */
  readonly line: number;
}

/** What parsing a page leaves in markdown-it's environment about notes. */
export interface NoteEnv {
  footnotes?: { refs?: Record<string, number>; list?: { label?: string; count?: number }[] };
  /** Every definition in source order (a label written twice appears twice). */
  noteDefinitions?: NoteDefinition[];
}

/**
 * Keep each note definition's line before markdown-it-footnote moves the definitions to the
 * end of the token stream (its `footnote_reference_open` tokens carry no line).
 */
function recordNoteDefinitions(state: StateCore): void {
  const env = state.env as NoteEnv;
  const found: NoteDefinition[] = [];
  let line = 1;
  for (const token of state.tokens) {
    if (token.map) line = token.map[0] + 1;
    if (token.type === 'footnote_reference_open') found.push({ label: String(token.meta?.label ?? ''), line: -1 });
    else if (token.map && found.length > 0 && found[found.length - 1].line < 0) found[found.length - 1] = { ...found[found.length - 1], line };
  }
  env.noteDefinitions = found.map((d) => (d.line < 0 ? { ...d, line } : d));
}

const md = createMarkdown();

/** Block tokens of a page source (front matter included as a `front_matter` token), with what the parse found about notes. */
export function tokenize(source: string): { tokens: Token[]; env: NoteEnv } {
  const env: NoteEnv = {};
  const tokens = md.parse(source, env);
  return { tokens, env };
}

/** Inline tokens of a one-line text such as an image title (a figure caption). */
export function tokenizeInline(text: string): Token[] {
  const [inline] = md.parseInline(text, {});
  return inline?.children ?? [];
}

/** Index of the token closing the one opened at `open` (`open` itself for a token that opens nothing). */
export function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i].nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}
