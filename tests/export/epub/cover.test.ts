/**
 * The EPUB's cover (an SVG of glyph outlines, registered as the cover image, its page first in
 * the spine), the reading-system CSS (lang, hierarchy, indent, text-spacing-trim/autospace),
 * vertical writing, and leaving fonts out. The SVG is rasterised with mutool to check that it
 * really shows the masthead and the headline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COVER_HEIGHT, COVER_WIDTH, coverNumber, headlineLines, renderCoverSvg } from '../../../src/export/epub/cover.js';
import { writeEpub } from '../../../src/export/epub/index.js';
import { loadFontBook } from '../../../src/fonts/index.js';
import type { FontBook, FontRole } from '../../../src/fonts/types.js';
import type { Edition } from '../../../src/model/document.js';
import { epubcheckVerdict, unitBook } from '../../helpers/runs.js';
import { makeEdition, MODIFIED, removeEdition, unzip } from './fixture.js';


let edition: Edition;
let fonts: FontBook;
let epub: Buffer;
let files: Awaited<ReturnType<typeof unzip>>;
let tmp: string;

beforeAll(async () => {
  edition = makeEdition();
  fonts = loadFontBook();
  epub = await unitBook('book');
  files = await unzip(epub);
  tmp = mkdtempSync(join(tmpdir(), 'banmian-cover-'));
});

afterAll(() => {
  removeEdition(edition);
  rmSync(tmp, { recursive: true, force: true });
});

const opf = () => files.text.get('EPUB/package.opf')!;
const svg = () => files.bytes.get('EPUB/cover.svg')!.toString('utf8');

/** Spine item hrefs in order. */
function spine(xml: string): string[] {
  const hrefById = new Map([...xml.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  return [...xml.matchAll(/<itemref idref="([^"]+)"[^>]*\/>/g)].map((m) => hrefById.get(m[1])!);
}

/** Rasterise an SVG with mutool: a grey-free RGB reader at `dpi` (72 = one pixel per unit). */
function rasterise(svgText: string, dpi: number): { width: number; height: number; rgb(x: number, y: number): number[] } {
  const file = join(tmp, `r${dpi}.svg`);
  writeFileSync(file, svgText);
  const out = join(tmp, `r${dpi}.ppm`);
  const r = spawnSync('mutool', ['draw', '-q', '-r', String(dpi), '-c', 'rgb', '-F', 'pnm', '-o', out, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const ppm = readFileSync(out);
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
  const [width, height, offset] = [Number(m[1]), Number(m[2]), m[0].length];
  return { width, height, rgb: (x, y) => [...ppm.subarray(offset + (y * width + x) * 3, offset + (y * width + x) * 3 + 3)] };
}

/** Outline contours (subpaths) of `text` set in `role`'s chain, as the cover picks faces. */
function contours(role: FontRole, text: string): number {
  const chain = fonts.chain(role);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = chain.find((f) => fonts.glyph(f, cp) !== undefined) ?? chain[0];
    n += face.font.getGlyph(fonts.glyph(face, cp)?.id ?? 0).path.commands.filter((c) => c.command === 'moveTo').length;
  }
  return n;
}

describe('cover', () => {
  test('is an SVG registered as the cover image, with a cover page first in the spine and in the landmarks', () => {
    expect(opf()).toContain('<item id="cover-image" href="cover.svg" media-type="image/svg+xml" properties="cover-image"/>');
    expect(opf()).toContain('<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>');
    expect(opf()).toContain('<meta name="cover" content="cover-image"/>');
    expect(spine(opf())).toEqual(['cover.xhtml', 'p11-lead.xhtml', 'p11-box.xhtml', 'p12-pinglun.xhtml']);
    const page = files.text.get('EPUB/cover.xhtml')!;
    expect(page).toMatch(/<html [^>]*lang="zh-Hans" xml:lang="zh-Hans"/);
    expect(page).toContain('<section class="cover" epub:type="cover">');
    expect(page).toContain('<img src="cover.svg" alt="人民日报 2024年11月24日 星期日 第11版 党建 基层党建引领乡村全面振兴"/>');
    expect(files.text.get('EPUB/nav.xhtml')).toContain('<li><a epub:type="cover" href="cover.xhtml">封面</a></li>');
  });

  test('draws every character as outlines: no text, no font; paper red, the rest ink', () => {
    const xml = svg();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" version="1.1" width="1200" height="1600" viewBox="0 0 1200 1600"/);
    expect(xml).toContain('<title>人民日报 2024年11月24日 星期日 第11版 党建 基层党建引领乡村全面振兴</title>');
    expect(xml).not.toMatch(/<text|font-family|@font-face|<image/);
    const paths = [...xml.matchAll(/<path fill="(#[0-9a-f]{6})" d="([^"]+)"\/>/g)];
    expect(paths.map((p) => p[1])).toEqual(['#c00000', '#111111']);
    const subpaths = (d: string) => (d.match(/M/g) ?? []).length;
    // Exactly the glyphs of the masthead, and of the date, page line and headline.
    expect(subpaths(paths[0][2])).toBe(contours('header-paper', '人民日报'));
    expect(subpaths(paths[1][2])).toBe(contours('header', '2024年11月24日 星期日第11版 党建') + contours('headline', '基层党建引领乡村全面振兴'));
    // Coordinates rounded to 0.1 unit, all on the canvas.
    const numbers = paths.flatMap((p) => p[2].split(/[MLQCZ ]/).filter(Boolean));
    expect(numbers.filter((v) => !/^\d+(\.\d)?$/.test(v))).toEqual([]);
    expect(numbers.every((v) => Number(v) <= COVER_HEIGHT)).toBe(true);
  });

  test('renders (mutool): a red masthead over the rules, the headline dark and centred below', () => {
    const img = rasterise(svg(), 36); // half size: 600 × 800
    expect([img.width, img.height]).toEqual([COVER_WIDTH / 2, COVER_HEIGHT / 2]);
    const isRed = ([r, g, b]: number[]) => r > 150 && g < 80 && b < 80;
    const isInk = ([r, g, b]: number[]) => r < 80 && g < 80 && b < 80;
    const rows = (test: (px: number[]) => boolean) => {
      const out: number[] = [];
      for (let y = 0; y < img.height; y++) {
        let n = 0;
        for (let x = 0; x < img.width; x++) if (test(img.rgb(x, y))) n++;
        out.push(n);
      }
      return out;
    };
    const red = rows(isRed);
    const ink = rows(isInk);
    // Masthead: red in the top fifth, thick (a row nearly all red is a rule).
    expect(red.slice(0, 160).reduce((a, b) => a + b, 0)).toBeGreaterThan(5000);
    expect(Math.max(...red.slice(0, 240))).toBeGreaterThan(img.width * 0.8);
    // Headline: dark ink in the middle of the page, in one block of lines.
    const headRows = ink.map((n, y) => [n, y]).filter(([n, y]) => n > 10 && y > 300 && y < 700);
    expect(headRows.length).toBeGreaterThan(40);
    // Centred: as much white left of the ink as right of it (±4 px).
    let minX = img.width;
    let maxX = 0;
    for (const [, y] of headRows) {
      for (let x = 0; x < img.width; x++) {
        if (isInk(img.rgb(x, y))) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
        }
      }
    }
    expect(Math.abs(minX - (img.width - 1 - maxX))).toBeLessThanOrEqual(4);
    // Bottom: red rules again, nothing on the margins' edge.
    expect(Math.max(...red.slice(700))).toBeGreaterThan(img.width * 0.8);
    expect(img.rgb(5, 5)).toEqual([255, 255, 255]);
  });

  test('breaks the headline at its phrase spaces, long phrases into even lines that respect kinsoku', () => {
    expect(headlineLines('党建聚合力 发展增动能', 12)).toEqual(['党建聚合力', '发展增动能']);
    expect(headlineLines('看准了就坚定不移抓', 9)).toEqual(['看准了就坚定不移抓']);
    expect(headlineLines('看准了就坚定不移抓', 5)).toEqual(['看准了就坚', '定不移抓']);
    // No line starts with a closing mark or ends with an opening one; —— stays whole.
    const lines = headlineLines('“为了群众安全，再累都值得”——记地质工程师陈昊', 6);
    expect(lines.join('')).toBe('“为了群众安全，再累都值得”——记地质工程师陈昊');
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。”—]/u);
      expect(line).not.toMatch(/[“]$/u);
    }
    expect(lines.some((l) => l.includes('——'))).toBe(true);
  });

  test('a long headline is set smaller, on more lines, still inside the margins', () => {
    const text = { paper: '中国青年报', date: '2025年1月2日 星期四', page: '第3版 要闻', lang: 'zh-Hans', headline: '“为了群众安全，再累都值得”——记重庆市地矿局南江地质队驻守地质工程师陈昊和他的同事们' };
    const xml = renderCoverSvg(text, fonts);
    const numbers = [...xml.matchAll(/ d="([^"]+)"/g)].flatMap((m) => m[1].split(/[MLQCZ ]/).filter(Boolean).map(Number));
    const xs = numbers.filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(89);
    expect(Math.max(...xs)).toBeLessThanOrEqual(COVER_WIDTH - 89);
    expect(renderCoverSvg(text, fonts)).toBe(xml); // deterministic
  });

  test('is the same with or without embedded fonts (it needs none)', async () => {
    const bare = await unzip(await unitBook('bare'));
    expect(bare.bytes.get('EPUB/cover.svg')!.equals(files.bytes.get('EPUB/cover.svg')!)).toBe(true);
  });
});

