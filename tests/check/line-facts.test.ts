/** What the audit reads of a placed line (check/line-facts.ts): its text and its first and last visible characters. */
import { describe, expect, it } from 'vitest';
import { lineFacts } from '../../src/check/line-facts.js';
import type { PlacedLine } from '../../src/compose/index.js';
import { box, glue, penalty, type Item } from '../../src/text/items.js';

const SIZE = 10;
const run = (text: string): Item => box(SIZE, { face: 'song', size: SIZE, glyphs: [{ id: 1, dx: 0, text }], style: 'plain' });

function placed(texts: readonly string[]): PlacedLine {
  const items = [...texts.flatMap((t) => [run(t), glue(0, 1, 0, 'inter-character')]), penalty(-10_000)];
  const end = items.length - 1;
  return {
    kind: 'line',
    x: 0,
    baseline: 20,
    measure: SIZE * texts.length,
    align: 'left',
    items,
    line: { start: 0, end, ratio: 0, naturalWidth: SIZE * texts.length, width: SIZE * texts.length, overfull: false },
    last: true,
    tag: { article: 'a', role: 'P' },
    origin: { kind: 'block', index: 0 },
    onGrid: true,
  };
}

describe('lineFacts', () => {
  it('reads the first and last visible characters past white space and invisible marks', () => {
    const facts = lineFacts(placed([' ', '\u200b党', '建', '引\u200b', '\u3000']));
    expect(facts.text).toBe(' \u200b党建引\u200b\u3000');
    expect(facts.first).toBe('党');
    expect(facts.last).toBe('引');
  });

  it('takes a character past U+FFFF whole, at either end', () => {
    const facts = lineFacts(placed(['𠮷', '野', '𩸽\u200b']));
    expect(facts.first).toBe('𠮷');
    expect(facts.last).toBe('𩸽');
  });

  it('gives nothing for a line that shows nothing', () => {
    const facts = lineFacts(placed([' ', '\u200b']));
    expect(facts.first).toBe('');
    expect(facts.last).toBe('');
  });
});
