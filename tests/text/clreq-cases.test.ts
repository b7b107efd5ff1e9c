/**
 * The acceptance cases of reference §4 (cjk-layout-requirements.md), numbered as there.
 * Each sets text with the real fonts through text → linebreak → render and checks the exact
 * outcome: break positions, advances after compression, gaps, line-end positions (in ems).
 * Not applicable here: 20 (zh-Hant/TW style: banmian sets zh-Hans only, with SC fonts),
 * 32's second half (a paragraph resumed after a figure: the content format has no resumed
 * paragraphs; every paragraph is a paragraph). Cases 31 and 33–35 are page composition and
 * live in tests/compose/clreq-page.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/model/index.js';
import { parseEdition } from '../../src/parse/index.js';
import { DEFAULT_STYLE, HAO } from '../../src/model/index.js';
import { ROOT } from '../helpers/tools.js';
import { itemizeText, setParagraph, type SetLine } from '../helpers/set-paragraph.js';

const NO_START = '、，。．：；！？”’）》〉】〗〕］｝」』·–';
const NO_END = '“‘（《〈【〖〔［｛「『';
const texts = (lines: readonly SetLine[]): string[] => lines.map((l) => l.text);

/** The sample's body text, normalised: a 5,000-character corpus of real newspaper prose. */
function corpus(): string[] {
  const edition = parseEdition(join(ROOT, 'content'));
  return edition.pages.flatMap((p) => p.articles.flatMap((a) => a.blocks.flatMap((b) => (b.kind === 'text' && b.role === 'paragraph' ? [plainText(b.inlines)] : []))));
}

