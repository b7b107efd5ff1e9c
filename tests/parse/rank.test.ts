/**
 * A story's rank on the container line (`rank=1…4`) and a headline's own size (`{size=一号}`):
 * read into the model, and every mistake a ContentError at file:line with a hint.
 */
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../src/model/document.js';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter } from './helpers.js';

// frontMatter(['a b']) takes lines 1–10: the body below starts on line 11.
const page = (body: string) => parsePage(`${frontMatter(['a b'])}${body}`, 'content/11.md', '/nonexistent');
const B = '::: article b\n乙\n:::\n';

const headline = (body: string): TextBlock => {
  const block = page(body).articles[0].blocks.find((b) => b.kind === 'text' && b.role === 'headline');
  if (block?.kind !== 'text') throw new Error('no headline');
  return block;
};

describe('rank= on the container line', () => {
  it('reads 1 to 4, with box and label in any order', () => {
    const articles = page('::: article a rank=2\n甲\n:::\n::: article b box rank=4 label=金台潮声\n乙\n:::\n').articles;
    expect(articles.map(({ id, box, label, rank }) => ({ id, box, label, rank }))).toEqual([
      { id: 'a', box: false, label: undefined, rank: 2 },
      { id: 'b', box: true, label: '金台潮声', rank: 4 },
    ]);
  });

  it('leaves rank out when it is not given (the default rank applies later)', () => {
    expect('rank' in page(`::: article a\n甲\n:::\n${B}`).articles[0]).toBe(false);
  });

  it.each([
    ['rank 0', 'rank=0', /^rank=0 of article "a" is not a rank$/],
    ['rank 5', 'rank=5', /^rank=5 of article "a" is not a rank$/],
    ['a word', 'rank=头条', /^rank=头条 of article "a" is not a rank$/],
    ['a fraction', 'rank=1.5', /^rank=1\.5 of article "a" is not a rank$/],
    ['an empty rank', 'rank=', /^rank= of article "a" is not a rank$/],
  ])('rejects %s', (_what, option, message) => {
    const error = contentError(() => page(`::: article a ${option}\n甲\n:::\n${B}`));
    expect(error.pos).toEqual({ file: 'content/11.md', line: 11 });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/1 \(头条\), 2 \(二条\), 3 \(三条\), 4 \(简讯\)/);
  });

  it('rejects a rank given twice, and names rank= among the known options', () => {
    expect(contentError(() => page(`::: article a rank=1 rank=2\n甲\n:::\n${B}`)).message).toBe('rank is given twice for article "a"');
    expect(contentError(() => page(`::: article a rank\n甲\n:::\n${B}`)).hint).toMatch(/rank=N/);
  });
});

describe('{size=…} on a # headline', () => {
  it('reads a 号 name or points into the headline block', () => {
    expect(headline(`::: article a\n# 党建聚合力 {size=一号}\n\n正文\n:::\n${B}`).size).toBe(26);
    expect(headline(`::: article a\n# 党建聚合力 {size=小初}\n\n正文\n:::\n${B}`).size).toBe(36);
    expect(headline(`::: article a\n# 党建聚合力 {size=28pt}\n\n正文\n:::\n${B}`).size).toBe(28);
  });

  it('keeps the text without the attribute, and has no size without it', () => {
    const head = headline(`::: article a\n# 党建聚合力 发展增动能 {size=二号}\n\n正文\n:::\n${B}`);
    expect(head.inlines).toEqual([{ kind: 'text', text: '党建聚合力 发展增动能' }]);
    expect('size' in headline(`::: article a\n# 党建聚合力\n\n正文\n:::\n${B}`)).toBe(false);
  });

  it.each([
    // [what, heading line, message, hint]
    ['an unknown 号', '# 主题 {size=大号}', /^\{size=大号\} is not a type size$/, /初号 小初 一号 .* 小六.*28pt/],
    ['millimetres', '# 主题 {size=10mm}', /^\{size=10mm\} is not a type size$/, /28pt/],
    ['a bare number', '# 主题 {size=28}', /^\{size=28\} is not a type size$/, /28pt/],
    ['a size too small', '# 主题 {size=5pt}', /^\{size=5pt\} is not a headline size$/, /7\.5 to 84 pt/],
    ['a size too large', '# 主题 {size=360pt}', /^\{size=360pt\} is not a headline size$/, /7\.5 to 84 pt/],
    ['a class', '# 主题 {.kicker}', /^\{\.kicker\} on a headline$/, /takes only \{size=…\}/],
    ['two attributes', '# 主题 {size=一号 cols=2}', /^\{size=一号 cols=2\} on a headline$/, /takes only \{size=…\}/],
  ])('rejects %s', (_what, heading, message, hint) => {
    const error = contentError(() => page(`::: article a\n正文\n\n${heading}\n:::\n${B}`));
    expect(error.pos).toEqual({ file: 'content/11.md', line: 14 });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
    expect(error.format()).toMatch(/^content\/11\.md:14: /);
  });

  it('is for the headline only: a section head still takes no {…}', () => {
    const error = contentError(() => page(`::: article a\n## 小标题 {size=一号}\n:::\n${B}`));
    expect(error.message).toBe('{size=一号} on a heading');
    expect(error.hint).toMatch(/section heading takes no/);
  });
});
