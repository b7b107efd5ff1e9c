/**
 * Golden test of the whole page pipeline (parse → text → linebreak → compose → render) on the
 * sample edition in content/: the DrawOps as a text trace (src/export/trace), compared line by
 * line with tests/golden/sample.trace.
 *
 * After an intended change, regenerate and review the diff:
 *   UPDATE_GOLDEN=1 npx vitest run tests/golden
 * Without UPDATE_GOLDEN a missing golden is a failure, never silently written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { traceOps } from '../../src/export/trace/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { typesetEdition, type Typeset } from '../../src/pipeline.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const GOLDEN = join(HERE, 'sample.trace');
const CONTENT = join(HERE, '..', '..', 'content');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let set: Typeset;
let trace: string;

beforeAll(() => {
  set = typesetEdition(CONTENT, loadFontBook());
  trace = traceOps(set.rendered);
  if (UPDATE) writeFileSync(GOLDEN, trace);
});

describe('sample edition trace', () => {
  it('matches tests/golden/sample.trace', () => {
    if (!existsSync(GOLDEN)) {
      throw new Error(`${GOLDEN} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden and review it`);
    }
    const expected = readFileSync(GOLDEN, 'utf8');
    if (trace !== expected) {
      const a = trace.split('\n');
      const b = expected.split('\n');
      let k = 0;
      while (k < a.length && k < b.length && a[k] === b[k]) k++;
      expect.fail(
        `trace differs from the golden at line ${k + 1} (${a.length} lines now, ${b.length} in the golden):\n` +
          `  golden: ${b[k] ?? '<end>'}\n  now:    ${a[k] ?? '<end>'}\n` +
          'if the change is intended: UPDATE_GOLDEN=1 npx vitest run tests/golden',
      );
    }
  });

  it('sets every character: no character without a glyph, nothing overset', () => {
    expect(set.itemized.missing).toEqual([]);
    expect(set.composed.flatMap((p) => p.overset)).toEqual([]);
  });

  it('opens with the page, its header rules and header fields, then the lead’s series, kicker and headline', () => {
    const lines = trace.split('\n');
    expect(lines[0]).toMatch(/^page 11 1105\.51x1559\.06 "第11版 党建"$/);
    const glyphs = lines.filter((l) => l.startsWith('glyphs '));
    const text = (l: string): string => JSON.parse(l.match(/ (".*?") \d/)![1]) as string;
    expect(glyphs.slice(0, 4).every((l) => l.includes(' #page/Artifact '))).toBe(true);
    expect(glyphs.slice(0, 4).map(text)).toEqual(expect.arrayContaining(['第11版', '党建', '人民日报']));
    const lead = glyphs.filter((l) => l.includes(' lead/'));
    expect(text(lead[0])).toBe('深度关注·高质量党建引领高质量发展①');
    expect(text(lead[1]).startsWith('江苏省大力推进产业链党建工作')).toBe(true);
    const heads = lead.filter((l) => l.includes(' lead/H1 '));
    const headline = heads[0];
    // The headline breaks at its phrase space when the module is narrower than the headline.
    expect(heads.map(text).join('')).toBe('党建聚合力发展增动能');
    expect(heads.map(text)).toEqual(expect.arrayContaining([expect.stringMatching(/^(党建聚合力|党建聚合力发展增动能)$/)]));
    expect(lead.indexOf(headline)).toBeGreaterThan(1);
  });

  it('every body line of every page sits on the page’s baseline grid (§4 E33)', () => {
    for (const page of set.composed) {
      const { pitch, firstBaseline } = page.grid;
      let body = 0;
      for (const e of page.elements) {
        if (e.kind !== 'line' || e.align !== 'justify') continue;
        const first = e.items.find((i) => i.kind === 'box' && i.run);
        if (!first || first.kind !== 'box' || first.run!.size !== 9) continue;
        body++;
        const k = (e.baseline - firstBaseline) / pitch;
        expect(Math.abs(k - Math.round(k)) * pitch, `${e.tag.article} baseline ${e.baseline}`).toBeLessThan(0.01);
      }
      expect(body).toBeGreaterThan(100);
    }
  });

  it('no line is overfull', () => {
    for (const page of set.composed) for (const e of page.elements) if (e.kind === 'line') expect(e.line.overfull).toBe(false);
  });
});
