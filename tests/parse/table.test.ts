import { describe, expect, it } from 'vitest';
import type { Block, Table } from '../../src/model/document.js';
import { plainText } from '../../src/model/index.js';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter } from './helpers.js';

/** Blocks of a one-article page on an 8-column grid; the body starts on line 12. */
function blocks(body: string): readonly Block[] {
  return parsePage(`${frontMatter(['a a a a a a a a'])}::: article a\n${body}\n:::\n`, 'content/11.md', '.').articles[0].blocks;
}

function table(body: string): Table {
  const found = blocks(body).find((b): b is Table => b.kind === 'table');
  if (!found) throw new Error(`no table in ${body}`);
  return found;
}

const cells = (row: { cells: readonly (readonly unknown[])[] }): string[] => row.cells.map((cell) => plainText(cell as Parameters<typeof plainText>[0]));

const PRICES = ['| 类别 | 同比% | 环比 |', '| --- | --- | :-: |', '| 食品烟酒 | 102.0 | 持平 |', '| **衣着** | -0.35 | 上涨 |', '| 居住 | 1,204.5 | 下降 |'].join('\n');

describe('tables', () => {
  it('reads head row, body rows, cells with strong text and the source line of each row', () => {
    const t = table(`正文。\n\n${PRICES}\n`);
    expect(cells(t.head)).toEqual(['类别', '同比%', '环比']);
    expect(t.rows.map(cells)).toEqual([
      ['食品烟酒', '102.0', '持平'],
      ['衣着', '-0.35', '上涨'],
      ['居住', '1,204.5', '下降'],
    ]);
    expect(t.rows[1].cells[0]).toEqual([{ kind: 'strong', children: [{ kind: 'text', text: '衣着' }] }]);
    expect(t.source).toEqual({ file: 'content/11.md', line: 14 });
    expect(t.rows.map((r) => r.source.line)).toEqual([16, 17, 18]);
    expect(t.rowRules).toBe(false);
    expect(t.title).toBeUndefined();
    expect(t.note).toBeUndefined();
  });

  it('aligns a column of figures with no alignment written on the decimal point; written alignment wins', () => {
    expect(table(PRICES).align).toEqual(['left', 'decimal', 'center']);
    const written = table(['| a | b | c | d |', '| :-- | --: | :-: | --- |', '| 1.5 | 2.5 | 3 | 4% |'].join('\n'));
    expect(written.align).toEqual(['left', 'right', 'center', 'decimal']);
    // One cell of text makes a column text; a dash (no figure) does not.
    expect(table(['| a | b |', '| --- | --- |', '| 1 | — |', '| 2 | 三 |'].join('\n')).align).toEqual(['decimal', 'left']);
  });

  it('takes the {.table-title} paragraph before it as its title and the {.source} paragraph after it as its source line', () => {
    const blocksRead = blocks(`居民消费价格分类指数 {.table-title}\n\n${PRICES}\n\n来源：国家统计局 {.source}\n\n后文。`);
    expect(blocksRead.map((b) => b.kind)).toEqual(['table', 'text']);
    const t = blocksRead[0] as Table;
    expect(plainText(t.title ?? [])).toBe('居民消费价格分类指数');
    expect(plainText(t.note ?? [])).toBe('来源：国家统计局');
  });

  it('reads {cols=N} and {rules=rows} from the paragraph after the table, before its source line', () => {
    const t = table(`${PRICES}\n\n{cols=2 rules=rows}\n\n来源：本报 {.source}`);
    expect(t.cols).toBe(2);
    expect(t.rowRules).toBe(true);
    expect(plainText(t.note ?? [])).toBe('来源：本报');
    expect(table(`${PRICES}\n\n{rules=none}`).rowRules).toBe(false);
  });

  it('refuses what a newspaper table does not have, at its line', () => {
    const cases: [string, RegExp][] = [
      [`${PRICES}\n\n{cols=9}`, /\{cols=9\} is not a width between 1 and 8 columns/],
      [`${PRICES}\n\n{rules=all}`, /\{rules=all\} is not rows or none/],
      [`${PRICES}\n\n{.wide}`, /unknown attribute \{\.wide\} on a table/],
      [['| a | b |', '| --- | --- |', '| 1 {colspan=2} | |'].join('\n'), /\{colspan=2\} on a table cell/],
      ['标题 {.table-title}\n\n正文。', /\{\.table-title\} paragraph with no table after it/],
      ['来源：本报 {.source}', /\{\.source\} paragraph that does not follow a table/],
      [['| a | b |', '| --- | --- |', '| 1 | 2 | 3 |'].join('\n'), /a row of 3 cells under a head row of 2/],
    ];
    for (const [body, message] of cases) {
      const error = contentError(() => blocks(body));
      expect(error.message).toMatch(message);
      expect(error.pos?.file).toBe('content/11.md');
      expect(error.pos?.line).toBeGreaterThanOrEqual(11);
      expect(error.hint).toBeTruthy();
    }
  });

  it('refuses a table with more columns than a column of newsprint shows', () => {
    const wide = Array.from({ length: 13 }, (_, i) => `c${i}`);
    const body = [`| ${wide.join(' | ')} |`, `| ${wide.map(() => '---').join(' | ')} |`, `| ${wide.map(() => '1').join(' | ')} |`].join('\n');
    expect(contentError(() => blocks(body)).message).toMatch(/a table of 13 columns/);
  });

  it('takes an escaped \\| as text in a cell, not a cell of its own', () => {
    expect(table(['| a | b |', '| --- | --- |', '| 1 \\| 2 | 3 |'].join('\n')).rows.map(cells)).toEqual([['1 | 2', '3']]);
  });

  it('leaves a line of pipes that is no table (no delimiter row) as text', () => {
    expect(blocks('甲 | 乙 | 丙').map((b) => b.kind)).toEqual(['text']);
  });
});
