/**
 * Long Western tokens among Chinese text (src/text/token-breaks.ts, src/text/split-token.ts): a
 * URL breaks at its marks (Chicago Manual of Style 6.80: the mark starts the next line), a long
 * number between groups of four, an acronym chain after its hyphens, and any token wider than
 * the line between any two letters as a last resort. Nothing is ever inserted: the lines read
 * back as the source, and no line is wider than its measure.
 */
import { describe, expect, it } from 'vitest';
import { lineBreakViolation } from '../../src/text/index.js';
import { LAST_RESORT_PENALTY } from '../../src/text/items.js';
import { TOKEN_BREAK_PENALTY, tokenBreaks, type TokenBreak } from '../../src/text/token-breaks.js';
import { setParagraph } from '../helpers/set-paragraph.js';
import { glyphList } from '../../src/render/placed-glyphs.js';

const URL = 'https://www.example.com.cn/news/2024/11/24/content_30124.html';
const NUMBER = '13800138000123456789';
const ACRONYMS = 'CPPCC-NPC-WTO-APEC';
const STANDARD = 'GB/T15834-2011';

/** The token with `|` where it may break for a reason other than the last resort. */
function marked(token: string): string {
  const breaks = tokenBreaks(token);
  return Array.from(token)
    .map((ch, i) => (breaks[i] !== undefined && !breaks[i]!.startsWith('anywhere') ? `|${ch}` : ch))
    .join('');
}

describe('where a token may break', () => {
  it('a URL: after the scheme’s ://, before each / _ = & # (the mark starts the next line), after each . ? (they never start one)', () => {
    expect(marked(URL)).toBe('https://|www.|example.|com.|cn|/news|/2024|/11|/24|/content|_30124.|html');
    expect(marked('www.gov.cn/zhengce?id=5&page=2#top')).toBe('www.|gov.|cn|/zhengce?|id|=5|&page|=2|#top');
  });

  it('a long number: groups of four from the right (138 0013 8000); a year or an amount stays whole', () => {
    expect(marked('13800138000')).toBe('138|0013|8000');
    expect(marked(NUMBER)).toBe('1380|0138|0001|2345|6789');
    expect(marked('2024')).toBe('2024');
    expect(marked('1000000')).toBe('1000000');
  });

  it('an acronym chain or a standard’s number: after each hyphen; GB/T stays whole', () => {
    expect(marked(ACRONYMS)).toBe('CPPCC-|NPC-|WTO-|APEC');
    expect(marked(STANDARD)).toBe('GB/T15834-|2011');
    expect(marked('COVID-19')).toBe('COVID-|19');
  });

  it('every other gap is a last resort, dearer before a closing mark or after an opening one', () => {
    const breaks = tokenBreaks('(WeChat),');
    expect(breaks[0]).toBeUndefined();
    expect(breaks[1]).toBe('anywhere-mark'); // ( | W
    expect(breaks[3]).toBe('anywhere'); // We | Chat
    expect(breaks[7]).toBe('anywhere-mark'); // t | )
    expect(breaks[8]).toBe('anywhere-mark'); // ) | ,
  });

  it('a combining mark stays with its letter', () => {
    expect(tokenBreaks('Cafe\u0301')[3]).toBe('anywhere'); // Caf | é
    expect(tokenBreaks('Cafe\u0301')[4]).toBeUndefined(); // e | ◌́
  });

  it('costs: a hyphen’s break < a URL’s < a number’s < the last resort < 10000', () => {
    const order: TokenBreak[] = ['compound', 'url', 'digits', 'anywhere', 'anywhere-mark'];
    const values = order.map((k) => TOKEN_BREAK_PENALTY[k]);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(TOKEN_BREAK_PENALTY.digits).toBeLessThan(LAST_RESORT_PENALTY);
    expect(TOKEN_BREAK_PENALTY.anywhere).toBeGreaterThanOrEqual(LAST_RESORT_PENALTY);
    expect(TOKEN_BREAK_PENALTY['anywhere-mark']).toBeLessThan(10_000);
  });
});

