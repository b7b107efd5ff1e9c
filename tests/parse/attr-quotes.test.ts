/**
 * A trailing `{.class}` is applied whatever quotes its paragraph holds (src/parse/attr-quotes.ts):
 * an odd number of ASCII `"` used to hide it from markdown-it-attrs, which then printed it.
 */
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../src/model/document.js';
import { plainText } from '../../src/model/index.js';
import { parsePage } from '../../src/parse/index.js';
import { frontMatter } from './helpers.js';

function only(paragraph: string): TextBlock {
  const page = parsePage(`${frontMatter(['a a a a a a a a'])}::: article a\n\n${paragraph}\n\n:::\n`, 'content/11.md', '/tmp');
  const block = page.articles[0].blocks[0];
  if (block.kind !== 'text') throw new Error('not text');
  return block;
}

describe('a trailing {.class} and the quotes of its paragraph', () => {
  it.each([
    ['one ASCII "', '本报记者 "王欣悦 {.byline}', '本报记者 "王欣悦'],
    ['three ASCII "', '他说"好"，又说"行 {.note}', '他说"好"，又说"行'],
    ['a curly “', '本报记者 “王欣悦 {.byline}', '本报记者 “王欣悦'],
    ["one ASCII '", "他说'好 {.signature}", "他说'好"],
    ['two ASCII "', '他说"好" {.lede}', '他说"好"'],
  ])('%s: the class applies, the quotes stay as written', (_name, markdown, text) => {
    const block = only(markdown);
    expect(block.role).not.toBe('paragraph');
    expect(plainText(block.inlines).trim()).toBe(text);
  });
});
