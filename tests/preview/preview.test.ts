/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * `banmian preview` in a real browser (Debian's chromium through puppeteer-core): every page
 * shows; an edit to a page file redraws its page without a reload; an overset article shows in
 * the findings and in red with the proof marks on; a broken front matter shows a banner over
 * the last good pages; the server answers for 127.0.0.1 only. With UPDATE_SCREENSHOT=1 it
 * saves the README's screenshot (docs/preview.png).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/index.js';
import { JUMP } from '../helpers/runs.js';
import { ROOT } from '../helpers/tools.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WAIT_MS = 15_000;
const tmp = mkdtempSync(join(tmpdir(), 'banmian-preview-'));
const dir = join(tmp, 'edition');
let preview: Preview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  cpSync(JUMP, dir, { recursive: true });
  preview = await startPreview(dir, { port: 0 });
  browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(preview.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The pages the viewer shows, each with its image drawn. */
async function shownPages(): Promise<{ page: string; src: string; drawn: boolean }[]> {
  return page.$$eval('figure', (figs) => figs.map((f) => {
    const img = f.querySelector('img')!;
    return { page: f.dataset.page!, src: img.getAttribute('src')!, drawn: img.complete && img.naturalWidth > 0 };
  }));
}

async function buildNumber(): Promise<number> {
  return page.$eval('#status', (s) => Number(/build (\d+)/.exec(s.textContent ?? '')?.[1] ?? 0));
}

/** Change a page file and wait for the viewer to show the build it started. */
async function edit(name: string, change: (text: string) => string): Promise<void> {
  const before = await buildNumber();
  const file = join(dir, name);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  await page.waitForFunction((n) => Number(/build (\d+)/.exec(document.querySelector('#status')?.textContent ?? '')?.[1] ?? 0) > n, { timeout: WAIT_MS }, before);
}

describe('banmian preview in a browser', () => {
  it('shows every page of the edition', async () => {
    await page.waitForFunction(() => document.querySelectorAll('figure img').length === 2 && [...document.querySelectorAll('figure img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0), { timeout: WAIT_MS });
    const pages = await shownPages();
    expect(pages.map((p) => p.page)).toEqual(['1', '2']);
    expect(pages.every((p) => p.drawn)).toBe(true);
    expect(await page.$eval('#banner', (b) => b.classList.contains('shown'))).toBe(false);
  });

  it('redraws the page an edit changes, without reloading', async () => {
    await page.evaluate(() => ((window as unknown as { kept: number }).kept = 42));
    const [first, second] = await shownPages();
    await edit('1.md', (text) => text.replace('# 敢啃“硬骨头”', '# 新敢啃“硬骨头”'));
    await page.waitForFunction((src) => document.querySelector('figure[data-page="1"] img')?.getAttribute('src') !== src, { timeout: WAIT_MS }, first.src);
    const [after1, after2] = await shownPages();
    expect(after1.src).not.toBe(first.src);
    expect(after2.src).toBe(second.src);
    expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(42);
    const svg = await page.evaluate(async (src) => (await fetch(src)).text(), after1.src);
    expect(svg).toContain('>新');
  });

  it('lists an overset article in the findings and shows it in red with the proof marks on', async () => {
    await edit('2.md', (text) => text.replace(/\n:::\s*$/, `\n\n${'加长的段落，用来把这篇稿子撑出它的版面。'.repeat(60)}\n:::\n`));
    await page.waitForSelector('aside a[data-code="overset"]', { timeout: WAIT_MS });
    await page.click('#proof');
    await page.waitForFunction(() => [...document.querySelectorAll('figure img')].every((i) => i.getAttribute('src')!.includes('proof=1')), { timeout: WAIT_MS });
    const proofSvg = await page.evaluate(async () => (await fetch(document.querySelector('figure[data-page="2"] img')!.getAttribute('src')!)).text());
    expect(proofSvg).toContain('溢出');
    expect(proofSvg).toMatch(/rgb\(2\d\d,0,0\)|rgb\(2\d\d,\d{1,2},\d{1,2}\)/);
    // A finding's link takes the reader to its place on its page.
    await page.click('aside a[data-code="overset"]');
    await page.waitForSelector('figure[data-page="2"] .mark', { timeout: WAIT_MS });
    if (process.env.UPDATE_SCREENSHOT) await page.screenshot({ path: join(ROOT, 'docs/preview.png') });
  });

  it('shows a build error as a banner over the last good pages', async () => {
    const pagesBefore = await shownPages();
    await edit('1.md', (text) => text.replace('columns:', 'columns: [oops'));
    await page.waitForFunction(() => document.querySelector('#banner')?.classList.contains('shown'), { timeout: WAIT_MS });
    const banner = await page.$eval('#banner', (b) => b.textContent ?? '');
    expect(banner).toMatch(/1\.md:\d+: /);
    expect((await shownPages()).map((p) => p.src)).toEqual(pagesBefore.map((p) => p.src));
    await edit('1.md', (text) => text.replace('columns: [oops', 'columns:'));
    await page.waitForFunction(() => !document.querySelector('#banner')?.classList.contains('shown'), { timeout: WAIT_MS });
  });

  it('answers for 127.0.0.1 and localhost only, and serves nothing from disk', async () => {
    const status = (path: string, host: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const url = new URL(preview.url);
        request({ host: '127.0.0.1', port: url.port, path, headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject).end();
      });
    const port = new URL(preview.url).port;
    expect(await status('/', `127.0.0.1:${port}`)).toBe(200);
    expect(await status('/', `localhost:${port}`)).toBe(200);
    expect(await status('/', `evil.example:${port}`)).toBe(403);
    expect(await status('/1.md', `127.0.0.1:${port}`)).toBe(404);
    expect(await status('/../../etc/passwd', `127.0.0.1:${port}`)).toBe(404);
    expect(await status('/images/', `127.0.0.1:${port}`)).toBe(404);
  });
});