/** Code point offsets inside `token` where the lines of `text` break it. */
function breaksInside(text: string, token: string, lines: readonly { text: string }[]): number[] {
  const start = Array.from(text.slice(0, text.indexOf(token))).length;
  const length = Array.from(token).length;
  const out: number[] = [];
  let at = 0;
  for (const line of lines.slice(0, -1)) {
    at += Array.from(line.text).length;
    if (at > start && at < start + length) out.push(at - start);
  }
  return out;
}

describe('in an 11-character column of body text', () => {
  const cases: readonly [string, string, readonly TokenBreak[]][] = [
    ['URL', `详情请见${URL}。`, ['url']],
    ['number', `联系电话${NUMBER}，欢迎来电。`, ['digits']],
    ['acronym chain', `会议由${ACRONYMS}联合主办。`, ['compound']],
    ['standard', `标点依据${STANDARD}执行。`, ['compound', 'url', 'digits']],
  ];

  it.each(cases)('a %s breaks only at its marks; every line within the measure and flush; the text reads back unchanged', (_, text, kinds) => {
    const token = [URL, NUMBER, ACRONYMS, STANDARD].find((t) => text.includes(t))!;
    const lines = setParagraph(text, 11);
    expect(lines.map((l) => l.text).join('')).toBe(text);
    for (const line of lines) {
      expect(line.line.overfull).toBe(false);
      expect(line.end).toBeLessThanOrEqual(11 + 1e-9);
    }
    // justified: every line but the last ends at the column edge, letter-spaced if it must be
    for (const line of lines.slice(0, -1)) expect(line.end).toBeCloseTo(11, 6);
    const breaks = tokenBreaks(token);
    for (const at of breaksInside(text, token, lines)) expect(kinds, `${token} broken before ${Array.from(token)[at]}`).toContain(breaks[at]);
  });

  it('the URL breaks at its marks: before a slash or underscore, after a dot — no line starts with a dot', () => {
    const lines = setParagraph(`详情请见${URL}。`, 11);
    expect(lines.map((l) => l.text)).toEqual(['详情请见https://www.', 'example.com.cn/news', '/2024/11/24/content', '_30124.html。']);
  });

  it('nothing is drawn that the source does not have: no hyphen at a break inside a token', () => {
    for (const text of cases.map((c) => c[1])) {
      const glyphs = setParagraph(text, 11).flatMap((l) => l.ops.flatMap((op) => (op.op === 'glyphs' ? glyphList(op.glyphs).map((g) => g.text) : [])));
      expect(glyphs.join('')).toBe(text);
    }
  });

  it('a token with no mark wider than the line (40 letters) breaks between letters, no line past the measure', () => {
    const word = 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN';
    const lines = setParagraph(`代号${word}。`, 11);
    expect(lines.map((l) => l.text).join('')).toBe(`代号${word}。`);
    for (const line of lines) expect(line.end).toBeLessThanOrEqual(11 + 1e-9);
    for (const line of lines.slice(0, -1)) expect(line.end).toBeCloseTo(11, 6);
  });

  it('clreq’s prohibitions still hold at a token’s edges: no （ at a line end, no ）。， at a line start', () => {
    const text = `（详见${URL}）。会议由${ACRONYMS}主办，电话${NUMBER}，欢迎来电。`;
    for (let w = 8; w <= 16; w++) {
      const lines = setParagraph(text, w);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      for (let k = 1; k < lines.length; k++) {
        const before = Array.from(lines[k - 1].text).at(-1)!;
        const after = Array.from(lines[k].text)[0];
        expect(lineBreakViolation(before, after, 'basic'), `${w} em: ${lines[k - 1].text} | ${lines[k].text}`).toBeNull();
      }
      for (const line of lines) expect(line.end).toBeLessThanOrEqual(w + 1e-9);
    }
  });

  it('a token that fits stays whole: the same URL in a 40-character column', () => {
    const lines = setParagraph(`详情请见${URL}。`, 40);
    expect(lines.some((l) => l.text.includes(URL))).toBe(true);
  });
});