describe('A. line breaking', () => {
  const paragraphs = corpus();
  const widths = [13, 12, 11, 7];

  it('1–2, 12: no forbidden line start or end in the sample corpus at 4 measures', () => {
    expect(paragraphs.join('').length).toBeGreaterThan(5000);
    for (const w of widths) {
      for (const p of paragraphs) {
        for (const line of setParagraph(p, w)) {
          expect(NO_START, `${w} em: ${line.text}`).not.toContain(line.text[0]);
          expect(NO_END, `${w} em: ${line.text}`).not.toContain(line.text[line.text.length - 1]);
        }
      }
    }
  });

  it('3: push-in before push-out, and never ， at a line start (孤字 rule picks the second legal outcome)', () => {
    const lines = setParagraph('一二三，四五六七八九，十', 10);
    expect(texts(lines)).toEqual(['一二三，四五六七八', '九，十']);
    expect(lines[0].end).toBeCloseTo(10, 2);
    // Without the one-character rule the preferred outcome appears: both commas ½ em.
    const items = itemizeText('一二三，四五六七八九，十');
    expect(items.some((i) => i.kind === 'glue' && i.glue === 'pause-blank' && i.shrink === i.width)).toBe(true);
  });

  it('4: —— is never split, never overhangs; strict keeps it off the line start', () => {
    const text = '娜拉走后怎样？——别人可是也发表过意见的';
    for (let w = 5; w <= 15; w++) {
      for (const kinsoku of ['basic', 'strict'] as const) {
        const lines = setParagraph(text, w, { typography: { kinsoku } });
        expect(lines.map((l) => l.text).join('')).toBe(text);
        for (const line of lines) {
          expect(line.text.endsWith('—') && !line.text.endsWith('——')).toBe(false);
          expect(line.end).toBeLessThanOrEqual(w + 0.001);
          if (kinsoku === 'strict') expect(line.text.startsWith('—')).toBe(false);
        }
      }
    }
    const dash = setParagraph(text, 30)[0].boxes.find((b) => b.text === '——')!;
    expect(dash.width).toBeCloseTo(2, 3);
  });

  it('5: …… never split nor (strict) at a line start; two ellipses take 4 em', () => {
    const text = '一个英国人曾作一篇戏剧……后来怎样';
    for (let w = 4; w <= 14; w++) {
      for (const line of setParagraph(text, w, { typography: { kinsoku: 'strict' } })) {
        expect(line.text.startsWith('…')).toBe(false);
        expect(/[^…]…$/.test(line.text) || /^…[^…]/.test(line.text)).toBe(false);
      }
    }
    const four = setParagraph('…………', 10)[0].boxes.find((b) => b.text === '…………')!;
    expect(four.width).toBeCloseTo(4, 3);
  });

  it('6: · never starts a line and is ½ em, centred', () => {
    const text = '噫，克里斯蒂娜·罗塞蒂，还有阿加莎·克里斯蒂！';
    const lines = setParagraph(text, 7);
    for (const line of lines) expect(line.text.startsWith('·')).toBe(false);
    const dot = setParagraph(text, 30)[0].boxes.find((b) => b.text === '·')!;
    expect(dot.width).toBeCloseTo(0.5, 3);
  });

  it('7: the connector — never starts a line (1949—1986年, 北京—上海)', () => {
    for (const text of ['从1949—1986年间的事', '列车从北京—上海开出']) {
      for (let w = 3; w <= 9; w++) for (const line of setParagraph(text, w)) expect(line.text.startsWith('—')).toBe(false);
    }
    const items = itemizeText('北京—上海');
    const dash = items.find((i) => i.kind === 'box' && i.run?.glyphs[0]?.text === '—')!;
    expect(dash.width / DEFAULT_STYLE.body.size).toBeCloseTo(1, 2);
  });

  it('8–9: curly quotes open and close; nested quotes stay breakable', async () => {
    const { breakOpportunities } = await import('../../src/text/breaks.js');
    const { classify } = await import('../../src/text/cjk/classes.js');
    const at = (text: string): number[] => {
      const chars = Array.from(text);
      const allowed = breakOpportunities(chars, chars.map(classify));
      return allowed.flatMap((a, i) => (a ? [i] : []));
    };
    const quote = at('我说：“十四五”规划');
    expect(quote).toContain(3); // ： | “
    expect(quote).toContain(8); // ” | 规
    expect(quote).not.toContain(4); // “ | 十
    expect(quote).not.toContain(7); // 五 | ”
    const nested = at('掌柜说，‘还欠钱呢！’到了端午');
    expect(nested).toContain(4); // ， | ‘
    expect(nested).toContain(11); // ’ | 到
  });

  it('10–11: numbers and Western words stay whole where they fit the line; no hyphen is inserted', () => {
    const text = '吨位4,000吨，增长11.6%和5.2%，2025年GDP与WeChat及T\'Pol';
    const words = ['4,000', '11.6%', '5.2%，', 'GDP', 'WeChat', "T'Pol"];
    const widthOf = (word: string): number => setParagraph(word, 40)[0].end;
    // From 4 em. At 3 em the only way to keep 11.6% whole leaves 长 alone on a line, which
    // could not be set flush: the breaker breaks the number instead (a line is never left short).
    for (let w = 4; w <= 12; w++) {
      const lines = setParagraph(text, w);
      const joined = lines.map((l) => l.text).join('|');
      for (const word of words) {
        expect(joined.replace(/\|/g, ''), joined).toContain(word);
        // A word wider than the line (WeChat, 3.2 em, at 3 em) breaks between letters rather
        // than running past the column edge.
        if (widthOf(word) <= w) expect(lines.some((l) => l.text.includes(word)), `${word} split at ${w} em: ${joined}`).toBe(true);
      }
      for (const line of lines) expect(line.end, `${w} em: ${joined}`).toBeLessThanOrEqual(w + 1e-9);
      expect(joined).not.toContain('-');
    }
  });
});

