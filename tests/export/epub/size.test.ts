/** The ~7,000-character book of the exporter tests (fixture.ts `bigEdition`), as the run built and checked it. */
import { expect, test } from 'vitest';
import { epubcheckVerdict, unitBook } from '../../helpers/runs.js';
import { bigEdition, removeEdition, unzip } from './fixture.js';

test('a ~7,000-character edition with all faces embedded stays under 3 MB and valid', async () => {
  const edition = bigEdition();
  try {
    // Every role, strong and the figures made it through the parser.
    const roles = new Set(edition.pages[0].articles.flatMap((a) => a.blocks.map((b) => (b.kind === 'text' ? b.role : b.kind))));
    expect([...roles].sort()).toEqual(['byline', 'figure', 'headline', 'kicker', 'note', 'paragraph', 'pullquote', 'section-head', 'subtitle']);
    expect(edition.pages[0].articles[0].blocks.some((b) => b.kind === 'text' && b.inlines.some((i) => i.kind === 'strong'))).toBe(true);
  } finally {
    removeEdition(edition);
  }
  const epub = await unitBook('big');
  const { text } = await unzip(epub);
  const chars = [...text.entries()]
    .filter(([n]) => /p1-a\d\.xhtml$/.test(n))
    .reduce((sum, [, x]) => sum + (x.match(/\p{Script=Han}/gu)?.length ?? 0), 0);
  expect(chars).toBeGreaterThan(6500);
  expect(epub.length).toBeLessThan(3_000_000);
  const { output } = await epubcheckVerdict('big');
  expect(output).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
  console.log(`~${chars} Han characters → ${epub.length} bytes`);
});
