import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from '../../src/model/document.js';
import { parsePage } from '../../src/parse/index.js';
import { makeTempDir, removeDir, writeJpeg } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
  writeJpeg(join(dir, 'images', 'dock.jpg'), 6, 4);
});
afterAll(() => removeDir(dir));

const SOURCE = `---
paper: 人民日报
date: 2024-11-24
page: 11
section: 党建
editor: 责任编辑：张三
size: broadsheet
columns: 8
areas:
  - lead lead lead lead lead note note note
  - duty duty duty duty . . . .
rows: [auto, 40%]
---

::: article lead
深度关注·高质量党建① {.series}

江苏省大力推进产业链党建工作—— {.kicker}

# 党建聚合力 发展增动能

副题在此 {.subtitle}

本报记者 沈童睿 {.byline}

高质量发展是新时代的硬道理。 {.note}

——编者 {.signature}

导语段落。 {.lede}

江苏省靖江市，**新时代**造船
有限公司码头, *emphasis*!

## 强组织，建机制——

### 把链上企业党组织聚合起来

> 引语第一段
>
> 引语第二段

![码头](images/dock.jpg "江苏靖江，**新时代**造船码头。") {cols=3}

摄影：某某 {.credit}
:::

::: article note box label=金台潮声
评论正文  
第二行
:::

::: article duty
值班
:::
`;

const text = (t: string) => ({ kind: 'text', text: t }) as const;
const pos = (line: number) => ({ file: 'content/11.md', line });
const block = (role: string, line: number, ...inlines: unknown[]) => ({ kind: 'text', role, inlines, source: pos(line) });

describe('parsePage: a full page', () => {
  it('gives the exact model', () => {
    const page = parsePage(SOURCE, 'content/11.md', dir);
    const expected: Page = {
      source: pos(1),
      paper: '人民日报',
      date: '2024-11-24',
      number: 11,
      section: '党建',
      editor: '责任编辑：张三',
      size: { kind: 'named', name: 'broadsheet' },
      columns: 8,
      areas: [
        ['lead', 'lead', 'lead', 'lead', 'lead', 'note', 'note', 'note'],
        ['duty', 'duty', 'duty', 'duty', '.', '.', '.', '.'],
      ],
      rows: [{ kind: 'auto' }, { kind: 'percent', value: 40 }],
      articles: [
        {
          source: pos(15),
          id: 'lead',
          box: false,
          blocks: [
            block('series', 16, text('深度关注·高质量党建①')),
            block('kicker', 18, text('江苏省大力推进产业链党建工作——')),
            block('headline', 20, text('党建聚合力 发展增动能')),
            block('subtitle', 22, text('副题在此')),
            block('byline', 24, text('本报记者 沈童睿')),
            block('note', 26, text('高质量发展是新时代的硬道理。')),
            block('signature', 28, text('——编者')),
            block('lede', 30, text('导语段落。')),
            block(
              'paragraph',
              32,
              text('江苏省靖江市，'),
              { kind: 'strong', children: [text('新时代')] },
              text('造船有限公司码头, '),
              { kind: 'emphasis', children: [text('emphasis')] },
              text('!'),
            ),
            block('section-head', 35, text('强组织，建机制——')),
            block('section-subhead', 37, text('把链上企业党组织聚合起来')),
            block('pullquote', 39, text('引语第一段')),
            block('pullquote', 41, text('引语第二段')),
            {
              kind: 'figure',
              src: join(dir, 'images', 'dock.jpg'),
              href: 'images/dock.jpg',
              alt: '码头',
              caption: [text('江苏靖江，'), { kind: 'strong', children: [text('新时代')] }, text('造船码头。')],
              cols: 3,
              crop: true,
              pixelWidth: 6,
              pixelHeight: 4,
              source: pos(43),
            },
            block('credit', 45, text('摄影：某某')),
          ] as Page['articles'][number]['blocks'],
        },
        {
          source: pos(48),
          id: 'note',
          box: true,
          label: '金台潮声',
          blocks: [block('paragraph', 49, text('评论正文'), { kind: 'break' }, text('第二行'))] as Page['articles'][number]['blocks'],
        },
        { source: pos(53), id: 'duty', box: false, blocks: [block('paragraph', 54, text('值班'))] as Page['articles'][number]['blocks'] },
      ],
    };
    expect(page).toEqual(expected);
  });

  it('reads a custom size, mm rows, no editor, and defaults rows to auto', () => {
    const source = [
      '---',
      'paper: 人民日报',
      'date: 2024-02-29',
      'page: 3',
      'section: 要闻',
      'size: 350x500mm',
      'columns: 2',
      'areas:',
      '  - a b',
      '  - a b',
      'rows: [120mm, auto]',
      '---',
      '::: article a',
      'x',
      ':::',
      '::: article b',
      'y',
      ':::',
    ].join('\n');
    const page = parsePage(source, 'p.md', dir);
    expect(page.size).toEqual({ kind: 'custom', widthMm: 350, heightMm: 500 });
    expect(page.rows).toEqual([{ kind: 'mm', value: 120 }, { kind: 'auto' }]);
    expect('editor' in page).toBe(false);
    const noRows = parsePage(source.replace('rows: [120mm, auto]\n', ''), 'p.md', dir);
    expect(noRows.rows).toEqual([{ kind: 'auto' }, { kind: 'auto' }]);
    expect(noRows.articles.map((a) => [a.id, a.source.line])).toEqual([
      ['a', 12],
      ['b', 15],
    ]);
  });

  it('accepts CRLF line endings and a byte-order mark with the same line numbers', () => {
    const page = parsePage(`\uFEFF${SOURCE.replace(/\n/g, '\r\n')}`, 'content/11.md', dir);
    expect(page.articles[2].source).toEqual(pos(53));
    expect(page.articles[0].blocks[8]).toMatchObject({ role: 'paragraph', source: pos(32) });
  });

  it('gives a {.class} line after the last paragraph to that paragraph', () => {
    const page = parsePage(
      SOURCE.replace('值班\n:::', '值班\n{.signature}\n:::').replace('评论正文  \n第二行\n', '评论正文\n{.lede}\n\n第二行\n'),
      'content/11.md',
      dir,
    );
    expect(page.articles[1].blocks.map((b) => (b.kind === 'text' ? b.role : b.kind))).toEqual(['lede', 'paragraph']);
    expect(page.articles[2].blocks).toEqual([block('signature', 56, text('值班'))]); // 2 lines added above
  });
});