describe('B. punctuation widths', () => {
  /** Width of the pair: from the first box's left to the end of the second mark's full box. */
  const pairWidth = (pair: string): number => {
    const [line] = setParagraph(`中${pair}中`, 20, { align: 'left' });
    // From the first mark's em box (its glyph origin) to the next character.
    return line.boxes[3].x - line.boxes[1].glyphX[0];
  };

  it('13: two adjacent marks take 1.5 em; the ½ em comes off the outer side', () => {
    for (const pair of ['。”', '”，', '）、', '）。', '、“', '，《', '）（', '》《', '“《', '》”']) {
      expect(pairWidth(pair), pair).toBeCloseTo(1.5, 3);
    }
    // 。” : the stop loses its right blank: ” follows the 。 ink directly (½ em after its start).
    const [stopQuote] = setParagraph('中。”中', 20, { align: 'left' });
    expect(stopQuote.boxes[2].x - stopQuote.boxes[1].x).toBeCloseTo(0.5, 3);
    // “《 : the 《 loses its left blank: its ink box starts right after the “ ink box.
    const [quoteBook] = setParagraph('中“《中', 20, { align: 'left' });
    expect(quoteBook.boxes[2].x - (quoteBook.boxes[1].x + quoteBook.boxes[1].width)).toBeCloseTo(0, 3);
  });

  it('14: a mark at a line end is ½ em, its outer edge on the measure (GB/T 15834 5.1.10)', () => {
    const lines = setParagraph('一二三四五六七八九，十一二三四五六七八。十一二三四五', 10);
    expect(lines[0].text).toBe('一二三四五六七八九，');
    expect(lines[0].boxes.at(-1)!.width).toBeCloseTo(0.5, 3);
    expect(lines[0].end).toBeCloseTo(10, 3);
    expect(lines[1].text.endsWith('。')).toBe(true);
    expect(lines[1].end).toBeCloseTo(10, 3);
  });

  it('15: an opening bracket at a line start loses its blank: its ink starts at the edge', () => {
    const lines = setParagraph('一二三四五六七八九十（十一）二三四五六七八九十《书》', 10);
    const starts = lines.filter((l) => '（《“【'.includes(l.text[0]));
    expect(starts.length).toBeGreaterThan(0);
    for (const line of starts) {
      expect(line.boxes[0].x).toBeCloseTo(0, 3);
      expect(line.boxes[0].glyphX[0]).toBeCloseTo(-0.5, 3);
    }
  });

  it('16: a paragraph starting with 《 after the 2-em indent: its em box starts at 1.5 em', () => {
    const [first] = setParagraph('《新生》的出版之期接近了，但最先隐去的是若干担任文字的人', 13, { indent: true });
    expect(first.boxes[0].text).toBe('《');
    expect(first.boxes[0].glyphX[0]).toBeCloseTo(1.5, 3);
  });

  it('17: ？！ together take 1 em; ！！！ take 2 em (GB/T 15834 5.1.2)', () => {
    const two = setParagraph('真的吗？！好', 20, { align: 'left' })[0];
    const q = two.boxes.findIndex((b) => b.text === '？');
    expect(two.boxes[q + 2].x - two.boxes[q].x).toBeCloseTo(1, 3);
    const three = setParagraph('好！！！好', 20, { align: 'left' })[0];
    expect(three.boxes[4].x - three.boxes[1].x).toBeCloseTo(2, 3);
  });

  it('18: ·, – and / stay ½ em however hard the line is compressed', () => {
    const text = '甲·乙–丙/丁，戊（己）庚';
    const loose = setParagraph(text, 40, { align: 'left' })[0];
    for (const mark of ['·', '–', '/']) expect(loose.boxes.find((b) => b.text === mark)!.width).toBeCloseTo(0.5, 3);
    const natural = loose.end;
    const tight = setParagraph(text, natural - 0.9)[0];
    expect(tight.text).toBe(text);
    for (const mark of ['·', '–', '/']) {
      const i = tight.boxes.findIndex((b) => b.text === mark);
      expect(tight.boxes[i + 1].x - tight.boxes[i].x, mark).toBeCloseTo(0.5, 3);
    }
  });

  it('19: Chinese quotes are full width; the apostrophe in T\'Pol is proportional', () => {
    const [line] = setParagraph('我说：“T\'Pol 是‘虚构’人物！”', 30, { align: 'left' });
    const open = line.boxes.find((b) => b.text === '“')!;
    const inner = line.boxes.find((b) => b.text === '‘')!;
    expect(open.width).toBeCloseTo(0.5, 3); // ink half of a 1-em mark; its blank half was dropped after ：
    expect(inner.width).toBeCloseTo(0.5, 3);
    const word = line.boxes.find((b) => b.text === "T'Pol")!;
    expect(word.width).toBeLessThan(3); // five proportional glyphs, the apostrophe narrow
    expect(word.width).toBeGreaterThan(1.5);
  });
});

