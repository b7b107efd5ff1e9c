import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter } from './helpers.js';

// frontMatter(['a b']) takes lines 1–10: the body below starts on line 11.
const page = (body: string, areas = ['a b']) => parsePage(`${frontMatter(areas)}${body}`, 'content/11.md', '/nonexistent');

const B = '::: article b\n乙\n:::\n';

describe('articles', () => {
  it('reads the container line: id, box, label (quoted with a space too)', () => {
    const articles = page('::: article a box label=金台潮声\n甲\n:::\n::: article b label="金台 潮声"\n乙\n:::\n').articles;
    expect(articles.map(({ id, box, label, source }) => ({ id, box, label, line: source.line }))).toEqual([
      { id: 'a', box: true, label: '金台潮声', line: 11 },
      { id: 'b', box: false, label: '金台 潮声', line: 14 },
    ]);
    expect('label' in page(`::: article a\n甲\n:::\n${B}`).articles[0]).toBe(false);
  });

  it('leaves ids in areas that are not on the page to parseEdition (jumps)', () => {
    const p = page(`::: article a\n甲\n:::\n`, ['a prev']);
    expect(p.areas).toEqual([['a', 'prev']]);
    expect(p.articles.map((a) => a.id)).toEqual(['a']);
  });

  it('allows blank lines and extra colons around containers', () => {
    const p = page(`\n\n:::: article a\n\n甲\n\n::::\n\n${B}\n`);
    expect(p.articles.map((a) => [a.id, a.source.line, a.blocks[0].source.line])).toEqual([
      ['a', 13, 15],
      ['b', 19, 20],
    ]);
  });

  it.each([
    // [what, body, line, message, hint]
    ['text before the first article', `前言\n\n::: article a\n甲\n:::\n${B}`, 11, /^text outside any article$/, /::: article ID/],
    ['text between articles', `::: article a\n甲\n:::\n\n漏掉的段落\n\n${B}`, 15, /^text outside any article$/, /a line `:::` after it/],
    ['a heading outside', `# 标题\n::: article a\n甲\n:::\n${B}`, 11, /^text outside any article$/, /::: article ID/],
    ['a stray :::', `::: article a\n甲\n:::\n:::\n${B}`, 14, /^a closing ::: with no open article$/, /remove this :::/],
    ['an unclosed article', `::: article a\n甲\n:::\n::: article b\n乙\n`, 14, /^article "b" is not closed$/, /line ::: after its last paragraph/],
    ['an article inside another', `::: article a\n甲\n\n::: article b\n乙\n:::\n`, 14, /article starts inside article "a", which is not closed/, /end article "a" with a line :::/],
    ['an unknown container', `::: sidebar a\n甲\n:::\n${B}`, 11, /^unknown container `::: sidebar`$/, /::: article ID.*::: band ID/],
    ['an article without id', `::: article\n甲\n:::\n${B}`, 11, /^the article has no id$/, /::: article lead/],
    ['an id with _', `::: article a_1\n甲\n:::\n${B}`, 11, /^invalid article id "a_1"$/, /letters, digits and "-"/],
    ['an id with Han characters', `::: article 头条\n甲\n:::\n${B}`, 11, /^invalid article id "头条"$/, /letters, digits and "-"/],
    ['an unknown option', `::: article a wide\n甲\n:::\n${B}`, 11, /^unknown option "wide" on article "a"$/, /box.*label=/],
    ['an empty label', `::: article a label=\n甲\n:::\n${B}`, 11, /^empty label for article "a"$/, /label=栏目名/],
    ['an unreadable container line', `::: article a label="金台\n甲\n:::\n${B}`, 11, /^cannot read the container line/, /::: article ID/],
    ['a second headline', `::: article a\n# 主题\n\n正文\n\n# 又一个主题\n:::\n${B}`, 16, /^article "a" has a second headline \(the first is on line 12\)$/, /use ## for a section head/],
    ['a level-4 heading', `::: article a\n#### 小小标题\n:::\n${B}`, 12, /level-4 heading is not part/, /## and ###/],
    ['a class on a heading', `::: article a\n## 小标题 {.kicker}\n:::\n${B}`, 12, /^\{\.kicker\} on a heading$/, /takes no/],
    ['an unknown class', `::: article a\n正文\n\n说明 {.caption}\n:::\n${B}`, 14, /^unknown class \{\.caption\}$/, /known classes: \{\.series\} \{\.kicker\} \{\.subtitle\} \{\.byline\} \{\.note\} \{\.signature\} \{\.lede\} \{\.credit\}/],
    ['two classes', `::: article a\n说明 {.note .byline}\n:::\n${B}`, 12, /^\{\.note \.byline\} is not a paragraph role$/, /one role/],
    ['an id attribute', `::: article a\n说明 {#x}\n:::\n${B}`, 12, /^\{id=x\} is not a paragraph role$/, /one role/],
    ['a class on a pull quote', `::: article a\n> 引语 {.lede}\n:::\n${B}`, 12, /on a pull quote/, /always a pull quote/],
    ['a heading in a pull quote', `::: article a\n> ## 引语\n:::\n${B}`, 12, /pull quote \(>\) holds only paragraphs/, /lines starting with >/],
    ['a list inside a list', `::: article a\n正文\n\n- 一\n  - 二\n:::\n${B}`, 15, /^a list inside a list item is not part of the content format$/, /one level/],
    ['a list item of two paragraphs', `::: article a\n1. 一\n\n   又一段\n:::\n${B}`, 12, /^a list item holds one paragraph$/, /one paragraph an item/],
    ['raw HTML between paragraphs', `::: article a\n正文\n\n<table><tr><td>1</td></tr></table>\n:::\n${B}`, 14, /^the HTML tag <table> is not part of the content format/, /Markdown pipe table/],
    ['a code block', `::: article a\n\`\`\`\ncode\n\`\`\`\n:::\n${B}`, 12, /^a code block is not part/, /paragraphs/],
    ['a rule', `::: article a\n正文\n\n***\n:::\n${B}`, 14, /^a horizontal rule is not part/, /paragraphs/],
    ['an empty article', `::: article a\n:::\n${B}`, 11, /^article "a" is empty$/, /leave its cells as \./],
    ['a {.class} line after a quote', `::: article a\n> 引语\n{.note}\n:::\n${B}`, 13, /^a \{…\} line that belongs to no paragraph$/, /end of the last line of a paragraph/],
    ['a {.class} paragraph of its own', `::: article a\n正文\n\n{.note}\n:::\n${B}`, 14, /^a note with no text$/, /end of the last line of its paragraph/],
    ['an empty headline', `::: article a\n#\n\n正文\n:::\n${B}`, 12, /^a headline with no text$/, /heading text after the #/],
    ['a second article with the same id', `::: article a\n甲\n:::\n::: article a\n乙\n:::\n${B}`, 14, /^a second article "a" \(the first is on line 11\)$/, /its own id/],
    ['an article not in areas', `::: article a\n甲\n:::\n${B}::: article c\n丙\n:::\n`, 17, /^article "c" is not placed in areas$/, /add "c" to areas/],
  ])('rejects %s', (_what, body, line, message, hint) => {
    const error = contentError(() => page(body));
    expect(error.pos).toEqual({ file: 'content/11.md', line });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
    expect(error.format()).toMatch(new RegExp(`^content/11\\.md:${line}: `));
  });
});
