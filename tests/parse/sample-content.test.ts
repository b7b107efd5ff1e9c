/**
 * The real sample edition in content/ (written alongside this stage). Deliberately not
 * skipped: until content/11.md exists, this test fails and says so.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { plainText } from '../../src/model/inline.js';
import { parseEdition } from '../../src/parse/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const content = join(root, 'content');

describe('the sample edition in content/', () => {
  it('parses content/11.md into 4 articles with the expected structure', () => {
    expect(existsSync(join(content, '11.md')), 'content/11.md does not exist yet').toBe(true);
    const edition = parseEdition(relative(process.cwd(), content) || '.');
    expect(edition.pages).toHaveLength(1);
    const [page] = edition.pages;
    expect(page.number).toBe(11);
    expect(page.articles.map((a) => a.id)).toEqual(['lead', 'jintai', 'duty', 'hlbr']);

    const byId = new Map(page.articles.map((a) => [a.id, a]));
    const roles = (id: string) => (byId.get(id)?.blocks ?? []).map((b) => (b.kind === 'text' ? b.role : 'figure'));
    const count = (id: string, role: string) => roles(id).filter((r) => r === role).length;

    const lead = byId.get('lead')!;
    const headlines = lead.blocks.filter((b) => b.kind === 'text' && b.role === 'headline');
    expect(headlines.map((b) => (b.kind === 'text' ? plainText(b.inlines) : ''))).toEqual(['党建聚合力 发展增动能']);
    expect(count('lead', 'section-head')).toBe(3);
    expect(count('lead', 'section-subhead')).toBe(3);

    const jintai = byId.get('jintai')!;
    expect(jintai.box).toBe(true);
    expect(jintai.label).toBe('金台潮声');

    expect(count('duty', 'figure')).toBe(2);
    expect(count('duty', 'pullquote')).toBe(1);
    for (const block of byId.get('duty')!.blocks) {
      if (block.kind !== 'figure') continue;
      expect(block.pixelWidth).toBeGreaterThan(0);
      expect(block.pixelHeight).toBeGreaterThan(0);
      expect(block.src.startsWith(edition.dir)).toBe(true);
    }
    expect(page.articles[0].source.file).toBe(join('content', '11.md'));
  });
});
