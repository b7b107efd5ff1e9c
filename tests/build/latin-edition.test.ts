/**
 * Latin words in Chinese columns (tests/fixtures/latin-edition): long English words break at
 * hyphens where the patterns allow, brand names stay whole, and the PDF's text keeps every word
 * and the spaces between them (each word space is drawn as the font's space glyph). The page
 * also carries a PNG chart with transparency.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReports, expectWhole } from '../helpers/check-json.js';
import { epubcheckVerdict, sharedBuild } from '../helpers/runs.js';
import { run } from '../helpers/tools.js';

describe('an A4 page with English words among the Chinese', () => {
  let pdf: string;
  let out: string;
  let lines: string[];

  beforeAll(async () => {
    const r = await sharedBuild('latin');
    expect(r.status, r.stderr).toBe(0);
    out = r.out;
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

  it('loses no character and breaks no line-edge rule (banmian check); its chart is too coarse to print well', async () => {
    const report = (await checkReports()).get('latin-test')!;
    expectWhole(report);
    // A 240-pixel chart two columns wide, and a page with room to spare: warnings, not errors.
    expect([...new Set(report.findings.map((f) => f.code))]).toEqual(['low-resolution', 'underfill']);
    expect(report.warnings).toBe(report.findings.length);
  });

  it('gives an EPUB that EPUBCheck accepts', async () => {
    const r = await epubcheckVerdict(join(out, 'latin-test.epub'));
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
  });
});
