/**
 * Reference §4 cases 31 and 33–35 on the sample page: widows and orphans, the baseline grid
 * across columns, balanced columns, and headlines spanning their module.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComposedPage, PlacedLine } from '../../src/compose/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { typesetEdition } from '../../src/pipeline.js';
import { ROOT } from '../helpers/tools.js';

let page: ComposedPage;
const bodyLines = (): PlacedLine[] =>
  page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.role === 'P' && e.tag.article !== '#page' && e.align === 'justify');

beforeAll(() => {
  page = typesetEdition(join(ROOT, 'content'), loadFontBook()).composed[0];
});

describe('the sample page', () => {
  it('31: no column starts with a paragraph’s last line alone, nor ends with its first line alone', () => {
    const columns = new Map<string, PlacedLine[]>();
    for (const line of bodyLines()) {
      const key = `${line.tag.article}@${line.x}`;
      columns.set(key, [...(columns.get(key) ?? []), line]);
    }
    expect(columns.size).toBeGreaterThan(10);
    for (const [key, lines] of columns) {
      lines.sort((a, b) => a.baseline - b.baseline);
      const first = lines[0];
      const last = lines[lines.length - 1];
      expect(first.last && first.line.start > 0, `widow at the head of ${key}`).toBe(false);
      expect(last.line.start === 0 && !last.last, `orphan at the foot of ${key}`).toBe(false);
    }
  });

  it('33: every body line is on one baseline grid (lines of neighbouring columns align)', () => {
    const { pitch, firstBaseline } = page.grid;
    for (const line of bodyLines()) {
      const k = (line.baseline - firstBaseline) / pitch;
      expect(Math.abs(k - Math.round(k)) * pitch).toBeLessThan(0.01);
    }
  });

  it('even texture: no paragraph line but a last one is spaced wider than its gaps’ full stretch (0.15 em)', () => {
    // Filling a column by setting a paragraph a line looser must not buy the line with loose
    // lines (loosen.ts MAX_LOOSENED_RATIO).
    const lines = bodyLines().filter((l) => !l.last && l.measure > 100);
    expect(lines.length).toBeGreaterThan(300);
    const loose = lines.filter((l) => l.line.ratio > 1).map((l) => `${l.tag.article}@${l.x},${l.baseline}: ${l.line.ratio.toFixed(2)}`);
    expect(loose).toEqual([]);
  });

  it('a pull quote is set at the size that puts a whole number of characters in its column', () => {
    const quote = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.role === 'BlockQuote');
    expect(quote.length).toBeGreaterThan(2);
    for (const line of quote) {
      const size = line.items.find((i) => i.kind === 'box' && i.run)!;
      const em = (size as { run: { size: number } }).run.size;
      expect(line.measure / em).toBeCloseTo(Math.round(line.measure / em), 9);
      expect(em).toBeCloseTo(117 / 8, 9);
    }
  });

  it('34: the columns of an article without photos differ by at most one line', () => {
    for (const article of page.articles.filter((a) => a.id !== 'duty')) {
      const per = article.linesPerColumn;
      expect(Math.max(...per) - Math.min(...per), article.id).toBeLessThanOrEqual(1);
    }
  });

  it('35: a headline spans exactly its module, n × column + (n − 1) × gutter', () => {
    const lead = page.articles.find((a) => a.id === 'lead')!;
    expect(lead.width).toBe(3 * 117 + 2 * 9);
    const heads = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === 'lead' && e.tag.role === 'H1');
    expect(heads.length).toBeGreaterThan(0);
    for (const head of heads) {
      expect(head.x).toBeCloseTo(lead.x, 6);
      expect(head.measure).toBe(lead.width);
    }
  });
});

describe('the lead’s kicker', () => {
  it('keeps its size and wraps at a phrase end (after a mark), rather than shrinking to one line', () => {
    const kicker = page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === 'lead' && e.items.some((i) => i.kind === 'box' && i.run?.size === 15));
    expect(kicker.length).toBe(2);
    const first = kicker[0];
    const lastBox = first.items.slice(first.line.start, first.line.end).filter((i) => i.kind === 'box' && i.run).pop();
    const text = lastBox && lastBox.kind === 'box' ? lastBox.run!.glyphs.map((g) => g.text).join('') : '';
    expect('，、').toContain(text);
  });
});
