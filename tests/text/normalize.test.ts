/**
 * Punctuation normalisation (src/text/normalize.ts): text copied from elsewhere into a Chinese
 * page often carries half-width `, : ; ! ? ( )`, straight quotes and `...`. Next to Han they must be
 * the full-width marks of GB/T 15834-2011 §4 (clreq #categories_and_usage_of_punctuation_marks);
 * Western text must be left alone.
 */
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/index.js';
import { normalizePunctuation } from '../../src/text/normalize.js';
import { styledChars } from '../../src/text/units.js';

const n = normalizePunctuation;

describe('half-width marks next to Han become full-width (GB/T 15834 §4)', () => {
  it('comma before Han', () => {
    expect(n('强组织,建机制——')).toBe('强组织，建机制——');
  });

  it('parentheses around Han', () => {
    expect(n('陈昊(右一)与')).toBe('陈昊（右一）与');
  });

  it('colon in a credit line', () => {
    expect(n('版式设计:沈亦伶')).toBe('版式设计：沈亦伶');
  });

  it('semicolon, exclamation and question marks', () => {
    expect(n('一是强组织;二是建机制')).toBe('一是强组织；二是建机制');
    expect(n('好!')).toBe('好！');
    expect(n('真的吗?')).toBe('真的吗？');
  });

  it('a mark after a full-width mark (not a Han character) is converted too', () => {
    expect(n('他说“好”,然后走了')).toBe('他说“好”，然后走了');
  });

  it('Western text inside Chinese brackets: the brackets that touch Han are converted', () => {
    expect(n('微信(WeChat)用户')).toBe('微信（WeChat）用户');
  });

  it('a Western question ending before Han takes the full-width mark (it stands in Chinese text)', () => {
    expect(n('what?中')).toBe('what？中');
  });

  /**
   * Bug guard: brackets are a pair. `(1)第一条` must not come out as `(1）第一条` with a
   * half-width opening and a full-width closing bracket.
   */
  it('converts a bracket pair together: (1)第一条 → （1）第一条', () => {
    expect(n('(1)第一条')).toBe('（1）第一条');
  });
});

describe('Western text is left alone', () => {
  it('comma, colon, semicolon, ! and ? between Latin words', () => {
    expect(n('Hello, world')).toBe('Hello, world');
    expect(n('Note: see below; really!')).toBe('Note: see below; really!');
    expect(n('Why? Because.')).toBe('Why? Because.');
    expect(n('f(x) = y')).toBe('f(x) = y');
  });

  it('thousands separators in numbers stay half-width (GB/T 15835)', () => {
    expect(n('4,000吨')).toBe('4,000吨');
    expect(n('5,000元')).toBe('5,000元');
  });

  it('a comma after a percentage becomes full-width only when Chinese follows', () => {
    expect(n('增长5.2%,比上年')).toBe('增长5.2%，比上年');
    expect(n('增长11.6%,比')).toBe('增长11.6%，比');
    expect(n('rose 5.2%, then')).toBe('rose 5.2%, then');
  });

  /** The module's contract: "Text that is Western on both sides is left alone." */
  it('an English ellipsis between Latin words is not turned into the 2-em Chinese ……', () => {
    expect(n('Wait... what')).toBe('Wait... what');
  });
});

describe('quotes (GB/T 15834 4.1: Chinese uses “ ” and ‘ ’)', () => {
  it('straight double quotes become curly, opening then closing', () => {
    expect(n('他说"好"。')).toBe('他说“好”。');
    expect(n('"高质量党建引领高质量发展"系列')).toBe('“高质量党建引领高质量发展”系列');
  });

  it('straight single quotes become curly', () => {
    expect(n("掌柜说,'还欠钱呢!'到了端午")).toBe('掌柜说，‘还欠钱呢！’到了端午');
  });

  it('nested quotes', () => {
    expect(n(`"他说'好'"`)).toBe('“他说‘好’”');
  });

  it("an apostrophe inside a Western word stays (T'Pol, don't)", () => {
    expect(n("T'Pol")).toBe("T'Pol");
    expect(n("don't")).toBe("don't");
    expect(n("rock'n'roll")).toBe("rock'n'roll");
  });

  it('curly quotes already present are kept', () => {
    expect(n('‘中’')).toBe('‘中’');
    expect(n('“中”')).toBe('“中”');
  });

  /**
   * The text stage normalises a block's inlines as one text (normalizeInlines), so the
   * open/close state survives a strong/emphasis boundary:
   * `他说"**好**"。` must read 他说“好”。, not 他说“好“。.
   */
  it('quote pairing survives an inline boundary (styledChars)', () => {
    const inlines: Inline[] = [
      { kind: 'text', text: '他说"' },
      { kind: 'strong', children: [{ kind: 'text', text: '好' }] },
      { kind: 'text', text: '"。' },
    ];
    expect(styledChars(inlines, true).map((c) => c.shown).join('')).toBe('他说“好”。');
  });
});

describe('ellipsis (GB/T 15834 4.11: …… is two U+2026)', () => {
  it('three full stops or three dots become ……', () => {
    expect(n('等等...然后')).toBe('等等……然后');
    expect(n('等等。。。然后')).toBe('等等……然后');
  });

  it('six dots become one …… (not two)', () => {
    expect(n('等......')).toBe('等……');
  });

  it('two dots are left alone', () => {
    expect(n('等..')).toBe('等..');
  });

  it('full stops alone or in twos are left alone', () => {
    expect(n('好。是。。不')).toBe('好。是。。不');
  });

  it('dots split by an inline boundary are one run (styledChars)', () => {
    const inlines: Inline[] = [
      { kind: 'text', text: '等等.' },
      { kind: 'strong', children: [{ kind: 'text', text: '..' }] },
      { kind: 'text', text: '然后。' },
    ];
    expect(styledChars(inlines, true).map((c) => c.shown).join('')).toBe('等等……然后。');
  });
});

describe('normalisation is idempotent', () => {
  it.each(['强组织,建机制——', '陈昊(右一)与', '他说"好"。', "T'Pol是'虚构'人物", '等等...然后', 'Hello, world'])('%s', (text) => {
    const once = n(text);
    expect(n(once)).toBe(once);
  });
});