describe('C. mixed script', () => {
  it('21: ¼ em between Han and Latin or digits, none before 。', () => {
    const [line] = setParagraph('第4章介绍了基本的API。', 30, { align: 'left' });
    const b = line.boxes;
    expect(b[1].x - (b[0].x + b[0].width)).toBeCloseTo(0.25, 3); // 第 4
    expect(b[2].x - (b[1].x + b[1].width)).toBeCloseTo(0.25, 3); // 4 章
    const api = b.findIndex((x) => x.text === 'API');
    expect(b[api].x - (b[api - 1].x + b[api - 1].width)).toBeCloseTo(0.25, 3);
    expect(b[api + 1].x - (b[api].x + b[api].width)).toBeCloseTo(0, 3); // API。
  });

  it('22: autospace off sets 21万吨 solid; on, the gap is only at the digit/Han boundary', () => {
    const off = setParagraph('21万吨', 20, { align: 'left', typography: { autospace: false } })[0].boxes;
    expect(off[1].x - (off[0].x + off[0].width)).toBeCloseTo(0, 3);
    const on = setParagraph('21万吨', 20, { align: 'left' })[0].boxes;
    expect(on[0].text).toBe('21');
    expect(on[1].x - (on[0].x + on[0].width)).toBeCloseTo(0.25, 3);
  });

  it('23: no leftover Han–Latin space at a line edge', () => {
    const lines = setParagraph('一二三四五六七八九国TT一二三四五六七八九十', 10);
    expect(lines[0].text.endsWith('国')).toBe(true);
    expect(lines[0].end).toBeCloseTo(10, 3);
    expect(lines[1].text.startsWith('TT')).toBe(true);
    expect(lines[1].boxes[0].x).toBeCloseTo(0, 3);
  });

  it('24: a typed space is not doubled by autospace', () => {
    const items = itemizeText('中文 English');
    const kinds = items.flatMap((i) => (i.kind === 'glue' ? [i.glue] : []));
    expect(kinds.filter((k) => k === 'word-space')).toHaveLength(1);
    expect(kinds).not.toContain('han-western');
    const [line] = setParagraph('中文 English', 20, { align: 'left' });
    const gap = line.boxes[2].x - (line.boxes[1].x + line.boxes[1].width);
    expect(gap).toBeLessThan(0.3); // one space of the font, not a space plus ¼ em
  });

  it('25: justification never spaces the letters of WeChat or the digits of 2024', () => {
    const text = '微信WeChat在2024年的用户数量增长很快也很稳定一二三四五六七八九十';
    for (const line of setParagraph(text, 9).slice(0, -1)) {
      for (const box of line.boxes.filter((b) => b.glyphX.length > 1)) {
        const natural = setParagraph(box.text, 40, { align: 'left' })[0].boxes[0];
        box.glyphX.forEach((x, i) => expect(x - box.glyphX[0]).toBeCloseTo(natural.glyphX[i] - natural.glyphX[0], 3));
      }
    }
  });
});

