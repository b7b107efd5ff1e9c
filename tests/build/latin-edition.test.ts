/**
 * Latin words in Chinese columns (tests/fixtures/latin-edition): long English words break at
 * hyphens where the patterns allow, brand names stay whole, and the PDF's text keeps every word
 * and the spaces between them (each word space is drawn as the font's space glyph). The page
 * also carries a PNG chart with transparency.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { banmian, ROOT, run, typocheck } from '../helpers/tools.js';

const FIXTURE = join(ROOT, 'tests/fixtures/latin-edition');

describe('an A4 page with English words among the Chinese', () => {
  let pdf: string;
  let lines: string[];

  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'banmian-latin-'));
    const r = banmian(['build', FIXTURE, '--out', out, '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
    pdf = join(out, 'latin-test.pdf');
    lines = run('pdftotext', ['-raw', pdf, '-']).stdout.split('\n');
  });

  it('hyphenates some long words at line ends, never a brand name', () => {
    const hyphenated = lines.filter((l) => /[a-z]-$/.test(l));
    expect(hyphenated.length).toBeGreaterThan(1);
    expect(lines.join('\n')).toContain('WeChat 与 iPhone');
  });

  it('every English word and the space between two words survive extraction', () => {
    // Undo the line-end hyphens, then look for the source's phrases.
    const text = lines.join('\n').replace(/([a-z])-\n([a-z])/g, '$1$2').replace(/\n/g, '');
    for (const phrase of ['telecommunications infrastructure', 'internationalization', 'technology companies', 'interoperability', 'standardization', 'sustainability', 'accountability', 'cooperation']) {
      expect(text).toContain(phrase);
    }
  });

  it('embeds its PNG chart whole, flattened onto white (an RGB image, no soft mask)', () => {
    const rows = run('pdfimages', ['-list', pdf]).stdout.trim().split('\n').slice(2);
    expect(rows.map((r) => r.trim().split(/\s+/).slice(2, 6))).toEqual([['image', '240', '120', 'rgb']]);
  });

  it('loses no Han character and breaks no line-edge rule (typocheck)', () => {
    const r = typocheck(pdf, FIXTURE);
    expect(r.han_recall).toBe(1);
    expect(r.start_violations).toBe(0);
    expect(r.end_violations).toBe(0);
  });
});
