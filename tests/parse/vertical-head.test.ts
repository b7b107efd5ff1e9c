/**
 * A vertical headline (竖题): `# 主题 {.vertical}`, `{.vertical side=left}`, with `{size=…}` or
 * without, read into the model; every mistake a ContentError at file:line with a hint.
 */
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../src/model/document.js';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter } from './helpers.js';

// frontMatter(['a b']) takes lines 1–10: the body below starts on line 11.
const page = (body: string) => parsePage(`${frontMatter(['a b'])}${body}`, 'content/11.md', '/nonexistent');
const B = '::: article b\n乙\n:::\n';

const headline = (heading: string): TextBlock => {
  const block = page(`::: article a\n${heading}\n\n正文\n:::\n${B}`).articles[0].blocks.find((b) => b.kind === 'text' && b.role === 'headline');
  if (block?.kind !== 'text') throw new Error('no headline');
  return block;
};

describe('{.vertical} on a headline', () => {
  it('stands at the right edge by default, at the left with side=left', () => {
    expect(headline('# 走进村庄 听见节气 {.vertical}').vertical).toBe('right');
    expect(headline('# 走进村庄 {.vertical side=left}').vertical).toBe('left');
    expect(headline('# 走进村庄 {.vertical side=right}').vertical).toBe('right');
    expect(headline('# 走进村庄 {.vertical}').inlines).toEqual([{ kind: 'text', text: '走进村庄' }]);
  });

  it('takes {size=…} too, in either order', () => {
    expect(headline('# 走进村庄 {.vertical size=一号}')).toMatchObject({ vertical: 'right', size: 26 });
    expect(headline('# 走进村庄 {size=28pt .vertical side=left}')).toMatchObject({ vertical: 'left', size: 28 });
  });

  it('is absent from a headline set across', () => {
    expect('vertical' in headline('# 走进村庄')).toBe(false);
    expect('vertical' in headline('# 走进村庄 {size=一号}')).toBe(false);
  });

  it.each([
    // [what, heading line, message, hint]
    ['side= without .vertical', '# 主题 {side=left}', /^\{side=left\} on a headline that is not vertical$/, /\{\.vertical side=left\}/],
    ['an unknown side', '# 主题 {.vertical side=top}', /^\{side=top\} is not a side$/, /right \(the default\) or the left/],
    ['another class', '# 主题 {.vertical .kicker}', /^\{\.kicker\} on a headline$/, /takes only \{size=…\}, \{colour=…\} and \{\.vertical\}/],
    ['another attribute', '# 主题 {.vertical cols=2}', /on a headline$/, /takes only \{size=…\}/],
  ])('rejects %s', (_what, heading, message, hint) => {
    const error = contentError(() => page(`::: article a\n正文\n\n${heading}\n:::\n${B}`));
    expect(error.pos).toEqual({ file: 'content/11.md', line: 14 });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it('is for the headline only: a section head takes no {.vertical}', () => {
    const error = contentError(() => page(`::: article a\n## 小标题 {.vertical}\n:::\n${B}`));
    expect(error.message).toBe('{.vertical} on a heading');
  });
});