describe('D. justification and paragraphs', () => {
  it('26: pure Han at 13 em: 13 characters a line, no added spacing', () => {
    const text = '高质量发展是新时代的硬道理亟须不断强化党建引领把党的政治优势组织优势转化为发展优势近期本报记者赴多地采访了解各地坚持高质量党建引领高质量发展的经验做法';
    const lines = setParagraph(text, 13);
    for (const line of lines.slice(0, -1)) {
      expect(Array.from(line.text)).toHaveLength(13);
      line.boxes.forEach((b, i) => expect(b.x).toBeCloseTo(i, 6));
    }
  });

  it('27: CJK lines justify: every line but the last ends at the measure ±0.05 em', () => {
    const text = '文本的概念后来主要变成了：“任何由书写所固定下来的任何话语。”对语言学家来说，文本是一个语言学的实体，它可以是口语的，也可以是书面的。';
    for (const w of [9, 11, 13, 17]) {
      const lines = setParagraph(text, w);
      for (const line of lines.slice(0, -1)) expect(Math.abs(line.end - w), `${w}: ${line.text}`).toBeLessThanOrEqual(0.05);
    }
  });

  it('28: a line 0.3 em too long is fixed by compressing ，（ rather than pushing a character down', () => {
    const text = '甲乙，丙（丁）戊己庚辛壬癸子丑寅卯';
    const natural = setParagraph('甲乙，丙（丁）戊己', 40, { align: 'left' })[0].end;
    const lines = setParagraph(text, natural - 0.3);
    expect(lines[0].text).toBe('甲乙，丙（丁）戊己');
    expect(lines[0].line.ratio).toBeLessThan(0);
    expect(lines[0].end).toBeCloseTo(natural - 0.3, 3);
  });

  it('29: Han–Latin gaps grow first, to at most ½ em; nothing inside —— or ……, nor around – or /', () => {
    const lines = setParagraph('在A组与B组之间，甲乙丙丁戊己庚辛', 11);
    const line = lines[0];
    const gaps = line.boxes.slice(1).map((b, i) => +(b.x - (line.boxes[i].x + line.boxes[i].width)).toFixed(3));
    const hanLatin = gaps.filter((g, i) => /[A-Z]/.test(line.boxes[i].text + line.boxes[i + 1].text));
    for (const g of hanLatin) expect(g).toBeLessThanOrEqual(0.5 + 1e-3);
    const items = itemizeText('甲——乙……丙–丁/戊');
    const dash = items.findIndex((i) => i.kind === 'box' && i.run?.glyphs.map((g) => g.text).join('') === '——');
    expect(items[dash].width / DEFAULT_STYLE.body.size).toBeCloseTo(2, 3); // one box: no glue inside
    for (const mark of ['–', '/']) {
      const at = items.findIndex((i) => i.kind === 'box' && i.run?.glyphs[0]?.text === mark);
      for (const near of [items[at - 1], items[at + 1]]) if (near.kind === 'glue' && near.glue === 'inter-character') expect(near.stretch).toBe(0);
    }
  });

  it('30: no paragraph ends in a line of one character, or one character and a mark', () => {
    for (const w of [13, 12, 11]) {
      for (const p of corpus()) {
        const last = setParagraph(p, w, { indent: true }).at(-1)!;
        const content = Array.from(last.text).filter((c) => /[\p{Script=Han}A-Za-z0-9]/u.test(c));
        expect(content.length, `${w}: ${last.text}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('32: every body paragraph starts with a 2-em indent', () => {
    const [first] = setParagraph('江苏省靖江市，新时代造船有限公司码头，21万吨双燃料动力散货船正等待解缆试航。', 13, { indent: true });
    expect(first.boxes[0].x).toBeCloseTo(2, 6);
  });
});

describe('E. headings and emphasis', () => {
  it('36: the 主题 is at least two 号 grades above 引题 and 副题', () => {
    const grades = Object.values(HAO);
    const grade = (size: number): number => grades.indexOf(size as (typeof grades)[number]);
    const { headline, kicker, subtitle } = DEFAULT_STYLE.roles;
    expect(grade(kicker.size) - grade(headline.size)).toBeGreaterThanOrEqual(2);
    expect(grade(subtitle.size) - grade(headline.size)).toBeGreaterThanOrEqual(2);
    // A headline never breaks before a closing mark either.
    for (let w = 3; w <= 8; w++) {
      for (const line of setParagraph('激活“两新”力量 凝聚治理合力', w, { style: DEFAULT_STYLE.roles.headline, align: 'center' })) {
        expect(NO_START).not.toContain(line.text[0]);
      }
    }
  });

  it('37: emphasis dots sit centred under each Han character, none under punctuation', () => {
    const [line] = setParagraph([{ kind: 'text', text: '这是' }, { kind: 'emphasis', children: [{ kind: 'text', text: '着重，号' }] }, { kind: 'text', text: '了' }], 20, { align: 'left' });
    const dots = line.ops.filter((op) => op.op === 'dot');
    expect(dots).toHaveLength(3);
    const marked = line.boxes.filter((b) => '着重号'.includes(b.text));
    dots.forEach((dot, i) => {
      if (dot.op !== 'dot') throw new Error('not a dot');
      expect(dot.cx / DEFAULT_STYLE.body.size).toBeCloseTo(marked[i].x + marked[i].width / 2, 3);
      expect(dot.cy).toBeGreaterThan(0); // below the baseline
      expect(dot.cy).toBeLessThan(DEFAULT_STYLE.body.leading - DEFAULT_STYLE.body.size * 0.88); // inside the line gap
    });
  });
});
