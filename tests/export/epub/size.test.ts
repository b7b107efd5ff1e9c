import { expect, test } from 'vitest';
import { writeEpub } from '../../../src/export/epub/index.js';
import { loadFontBook } from '../../../src/fonts/index.js';
import type { Edition } from '../../../src/model/document.js';
import { article, jpegBytes, pageFile, removeEdition, writeEdition, type EditionFiles } from '../../helpers/edition.js';
import { epubcheck, unzip } from './fixture.js';

/**
 * A full page's worth of text: ~7,000 characters over six articles, drawing on 1,800 distinct
 * Han characters spread over the whole CJK block (more, and more complex, than a real page
 * uses), in every role, so every face gets a realistic subset. Written as a page file and
 * parsed, as an edition is.
 */
function bigEdition(): Edition {
  const pool = Array.from({ length: 1800 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 11) % 0x51a0)));
  let k = 0;
  const text = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += pool[k++ % pool.length] + (i % 23 === 22 ? '，' : '');
    return `${s}。`;
  };
  const images: Record<string, Uint8Array> = {};
  const articles = Array.from({ length: 6 }, (_, a) => {
    images[`images/f${a}.jpg`] = jpegBytes(24, 16);
    return article(
      `a${a + 1}`,
      [
        `${text(10)} {.kicker}`,
        `# ${text(14)}`,
        `${text(12)} {.subtitle}`,
        `${text(8)} {.byline}`,
        ...(a === 0 ? [`${text(120)} {.note}`] : []),
        ...Array.from({ length: 8 }, (_, p) => (p === 3 ? `## ${text(8)}` : `${text(140)}**${text(8)}**`)),
        `> ${text(30)}`,
        `![图](images/f${a}.jpg "${text(40)}")`,
      ],
      a === 5 ? { box: true, label: '金台潮声' } : {},
    );
  });
  const files: EditionFiles = {
    'edition.yml': 'slug: big\ntitle: 大样\n',
    '1.md': pageFile({ page: 1, section: '要闻', areas: ['a1 a2 a3 a4 a5 a6'], rows: ['auto'] }, articles),
    ...images,
  };
  return writeEdition(files, 'banmian-epub-big-');
}

test('a ~7,000-character edition with all faces embedded stays under 3 MB and valid', { timeout: 180_000 }, async () => {
  const edition = bigEdition();
  try {
    // Every role, strong and the figures made it through the parser.
    const roles = new Set(edition.pages[0].articles.flatMap((a) => a.blocks.map((b) => (b.kind === 'text' ? b.role : b.kind))));
    expect([...roles].sort()).toEqual(['byline', 'figure', 'headline', 'kicker', 'note', 'paragraph', 'pullquote', 'section-head', 'subtitle']);
    expect(edition.pages[0].articles[0].blocks.some((b) => b.kind === 'text' && b.inlines.some((i) => i.kind === 'strong'))).toBe(true);
    const epub = await writeEpub(edition, loadFontBook(), { modified: new Date('2024-11-24T00:00:00Z') });
    const { text } = await unzip(epub);
    const chars = [...text.entries()]
      .filter(([n]) => /p1-a\d\.xhtml$/.test(n))
      .reduce((sum, [, x]) => sum + (x.match(/\p{Script=Han}/gu)?.length ?? 0), 0);
    expect(chars).toBeGreaterThan(6500);
    expect(epub.length).toBeLessThan(3_000_000);
    const { output } = epubcheck(epub);
    expect(output).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
    console.log(`~${chars} Han characters → ${epub.length} bytes`);
  } finally {
    removeEdition(edition);
  }
});
