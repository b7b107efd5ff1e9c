/** A table in the e-book: a real <table> with caption, head and body, the source line after it, its rules from the house style. */
import { describe, expect, it } from 'vitest';
import type { Table } from '../../../src/model/document.js';
import { DEFAULT_STYLE } from '../../../src/model/index.js';
import { tableCss } from '../../../src/export/epub/table-css.js';
import { tableXhtml } from '../../../src/export/epub/table.js';

const text = (t: string) => [{ kind: 'text' as const, text: t }];
const SOURCE = { file: 'x.md', line: 1 };

const TABLE: Table = {
  kind: 'table',
  title: text('物价 <指数>'),
  head: { cells: [text('类别'), text('同比%')], source: SOURCE },
  rows: [
    { cells: [[{ kind: 'strong', children: text('食品') }], text('102.0')], source: SOURCE },
    { cells: [text('衣着'), text('99.35')], source: SOURCE },
  ],
  align: ['left', 'decimal'],
  note: text('来源：国家统计局'),
  rowRules: true,
  source: SOURCE,
};

describe('tableXhtml', () => {
  it('writes caption, thead with column heads, tbody rows and the source line, escaping text and recording each role’s glyphs', () => {
    const seen: string[] = [];
    const html = tableXhtml(TABLE, { normalize: (t) => t, glyphs: (role, t) => seen.push(`${role}:${t}`) });
    expect(html).toBe(
      [
        '<table class="table rules-rows">',
        '<caption>物价 &lt;指数&gt;</caption>',
        '<thead>',
        '<tr><th scope="col" class="al-left">类别</th><th scope="col" class="al-decimal">同比%</th></tr>',
        '</thead>',
        '<tbody>',
        '<tr><td class="al-left"><strong>食品</strong></td><td class="al-decimal">102.0</td></tr>',
        '<tr><td class="al-left">衣着</td><td class="al-decimal">99.35</td></tr>',
        '</tbody>',
        '</table>',
        '<p class="table-source">来源：国家统计局</p>',
      ].join('\n'),
    );
    expect(seen).toContain('table-title:物价 <指数>');
    expect(seen).toContain('table-head:类别');
    expect(seen).toContain('strong:食品');
    expect(seen).toContain('caption:来源：国家统计局');
  });

  it('takes the rules of its CSS from the house style', () => {
    const css = tableCss();
    expect(css).toContain(`border-top: ${DEFAULT_STYLE.table.rules.outer}pt solid`);
    expect(css).toContain(`border-bottom: ${DEFAULT_STYLE.table.rules.head}pt solid`);
    expect(css).toContain(`border-top: ${DEFAULT_STYLE.table.rules.row}pt solid`);
  });
});
