/**
 * The content format's elements (version 1.1), one fixture each (tests/fixtures, listed in
 * ELEMENT_FIXTURES), built together in one run: each builds with no error, and each EPUB passes
 * EPUBCheck with no error and no warning. What each element looks like is tested beside it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubcheckVerdict, sharedBuild, type BuildRun } from '../helpers/runs.js';
import { ELEMENT_FIXTURES } from '../setup/runs.js';
import { run } from '../helpers/tools.js';

let build: BuildRun;
beforeAll(async () => {
  build = await sharedBuild('elements');
});

describe('the element fixtures', () => {
  it('build with no audit error', () => {
    expect(build.status, build.stderr).toBe(0);
    const lines = build.stdout.split('\n').filter((l) => l.includes(': check: '));
    expect(lines).toHaveLength(ELEMENT_FIXTURES.length);
    for (const line of lines) expect(line).toMatch(/, 0 error\(s\), /);
  });

  it('give EPUBs that EPUBCheck accepts: no error, no warning', async () => {
    const books = readdirSync(build.out).filter((f) => f.endsWith('.epub'));
    expect(books).toHaveLength(ELEMENT_FIXTURES.length);
    for (const book of books) {
      const verdict = await epubcheckVerdict(join(build.out, book));
      expect(verdict.output, book).toContain('No errors or warnings detected');
      expect(verdict.status, book).toBe(0);
    }
  });

  it('band heads: the PDF’s text (in content order) reads the band head, then each story under it, the photo’s caption before its headline', () => {
    const text = run('pdftotext', ['-raw', join(build.out, 'band-heads.pdf'), '-']).stdout.replace(/\s+/g, '');
    const at = (s: string): number => text.indexOf(s.replace(/\s+/g, ''));
    const order = ['产业链上党旗红', '江苏推动政企高效沟通', '靖江市新时代造船有限公司码头', '握指成拳', '组织建在链上'].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
