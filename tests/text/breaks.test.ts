/**
 * Break opportunities (src/text/breaks.ts): UAX #14 tailored by the clreq line-start/line-end
 * prohibition rules at level "basic" (clreq #prohibition_rules_for_line_start_end,
 * GB/T 15834-2011 §5.1.1–5.1.7) and the unbreakable marks (#prohibition_rules_for_unbreakable_marks).
 * The cases are those of reference §4 A.
 */
import LineBreaker from 'linebreak';
import { describe, expect, it } from 'vitest';
import type { KinsokuLevel } from '../../src/model/index.js';
import { breakOpportunities } from '../../src/text/breaks.js';
import { isCjk, type CharClass } from '../../src/text/cjk/classes.js';
import { breakForbidden } from '../../src/text/cjk/kinsoku.js';
import { breakControl, withoutIgnorables } from '../../src/text/ignorable.js';
import { styledChars } from '../../src/text/units.js';

/** Opportunities as the text stage computes them: classes from styledChars (which reclassifies
 *  quotes, a single — and / by their neighbours), no normalisation. */
function allowed(text: string, level: KinsokuLevel = 'basic'): boolean[] {
  const chars = styledChars([{ kind: 'text', text }], false);
  return breakOpportunities(
    chars.map((c) => c.shown),
    chars.map((c) => c.cls),
    level,
  );
}

/** Code point indices i (0 < i < length) where a line may break before the i-th character. */
function inner(text: string): number[] {
  const a = allowed(text);
  const n = Array.from(text).length;
  const out: number[] = [];
  for (let i = 1; i < n; i++) if (a[i]) out.push(i);
  return out;
}

/** The text with `|` at every inner break opportunity, for readable failures. */
function marked(text: string, level: KinsokuLevel = 'basic'): string {
  const a = allowed(text, level);
  return Array.from(text)
    .map((ch, i) => (i > 0 && a[i] ? `|${ch}` : ch))
    .join('');
}

describe('shape of the result', () => {
  it('has one entry per code point plus the end, and never allows a break before the first', () => {
    const a = allowed('中国人');
    expect(a).toHaveLength(4);
    expect(a[0]).toBe(false);
  });

  it('counts code points, not UTF-16 units (Ext-B ideograph 𠀀)', () => {
    expect(inner('𠀀中𠀁')).toEqual([1, 2]);
  });
});

describe('basic prohibition: no break before these (clreq #prohibition-rules-basic, §4 A1)', () => {
  it.each(Array.from('，。、；：！？”’）》〉】」』'))('%s never starts a line', (mark) => {
    expect(allowed(`中${mark}国`)[1]).toBe(false);
  });

  it('· (interpunct, GB 5.1.7) never starts a line', () => {
    expect(allowed('娜·罗')[1]).toBe(false);
  });

  it('– (short connector, GB 5.1.6) and ～ never start a line', () => {
    expect(allowed('1949–1986')[4]).toBe(false);
    expect(allowed('北京～上海')[2]).toBe(false);
  });
});

describe('basic prohibition: no break after these (§4 A2)', () => {
  it.each(Array.from('“‘（《〈【「『'))('%s never ends a line', (mark) => {
    expect(allowed(`中${mark}国`)[2]).toBe(false);
  });
});

describe('unbreakable marks (clreq #h-unbreakable_marks_punctuation, GB 5.1.4)', () => {
  it('—— is never split', () => {
    expect(inner('——')).toEqual([]);
    expect(marked('他说——真的吗？')).toBe('他|说|——|真|的|吗？');
  });

  it('…… is never split', () => {
    expect(inner('……')).toEqual([]);
    expect(marked('等等……然后')).toBe('等|等|……|然|后'); // basic level: …… may start a line (only "strict" forbids it)
  });

  it('a single — is the one-em connector 一字线: never starts a line, a break after it is allowed (§4 A7, GB 5.1.6)', () => {
    expect(marked('北京—上海')).toBe('北|京—|上|海');
    expect(marked('1949—1986年')).toBe('1949—|1986|年');
  });
});

describe('kinsoku levels (clreq #prohibition-rules-none|basic|guobiao|strict)', () => {
  it('strict: —— and …… never start a line either', () => {
    expect(marked('他说——真的', 'strict')).toBe('他|说——|真|的');
    expect(marked('等等……然后', 'strict')).toBe('等|等……|然|后');
  });

  it('gb: no solidus at a line end', () => {
    expect(allowed('甲/乙', 'basic')[2]).toBe(true);
    expect(allowed('甲/乙', 'gb')[2]).toBe(false);
  });

  it('none: anything may start or end a line, but —— and …… stay whole', () => {
    expect(marked('中，“国”', 'none')).toBe('中|，|“|国|”');
    expect(inner('——')).toEqual([]);
    expect(marked('说——了', 'none')).toBe('说|——|了');
  });
});

describe('quotes are opening and closing brackets (§4 A8, A9)', () => {
  it('我说：“十四五”规划: break between ：and “ and between ” and 规, not inside the quotes', () => {
    const a = allowed('我说：“十四五”规划');
    expect(a[3]).toBe(true); // ：|“
    expect(a[8]).toBe(true); // ”|规
    expect(a[4]).toBe(false); // “|十
    expect(a[7]).toBe(false); // 五|”
    expect(inner('我说：“十四五”规划')).toEqual([1, 3, 5, 6, 8, 9]);
  });

  it('掌柜说，‘还欠钱呢！’到了端午: breaks before ‘ and after ’', () => {
    const a = allowed('掌柜说，‘还欠钱呢！’到了端午');
    expect(a[4]).toBe(true); // ，|‘
    expect(a[11]).toBe(true); // ’|到
    expect(inner('掌柜说，‘还欠钱呢！’到了端午')).toEqual([1, 2, 4, 6, 7, 8, 11, 12, 13, 14]);
  });

  it('a short quotation is breakable around, not inside', () => {
    expect(marked('你好‘嗯’对')).toBe('你|好|‘嗯’|对');
  });

  it('brackets and chained marks', () => {
    expect(marked('（甲乙）丙。”丁')).toBe('（甲|乙）|丙。”|丁');
    expect(marked('《新生》的')).toBe('《新|生》|的');
    expect(marked('真的吗？！')).toBe('真|的|吗？！');
  });
});

