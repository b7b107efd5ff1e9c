/**
 * The configured markdown-it instance for page files.
 *
 * Plugins, by name: front matter (`---` YAML at the top), the `::: article` container,
 * `{.class}` / `{cols=N}` attributes (after a table too), CJK-friendly emphasis (`**粗体，**后文`), and our own
 * CJK soft-break rule. Typographer stays off and link destinations are not normalised, so text
 * and image paths reach the model exactly as written.
 */
import MarkdownIt from 'markdown-it';
import type { PluginWithOptions, Token } from 'markdown-it';
import markdownItAttrs from 'markdown-it-attrs';
import { attrQuotes } from './attr-quotes.js';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';
import markdownItContainer from 'markdown-it-container';
import markdownItFrontMatter from 'markdown-it-front-matter';
import { cjkBreaks } from './cjk-breaks.js';

/** Token type of an `::: article` opening line (the container accepts any name: we check it). */
export const CONTAINER_OPEN = 'container_article_open';
export const CONTAINER_CLOSE = 'container_article_close';

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
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
  return md;
}

const md = createMarkdown();

/** Block tokens of a page source (front matter included as a `front_matter` token). */
export function tokenize(source: string): Token[] {
  return md.parse(source, {});
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
