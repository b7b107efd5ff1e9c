/**
 * Content format 1.1: lists and the 导读 index list, blocks of briefs, notes, and what is refused
 * (raw HTML by name, at its line; HTML comments print nothing).
 */
import { describe, expect, it } from 'vitest';
import type { Block, Inline, TextBlock } from '../../src/model/document.js';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter } from './helpers.js';

// frontMatter(['a']) takes lines 1–10: the body below starts on line 11, the article's first block on line 12.
const page = (body: string, areas = ['a']) => parsePage(`${frontMatter(areas)}${body}`, 'content/11.md', '/nonexistent');
const blocksOf = (inner: string, container = '::: article a'): readonly Block[] => page(`${container}\n${inner}\n:::\n`).articles[0].blocks;
const texts = (blocks: readonly Block[]): TextBlock[] => blocks.filter((b): b is TextBlock => b.kind === 'text');
const text = (t: string): Inline => ({ kind: 'text', text: t });

describe('lists', () => {
  it('a bulleted list gives one list-item block per item, at its line', () => {
    const items = texts(blocksOf('正文\n\n- 甲\n- 乙\n- 丙'));
    expect(items.map((b) => [b.role, b.source.line, b.list?.kind, b.list?.number])).toEqual([
      ['paragraph', 12, undefined, undefined],
      ['list-item', 14, 'bullet', 1],
      ['list-item', 15, 'bullet', 2],
      ['list-item', 16, 'bullet', 3],
    ]);
  });

  it('a numbered list keeps its start; two lists of an article are told apart', () => {
    const items = texts(blocksOf('3. 甲\n4. 乙\n\n段落\n\n1. 丙')).filter((b) => b.role === 'list-item');
    expect(items.map((b) => [b.list?.kind, b.list?.list, b.list?.number, b.list?.start, b.list?.highest])).toEqual([
      ['ordered', 0, 3, 3, 4],
      ['ordered', 0, 4, 3, 4],
      ['ordered', 1, 1, 1, 1],
    ]);
  });

  it('a list whose every item ends in a page reference is an index list (导读): the reference is split off, typed dots dropped', () => {
    const items = texts(blocksOf('- 产业链党建聚合力 第2版\n- 评论：让数据多跑路……12版\n- **要闻** 冬季供暖第 8 版'));
    expect(items.map((b) => [b.list?.kind, b.list?.ref, b.inlines])).toEqual([
      ['index', '第2版', [text('产业链党建聚合力')]],
      ['index', '12版', [text('评论：让数据多跑路')]],
      ['index', '第 8 版', [{ kind: 'strong', children: [text('要闻')] }, text(' 冬季供暖')]],
    ]);
  });

  it('a list with one item without a page reference stays a bulleted list, whole', () => {
    const items = texts(blocksOf('- 产业链党建 第2版\n- 没有版次的一条'));
    expect(items.map((b) => [b.list?.kind, b.list?.ref, b.inlines])).toEqual([
      ['bullet', undefined, [text('产业链党建 第2版')]],
      ['bullet', undefined, [text('没有版次的一条')]],
    ]);
  });

  it.each([
    ['a list inside a list', '- 一\n  - 二', 13, /^a list inside a list item/, /one level/],
    ['an item of two paragraphs', '- 一\n\n  又一段\n- 二', 12, /^a list item holds one paragraph$/, /one paragraph an item/],
    ['an empty item', '- 一\n-\n- 二', 13, /^an empty list item$/, /write its text/],
    ['attributes on a list', '- 一\n- 二\n{.index}', 12, /^a \{…\} on a list/, /index list by itself/],
    ['an index item without its page', '- 产业链党建 第2版\n- 激活力量 第3版\n- 老街区留住烟火气', 14, /^this item has no page reference, but 2 of the list's 3 items end in one/, /end it with its page, e\.g\. 第3版/],
  ])('refuses %s', (_what, inner, line, message, hint) => {
    const error = contentError(() => blocksOf(inner));
    expect(error.pos).toEqual({ file: 'content/11.md', line });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });
});

describe('blocks of briefs', () => {
  it('`briefs` on the container: paragraphs opening with bold are briefs, set at rank 4 unless told', () => {
    const p = page('::: article a briefs\n# 本市快讯\n\n**地铁试运行** 本报讯　十二号线今日试运行。\n\n**菜价平稳** 蔬菜均价持平。\n\n另起一段，没有小标题。\n:::\n');
    const [article] = p.articles;
    expect(article.briefs).toBe(true);
    expect(article.rank).toBe(4);
    expect(texts(article.blocks).map((b) => b.role)).toEqual(['headline', 'brief', 'brief', 'paragraph']);
    expect(page('::: article a briefs rank=3\n**甲** 乙\n:::\n').articles[0].rank).toBe(3);
  });

  it('without `briefs`, a paragraph opening with bold is a paragraph', () => {
    expect(texts(blocksOf('**地铁试运行** 本报讯。')).map((b) => b.role)).toEqual(['paragraph']);
  });

  it('refuses `briefs` twice', () => {
    expect(contentError(() => blocksOf('甲', '::: article a briefs briefs')).message).toBe('"briefs" is given twice for article "a"');
  });
});

describe('notes', () => {
  it('markers become numbers in the order of first reference; the notes follow the article, numbered, at their lines', () => {
    const blocks = texts(blocksOf('甲[^b]乙[^a]丙[^b]。\n\n[^a]: 注一。\n[^b]: 注二。'));
    expect(blocks[0].inlines).toEqual([text('甲'), { kind: 'noteref', number: 1 }, text('乙'), { kind: 'noteref', number: 2 }, text('丙'), { kind: 'noteref', number: 1 }, text('。')]);
    expect(blocks.slice(1).map((b) => [b.role, b.note, b.inlines, b.source.line])).toEqual([
      ['footnote', { number: 1, label: 'b' }, [text('注二。')], 15],
      ['footnote', { number: 2, label: 'a' }, [text('注一。')], 14],
    ]);
  });

  it('each article numbers its own notes from 1; a definition may stand at the end of the page', () => {
    const p = page('::: article a\n甲[^1]\n:::\n::: article b\n乙[^2]\n:::\n\n[^1]: 一。\n[^2]: 二。\n', ['a b']);
    expect(p.articles.map((a) => texts(a.blocks).map((b) => b.note?.number ?? 0))).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it.each([
    ['a marker with no note', '甲[^1]乙。', 12, /^note marker \[\^1\] has no note$/, /\[\^1\]: 注释文字/],
    ['a note never referred to', '甲。\n\n[^x]: 注。', 14, /^note \[\^x\] is never referred to$/, /put its marker \[\^x\]/],
    ['a note written twice', '甲[^1]。\n\n[^1]: 一。\n\n[^1]: 二。', 16, /^note \[\^1\] is written twice \(first on line 14\)$/, /its own label/],
    ['a note of two paragraphs', '甲[^1]。\n\n[^1]: 一。\n\n    又一段。', 14, /^note \[\^1\] holds more than one paragraph$/, /one paragraph/],
    ['a marker inside a note', '甲[^1]。\n\n[^1]: 一[^2]。\n\n[^2]: 二。', 14, /^a note marker here is not part/, /not in a caption or inside a note/],
  ])('refuses %s', (_what, inner, line, message, hint) => {
    const error = contentError(() => blocksOf(inner));
    expect(error.pos).toEqual({ file: 'content/11.md', line });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it('refuses a note referred to from two articles', () => {
    const error = contentError(() => page('::: article a\n甲[^1]\n:::\n::: article b\n乙[^1]\n:::\n\n[^1]: 一。\n', ['a b']));
    expect(error.message).toBe('note [^1] is referred to from article "a" and from article "b"');
    expect(error.pos?.line).toBe(18);
  });
});

describe('what is refused: raw HTML, by name, at its line', () => {
  it.each([
    ['<b>', '一行\n第二行有<b>粗</b>字', 13, /^the HTML tag <b> is not part of the content format/, /\*\*bold\*\*/],
    ['<br>', '第一行<br>第二行', 12, /<br>/, /backslash/],
    ['<table> as a block', '正文\n\n<table>\n<tr><td>1</td></tr>\n</table>', 14, /<table>/, /pipe table/],
    ['<div>', '<div>正文</div>', 12, /<div>/, /blank line/],
    ['<sup>', '甲<sup>1</sup>', 12, /<sup>/, /\[\^1\]/],
    ['an unknown tag', '甲<blink>乙</blink>', 12, /<blink>/, /write \\</],
  ])('refuses %s', (_what, inner, line, message, hint) => {
    const error = contentError(() => blocksOf(inner));
    expect(error.pos).toEqual({ file: 'content/11.md', line });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it('HTML comments print nothing: between articles, between paragraphs, inside a paragraph', () => {
    const p = page('<!-- 本版责任编辑：王五 -->\n\n::: article a\n<!-- 待核实 -->\n\n甲<!-- 注 -->乙\n\n<!--\n多行\n-->\n:::\n');
    expect(texts(p.articles[0].blocks).map((b) => b.inlines)).toEqual([[text('甲乙')]]);
  });
});