describe('CSS for reading systems', () => {
  test('lang on every document; hierarchy, indent, text-spacing-trim and text-autospace in the stylesheet', () => {
    for (const name of files.names.filter((n) => n.endsWith('.xhtml'))) {
      expect(files.text.get(name), name).toMatch(/<html [^>]*lang="zh-Hans" xml:lang="zh-Hans"/);
    }
    const css = files.text.get('EPUB/style.css')!;
    expect(css).toMatch(/body \{[^}]*text-spacing-trim: trim-start;[^}]*text-autospace: normal;/);
    expect(css).toMatch(/\np \{[^}]*text-indent: 2em;/);
    const size = (selector: string) => Number(new RegExp(`\\n${selector.replace('.', '\\.')} \\{[^}]*font-size: ([\\d.]+)em`).exec(css)![1]);
    // Headline > section head > subhead > body; kicker and subtitle between body and headline.
    expect(size('h1')).toBeGreaterThan(size('.subtitle'));
    expect(size('.subtitle')).toBeGreaterThan(1);
    expect(size('h2')).toBeGreaterThan(size('h3'));
    expect(size('h3')).toBeGreaterThan(1);
    expect(size('figcaption')).toBeLessThan(1);
    expect(css).not.toContain('writing-mode');
  });

  test('an edition with autospace off asks the reading system for none either', async () => {
    const off = makeEdition({ autospace: false });
    expect(off.typography.autospace).toBe(false);
    const book = await writeEpub(off, fonts, { modified: MODIFIED, embedFonts: false }).finally(() => removeEdition(off));
    const css = (await unzip(book)).text.get('EPUB/style.css')!;
    expect(css).toContain('text-autospace: no-autospace;');
    expect(css).not.toContain('text-autospace: normal;');
  });
});

