import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { writeEpub } from '../../../src/export/epub/index.js';
import { loadFontBook } from '../../../src/fonts/index.js';
import type { Article, Edition, Inline, TextBlock, TextRole } from '../../../src/model/document.js';
import { epubcheck, makeJpeg, unzip } from './fixture.js';

/**
 * A full page's worth of text: ~7,000 characters over six articles, drawing on 1,800 distinct
 * Han characters spread over the whole CJK block (more, and more complex, than a real page
 * uses), in every role, so every face gets a realistic subset.
 */
function bigEdition(dir: string): Edition {
  const pool = Array.from({ length: 1800 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 11) % 0x51a0)));
  let k = 0;
  const text = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += pool[k++ % pool.length] + (i % 23 === 22 ? '，' : '');
    return `${s}。`;
  };
  const block = (role: TextRole, ...inlines: Inline[]): TextBlock => ({ kind: 'text', role, inlines, source: { file: 'x.md', line: 1 } });
  const articles: Article[] = Array.from({ length: 6 }, (_, a) => ({
    source: { file: 'x.md', line: 1 },
    id: `a${a + 1}`,
    box: a === 5,
    label: a === 5 ? '金台潮声' : undefined,
    blocks: [
      block('kicker', { kind: 'text', text: text(10) }),
      block('headline', { kind: 'text', text: text(14) }),
      block('subtitle', { kind: 'text', text: text(12) }),
      block('byline', { kind: 'text', text: text(8) }),
      ...(a === 0 ? [block('note', { kind: 'text', text: text(120) })] : []),
      ...Array.from({ length: 8 }, (_, p) =>
        p === 3
          ? block('section-head', { kind: 'text', text: text(8) })
          : block('paragraph', { kind: 'text', text: text(140) }, { kind: 'strong', children: [{ kind: 'text', text: text(8) }] }),
      ),
      block('pullquote', { kind: 'text', text: text(30) }),
      {
        kind: 'figure',
        src: makeJpeg(dir, `f${a}.jpg`),
        href: `f${a}.jpg`,
        alt: '图',
        caption: [{ kind: 'text', text: text(40) }],
        pixelWidth: 24,
        pixelHeight: 16,
        source: { file: 'x.md', line: 1 },
      },
    ],
  }));
  return {
    slug: 'big',
    title: '大样',
    language: 'zh-Hans',
    dir,
    pages: [
      {
        source: { file: 'x.md', line: 1 },
        paper: '人民日报',
        date: '2024-11-24',
        number: 1,
        section: '要闻',
        size: { kind: 'named', name: 'broadsheet' },
        columns: 6,
        areas: [articles.map((a) => a.id)],
        rows: [{ kind: 'auto' }],
        articles,
      },
    ],
  };
}

test('a ~7,000-character edition with all faces embedded stays under 3 MB and valid', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-epub-big-'));
  try {
    const edition = bigEdition(dir);
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
    rmSync(dir, { recursive: true, force: true });
  }
});
