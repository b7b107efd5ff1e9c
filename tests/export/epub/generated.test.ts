/**
 * EPUBs of generated editions (tests/helpers/generate.ts): copy no one wrote by hand, with band
 * heads, photos above the headline, tables, lists, index lists, notes and briefs, made by the run
 * (tests/setup) and checked by EPUBCheck there. Every one passes with no error and no warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, inject, it } from 'vitest';
import { GENERATED_BOOK_SEEDS, generatedBookName } from './fixture.js';
import { epubcheckVerdict } from '../../helpers/runs.js';
import { UNIT_DIR } from '../../setup/runs.js';

/** The XHTML of a generated book, all its documents together. */
async function markup(seed: number): Promise<string> {
  await epubcheckVerdict(generatedBookName(seed)); // the run has made and checked it
  const zip = await JSZip.loadAsync(readFileSync(join(inject('runDir'), UNIT_DIR, `${generatedBookName(seed)}.epub`)));
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xhtml'));
  return (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
}

describe('EPUBs of generated editions', () => {
  it.each(GENERATED_BOOK_SEEDS)('seed %i: EPUBCheck finds no error and no warning', async (seed) => {
    const verdict = await epubcheckVerdict(generatedBookName(seed));
    expect(verdict.output).toContain('No errors or warnings detected');
    expect(verdict.status).toBe(0);
  });

  it('between them carry every element of content format 1.1', async () => {
    const all = (await Promise.all(GENERATED_BOOK_SEEDS.map(markup))).join('\n');
    for (const element of ['<article class="band-head', '<figure class="above">', '<table', '<ol', '<ul class="index">', 'epub:type="footnote"', '<p class="brief">']) {
      expect(all, element).toContain(element);
    }
  });
});