describe('vertical writing and no fonts', () => {
  let vertical: Buffer;
  let bare: Buffer;

  beforeAll(async () => {
    // The same pages, with `typography: writingMode: vertical` in edition.yml; and without fonts.
    vertical = await unitBook('vertical');
    bare = await unitBook('bare');
  });

  test('vertical: writing-mode vertical-rl on the root, pages turning right to left; the cover upright', async () => {
    const out = await unzip(vertical);
    const css = out.text.get('EPUB/style.css')!;
    expect(css).toMatch(/html \{\n  writing-mode: vertical-rl;\n  -webkit-writing-mode: vertical-rl;\n  -epub-writing-mode: vertical-rl;\n\}/);
    expect(css).toMatch(/section\.cover \{[^}]*writing-mode: horizontal-tb;/);
    expect(out.text.get('EPUB/package.opf')).toContain('<spine page-progression-direction="rtl">');
    expect(opf()).toContain('<spine>');
    expect(css).toMatch(/\.tcy \{\n  text-combine-upright: all;/);
    expect(css).toMatch(/\.upright \{\n  text-orientation: upright;/);
    // Besides the stylesheet and the spine, only the numbers' spans differ from the horizontal book.
    const unspan = (xhtml: string) => xhtml.replace(/<span class="(?:tcy|upright)">([^<]*)<\/span>/g, '$1');
    let spans = 0;
    for (const name of out.names.filter((n) => n !== 'EPUB/style.css' && n !== 'EPUB/package.opf')) {
      const text = out.text.get(name);
      if (text !== undefined && name.endsWith('.xhtml')) {
        spans += (text.match(/<span class="tcy">/g) ?? []).length;
        expect(unspan(text), name).toBe(files.text.get(name));
      } else {
        expect(out.bytes.get(name)!.equals(files.bytes.get(name)!), name).toBe(true);
      }
    }
    expect(spans).toBeGreaterThan(0);
  });

  test('vertical: short numbers are set across the line (纵中横), longer ones upright', async () => {
    const out = await unzip(vertical);
    const chapters = out.names.filter((n) => /EPUB\/.*\.xhtml$/.test(n) && n !== 'EPUB/nav.xhtml').map((n) => out.text.get(n)!).join('');
    expect(chapters).toContain('超过<span class="tcy">6</span>万元');
  });

  test('EPUBCheck accepts the vertical book and the book without fonts (0 errors, 0 warnings)', async () => {
    for (const book of ['vertical', 'bare'] as const) {
      const { status, output } = await epubcheckVerdict(book);
      expect(output).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
      expect(status).toBe(0);
    }
  });

  test('without fonts: no font files or @font-face, generic families only, much smaller', async () => {
    const out = await unzip(bare);
    expect(out.names.filter((n) => n.startsWith('EPUB/fonts/'))).toEqual([]);
    const css = out.text.get('EPUB/style.css')!;
    expect(css).not.toContain('@font-face');
    expect(css).toMatch(/h1 \{\n  font-family: sans-serif;/);
    expect(css).toMatch(/body \{\n  font-family: serif;/);
    expect(bare.length).toBeLessThan(epub.length / 3);
  });
});

describe('cover path numbers', () => {
  test('are written as String(Math.round(v * 10) / 10) writes them, at every magnitude and sign', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = [0, -0, 0.04, -0.04, 0.05, -0.05, -12.5, 12.5, 1199.95, -1e-9, 1e13, -1e13, 1e14, 1e15, 1e21, 1e300, NaN, Infinity, -Infinity];
    for (let i = 0; i < 100_000; i++) values.push((random() - 0.5) * 10 ** Math.floor(random() * 21 - 3));
    const differ = values.filter((v) => coverNumber(v) !== ((r) => (r === 0 ? '0' : String(r)))(Math.round(v * 10) / 10));
    expect(differ).toEqual([]);
  });
});
