import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/document.js';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter } from './helpers.js';

/** Inlines of the single paragraph of a one-article page. */
function inlines(markdown: string): readonly Inline[] {
  const page = parsePage(`${frontMatter()}::: article a\n${markdown}\n:::\n`, 'content/11.md', '/nonexistent');
  const [block] = page.articles[0].blocks;
  if (block.kind !== 'text') throw new Error('expected a text block');
  return block.inlines;
}

const text = (t: string): Inline => ({ kind: 'text', text: t });
const strong = (...children: Inline[]): Inline => ({ kind: 'strong', children });
const emphasis = (...children: Inline[]): Inline => ({ kind: 'emphasis', children });

describe('inline content', () => {
  it('nests strong and emphasis', () => {
    expect(inlines('前*强调**粗中**强调*后')).toEqual([
      text('前'),
      emphasis(text('强调'), strong(text('粗中')), text('强调')),
      text('后'),
    ]);
    expect(inlines('***both*** and **bold *em* bold**')).toEqual([
      emphasis(strong(text('both'))),
      text(' and '),
      strong(text('bold '), emphasis(text('em')), text(' bold')),
    ]);
  });

  it('makes **粗体，**后文 strong (CJK-friendly emphasis)', () => {
    expect(inlines('**粗体，**后文')).toEqual([strong(text('粗体，')), text('后文')]);
    expect(inlines('他说*“重要”*的事')).toEqual([text('他说'), emphasis(text('“重要”')), text('的事')]);
  });

  it('joins soft breaks between CJK characters without a space', () => {
    expect(inlines('中\n文')).toEqual([text('中文')]);
    expect(inlines('你好，\n世界。\n下一句')).toEqual([text('你好，世界。下一句')]);
    expect(inlines('他说：“好。”\n然后')).toEqual([text('他说：“好。”然后')]);
  });

  it('keeps a space at soft breaks between Latin words or across scripts', () => {
    expect(inlines('Chinese\ntext')).toEqual([text('Chinese text')]);
    expect(inlines('中文\nEnglish')).toEqual([text('中文 English')]);
    expect(inlines('“quoted”\nword')).toEqual([text('“quoted” word')]);
  });

  it('looks through strong markers at a soft break, and survives **foo**\\nbar', () => {
    expect(inlines('**粗**\n文')).toEqual([strong(text('粗')), text('文')]);
    expect(inlines('**foo**\nbar')).toEqual([strong(text('foo')), text(' bar')]);
  });

  it('turns hard breaks into break inlines', () => {
    expect(inlines('第一行\\\n第二行  \n第三行')).toEqual([
      text('第一行'),
      { kind: 'break' },
      text('第二行'),
      { kind: 'break' },
      text('第三行'),
    ]);
  });

  it('keeps text exactly as written: half-width punctuation, quotes and dashes', () => {
    expect(inlines('中国,人民(好)!"引号"--破折 ... 3.14')).toEqual([text('中国,人民(好)!"引号"--破折 ... 3.14')]);
    expect(inlines('a \\*literal\\* star &amp; \\<b>tag\\</b> x<3')).toEqual([text('a *literal* star & <b>tag</b> x<3')]);
  });

  it('rejects links, inline code, inline photos and attributes on inline text', () => {
    expect(contentError(() => inlines('见[网站](https://example.com)')).format()).toMatch(/^content\/11\.md:12: a link is not part of the content format/);
    expect(contentError(() => inlines('x `code`')).pos).toEqual({ file: 'content/11.md', line: 12 });
    expect(contentError(() => inlines('文字 ![图](a.jpg) 文字')).message).toBe('a photo inside a paragraph is not part of the content format');
    expect(contentError(() => inlines('*强调*{.red} 文字')).message).toMatch(/attributes \{\.red\} on inline text/);
  });
});