describe('numbers and Western words stay whole (§4 A10, GB/T 15835)', () => {
  it.each(['11.6%', 'WeChat', 'GDP', "T'Pol", '4,000', '5.2%，'])('%s has no inner break', (text) => {
    expect(inner(text)).toEqual([]);
  });

  it('a number followed by a Han unit: break allowed between 2025 and 年, not inside 2025', () => {
    expect(inner('2025年')).toEqual([4]);
    expect(inner('4,000吨')).toEqual([5]);
  });

  it('GDP增长5.2%，好: no break inside 5.2% nor before ，', () => {
    expect(marked('GDP增长5.2%，好')).toBe('GDP|增|长|5.2%，|好');
  });

  it('Latin inside Chinese brackets', () => {
    expect(marked('微信（WeChat）用户')).toBe('微|信|（WeChat）|用|户');
  });

  it('Western words break at their spaces (UAX #14)', () => {
    expect(inner('Hello world')).toEqual([6]);
  });
});

describe('exact opportunities of short paragraphs', () => {
  it('§4 case 3 text: 一二三，四五六七八九，十', () => {
    expect(inner('一二三，四五六七八九，十')).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 11]);
  });

  it('§4 case 6 text: interpuncts never start a line', () => {
    expect(marked('噫，克里斯蒂娜·罗塞蒂，还有阿加莎·克里斯蒂！')).toBe('噫，|克|里|斯|蒂|娜·|罗|塞|蒂，|还|有|阿|加|莎·|克|里|斯|蒂！');
  });

  it('§4 case 7 text with the short connector –', () => {
    expect(marked('1949–1986年')).toBe('1949–|1986|年');
  });

  it('a typed space between Han characters: a line may break after the space', () => {
    expect(allowed('中 国')[2]).toBe(true);
  });
});

describe('an opening bracket followed by spaces (GB/T 15834 5.1.7; UAX #14 LB14)', () => {
  it('does not end a line after the spaces either: a brief head 起《 before its text', () => {
    expect(marked('起《 现化')).toBe('起|《 现|化');
    expect(marked('起《  现化')).toBe('起|《  现|化');
    // Without the bracket the space is a break as before.
    expect(marked('起来 现化')).toBe('起|来| |现|化');
    // At level none only the unbreakable marks hold.
    expect(marked('起《 现化', 'none')).toBe('起|《| |现|化');
  });
});

describe('UAX #14 run only where it decides', () => {
  /** breakOpportunities as it was, with UAX #14 run on every text (breaks.ts before it ran only where it decides). */
  function everywhere(chars: readonly string[], classes: readonly CharClass[], level: KinsokuLevel): boolean[] {
    const allowed = new Array<boolean>(chars.length + 1).fill(false);
    const index = new Map<number, number>();
    let offset = 0;
    chars.forEach((ch, i) => {
      index.set(offset, i);
      offset += ch.length;
    });
    index.set(offset, chars.length);
    const breaker = new LineBreaker(chars.join(''));
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      const i = index.get(bk.position);
      if (i !== undefined) allowed[i] = true;
    }
    for (let i = 1; i < chars.length; i++) {
      const before = classes[i - 1];
      const after = classes[i];
      if (isCjk(before) || isCjk(after)) {
        const carries = chars[i - 1].length > 1;
        const joined = breakControl(Array.from(chars[i - 1]).at(-1)!) === 'no-break';
        allowed[i] = !breakForbidden(before, after, carries ? withoutIgnorables(chars[i - 1]) : chars[i - 1], level) && !(carries && joined);
      }
      let j = i - 1;
      while (j >= 0 && classes[j] === 'space') j--;
      if (allowed[i] && level !== 'none' && before === 'space' && j >= 0 && classes[j] === 'opening') allowed[i] = false;
    }
    allowed[0] = false;
    return allowed;
  }

  it('gives what running it on every text gives, for 20,000 random texts at every level', () => {
    const pool = Array.from('中国人民党建，。、“”（）《》—…·–～ab cZ19 \u200b\u2060\ufeff\u00ad\n!?()[]-/%$');
    let seed = 11;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const differ: string[] = [];
    let cjkOnly = 0;
    for (let t = 0; t < 20_000; t++) {
      const text = Array.from({ length: 1 + random(14) }, () => pool[random(pool.length)]).join('');
      const chars = styledChars([{ kind: 'text', text }], false);
      const texts = chars.map((c) => c.text);
      const classes = chars.map((c) => c.cls);
      if (classes.every((c, i) => i === 0 || isCjk(c) || isCjk(classes[i - 1]))) cjkOnly++;
      for (const level of ['none', 'basic', 'gb', 'strict'] as const) {
        if (JSON.stringify(breakOpportunities(texts, classes, level)) !== JSON.stringify(everywhere(texts, classes, level))) differ.push(`${level} ${JSON.stringify(text)}`);
      }
    }
    expect(differ).toEqual([]);
    // Both kinds of text were tried: those UAX #14 no longer runs on, and the others.
    expect(cjkOnly).toBeGreaterThan(1000);
    expect(20_000 - cjkOnly).toBeGreaterThan(1000);
  });
});
