/**
 * The sample edition's EPUB through the command line: its cover, `--no-epub-fonts`, and an
 * edition asking for vertical writing (a copy of content/ with `typography: writingMode:
 * vertical`), each checked with EPUBCheck. The PDF of a vertical edition stays horizontal.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epubcheckVerdict, sharedBuild } from '../helpers/runs.js';
import { banmian, ROOT } from '../helpers/tools.js';
import { unzip } from '../export/epub/fixture.js';

const SLUG = 'renmin-ribao-dangjian';
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

let withFonts: string;
let withoutFonts: string;
let samplePdf: string;

beforeAll(async () => {
  const a = await sharedBuild('sample');
  expect(a.status, a.stderr).toBe(0);
  const b = await sharedBuild('nofonts');
  expect(b.status, b.stderr).toBe(0);
  withFonts = join(a.out, `${SLUG}.epub`);
  samplePdf = join(a.out, `${SLUG}.pdf`);
  withoutFonts = join(b.out, `${SLUG}.epub`);
});

describe('sample EPUB', () => {
  it('opens with the typographic cover: paper, date, page and lead headline', async () => {
    const files = await unzip(readFileSync(withFonts));
    const opf = files.text.get('EPUB/package.opf')!;
    expect(opf).toMatch(/<spine>\n    <itemref idref="cover"\/>/);
    expect(opf).toContain('properties="cover-image"');
    const svg = files.bytes.get('EPUB/cover.svg')!.toString('utf8');
    expect(svg).toContain('<title>人民日报 2024年11月24日 星期日 第11版 党建 党建聚合力 发展增动能</title>');
    expect(svg.length).toBeLessThan(100_000);
  });

  it('keeps a kicker’s —— and the series’ · with the character before them (no line may start with them)', async () => {
    const lead = (await unzip(readFileSync(withFonts))).text.get('EPUB/p11-lead.xhtml')!;
    expect(lead).toContain('<span class="nobr">新——</span></p>');
    expect(lead).toContain('<span class="nobr">注·</span>');
    expect((await unzip(readFileSync(withFonts))).text.get('EPUB/style.css')).toMatch(/\.nobr \{\n  white-space: nowrap;/);
  });

  it('--no-epub-fonts leaves the fonts out: far smaller, still valid, same text', async () => {
    const full = statSync(withFonts).size;
    const bare = statSync(withoutFonts).size;
    console.log(`sample EPUB: ${full} bytes with fonts, ${bare} bytes without`);
    // The sample's subset fonts are about half its book (its two photos most of the rest).
    expect(bare).toBeLessThan(full * 0.55);
    const [a, b] = [await unzip(readFileSync(withFonts)), await unzip(readFileSync(withoutFonts))];
    expect(a.names.filter((n) => n.startsWith('EPUB/fonts/')).length).toBeGreaterThanOrEqual(2);
    expect(b.names.filter((n) => n.startsWith('EPUB/fonts/'))).toEqual([]);
    expect(b.text.get('EPUB/style.css')).not.toContain('@font-face');
    for (const name of a.names.filter((n) => n.endsWith('.xhtml'))) expect(b.text.get(name), name).toBe(a.text.get(name));
    const r = await epubcheckVerdict(withoutFonts);
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
  });
});

describe('an edition that asks for vertical writing (the sample with `typography: writingMode: vertical`)', () => {
  let out: string;
  let tmp: string;

  beforeAll(async () => {
    const r = await sharedBuild('vertical');
    expect(r.status, r.stderr).toBe(0);
    out = r.out;
    tmp = mkdtempSync(join(tmpdir(), 'banmian-vertical-'));
  });

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gets an EPUB set vertical-rl with pages turning right to left, that EPUBCheck accepts', async () => {
    const files = await unzip(readFileSync(join(out, 'vertical.epub')));
    expect(files.text.get('EPUB/style.css')).toMatch(/html \{\n  writing-mode: vertical-rl;/);
    expect(files.text.get('EPUB/package.opf')).toContain('<spine page-progression-direction="rtl">');
    const r = await epubcheckVerdict(join(out, 'vertical.epub'));
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
  });

  it('keeps the PDF horizontal: byte for byte the horizontal edition\'s PDF', () => {
    expect(sha256(join(out, 'vertical.pdf'))).toBe(sha256(samplePdf));
  });

  it('rejects a writing mode it does not know, naming the choices', () => {
    const dir = join(tmp, 'sideways');
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    writeFileSync(join(dir, 'edition.yml'), 'typography:\n  writingMode: sideways\n');
    const r = banmian(['build', dir, '--out', join(tmp, 'bad')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('writingMode');
    expect(r.stderr).toContain('horizontal | vertical');
  });
});
