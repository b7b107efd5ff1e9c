/**
 * The preview's warm build: after an edit it sets again only the texts the edit changed (the
 * others, and their broken lines, come from the last build), and its pages are exactly those a
 * fresh build of the edited edition draws; a broken page keeps the last good pages.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/index.js';
import { PreviewSession } from '../../src/preview/session.js';
import { JUMP, SAMPLE } from '../helpers/runs.js';

const fonts = loadFontBook();
const tmp = mkdtempSync(join(tmpdir(), 'banmian-session-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('PreviewSession', () => {
  it('sets again only what an edit changed, and draws what a fresh build draws', async () => {
    const dir = join(tmp, 'edition');
    cpSync(SAMPLE, dir, { recursive: true });
    const session = new PreviewSession(dir, fonts);
    const first = await session.rebuild();
    const before = session.reuse();
    expect(first.pages).toHaveLength(1);
    const page = join(dir, '11.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('高质量发展是新时代的硬道理', '高质量发展是新时代的硬道理！'));
    const second = await session.rebuild();
    const after = session.reuse();
    const setAgain = after.texts.set - before.texts.set;
    const reused = after.texts.reused - before.texts.reused;
    expect(setAgain).toBe(1);
    expect(reused).toBeGreaterThan(50);
    expect(after.lines.linesReused).toBeGreaterThan(before.lines.linesReused);
    expect(second.pages[0].version).not.toBe(first.pages[0].version);
    const fresh = new PreviewSession(dir, fonts);
    const state = await fresh.rebuild();
    expect(state.pages[0].version).toBe(second.pages[0].version);
    expect(session.svg(11, false)).toBe(fresh.svg(11, false));
    expect(session.svg(11, true)).toBe(fresh.svg(11, true));
  });

  it('parses again only the page files that changed, and a page whose photo changed', async () => {
    const dir = join(tmp, 'two-pages');
    cpSync(JUMP, dir, { recursive: true });
    const session = new PreviewSession(dir, fonts);
    await session.rebuild();
    const page1 = join(dir, '1.md');
    writeFileSync(page1, readFileSync(page1, 'utf8').replace('# 敢啃“硬骨头”', '# 新敢啃“硬骨头”'));
    const before = session.reuse().pages;
    await session.rebuild();
    const after = session.reuse().pages;
    expect([after.parsed - before.parsed, after.reused - before.reused]).toEqual([1, 1]);
    // A photo on page 2 replaced by another file (the same bytes, written anew: a new time).
    const photo = readdirSync(join(dir, 'images'))[0];
    const bytes = readFileSync(join(dir, 'images', photo));
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(dir, 'images', photo), bytes);
    await session.rebuild();
    const last = session.reuse().pages;
    expect(last.parsed - after.parsed).toBeGreaterThanOrEqual(1);
  });

  it('keeps the last good pages under a build error', async () => {
    const dir = join(tmp, 'broken');
    cpSync(SAMPLE, dir, { recursive: true });
    const session = new PreviewSession(dir, fonts);
    const good = await session.rebuild();
    const page = join(dir, '11.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('columns: 8', 'columns: [8'));
    const bad = await session.rebuild();
    expect(bad.error).toMatch(/11\.md:\d+: /);
    expect(bad.pages).toEqual(good.pages);
    expect(bad.build).toBe(good.build + 1);
  });
});
