/**
 * A city daily's front page (tests/fixtures/front-page): the masthead (报头) in the house red
 * with its date line (农历 too), issue and publisher lines, two ear boxes (报眼) beside it, a red
 * headline, a tinted commentary box with a reversed label, a tinted brief; and an inside page
 * that keeps its running head. Built through the command line for print (CMYK) and screen
 * (RGB), audited, its PDF read back, its EPUB checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { checkEditionDir } from '../../src/pipeline.js';
import { colourOps, contentStream } from '../export/pdf/streams.js';
import { expectWhole } from '../helpers/check-json.js';
import { epubcheckVerdict, FRONT, FRONT_IMAGE, sharedBuild } from '../helpers/runs.js';
import { ROOT, run } from '../helpers/tools.js';

const SLUG = 'jiangcheng-front';
const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe('a front page with its masthead, ears and house colours', () => {
  let out: string;
  let pdf: string;
  let page1: string;
  let page2: string;
  let report: CheckReport;

  beforeAll(async () => {
    const r = await sharedBuild('front');
    expect(r.status, r.stderr).toBe(0);
    out = r.out;
    pdf = join(out, `${SLUG}.pdf`);
    page1 = run('pdftotext', ['-f', '1', '-l', '1', '-raw', '-enc', 'UTF-8', pdf, '-']).stdout;
    page2 = run('pdftotext', ['-f', '2', '-l', '2', '-raw', '-enc', 'UTF-8', pdf, '-']).stdout;
    report = await checkEditionDir(join(ROOT, FRONT), { sourceDateEpoch: 0 }, loadFontBook());
  });

  it('passes the audit: no error, every character placed, the PDF reads back as set', () => {
    expectWhole(report);
    expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(['underfill']));
  });

  it('prints the masthead: the name, the date with 农历, the issue, the publisher and the registration line', () => {
    const text = squeeze(page1);
    for (const line of ['江城日报', '2024年11月24日星期日农历甲辰年十月廿四', '第27561期', '江城日报社出版', '国内统一连续出版物号CN42-0001', '邮发代号37-1']) expect(text).toContain(line);
  });

  it('gives the front page no running head, and the inside page its running head', () => {
    expect(page1).not.toContain('第1版');
    expect(squeeze(page1)).not.toContain('要闻');
    expect(page2).toContain('第2版');
    expect(squeeze(page2)).toContain('要闻');
    expect(squeeze(page2)).toContain('2024年11月24日星期日');
    expect(squeeze(page2)).not.toContain('农历');
  });

  it('prints the ears and the stories, labels included', () => {
    const text = squeeze(page1);
    for (const words of ['天气', '今日多云转晴', '导读', '老旧小区加装电梯提速', '江城时评', '让城市更新更有温度', '长江大桥夜景照明完成更新']) expect(text).toContain(words);
  });

  it('writes the house red as CMYK 0 100 100 0, the tints as tints, black text as pure K, overprinting on a tint', () => {
    const stream = contentStream(pdf, 0);
    const ops = colourOps(stream);
    expect(ops).toContain('0 1 1 0 k'); // the red masthead name and headline
    expect(ops).toContain('0 1 1 0 K'); // the red rule under the masthead
    expect(ops).toContain('0 0 0 0.1 k'); // the 10% black tint behind the commentary
    expect(ops).toContain('0 0.15 0.15 0 k'); // the 15% red behind the brief
    expect(ops).toContain('0 0 0 0 k'); // the reversed label: paper white
    expect(ops).toContain('0 0 0 1 k'); // body text
    expect(ops.filter((op) => / (rg|g)$/.test(op))).toEqual([]);
    expect(stream).toContain('/GsOverprint gs');
    const raw = readFileSync(pdf, 'latin1');
    expect(raw).toMatch(/\/Type \/ExtGState\s*\/OP true\s*\/op true\s*\/OPM 1/);
  });

  it('for screens (--colour rgb) maps the house colours to RGB and sets no overprint', async () => {
    const r = await sharedBuild('frontRgb');
    expect(r.status, r.stderr).toBe(0);
    const stream = contentStream(join(r.out, `${SLUG}.pdf`), 0);
    const ops = colourOps(stream);
    expect(ops).toContain('1 0 0 rg');
    expect(ops).toContain('0.9 0.9 0.9 rg');
    expect(ops.filter((op) => / [kK]$/.test(op))).toEqual([]);
    expect(stream).not.toContain('/GsOverprint gs');
  });

  it('gives an EPUB that EPUBCheck accepts, with the masthead at the head of the front page and the colours in its CSS', async () => {
    const verdict = await epubcheckVerdict(join(out, `${SLUG}.epub`));
    expect(verdict.output).toContain('No errors or warnings detected');
    expect(verdict.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(out, `${SLUG}.epub`)));
    const first = await zip.file('EPUB/p1-weather.xhtml')!.async('string');
    expect(first).toContain('<p class="masthead-name">江城日报</p>');
    expect(first).toContain('农历甲辰年十月廿四');
    expect(await zip.file('EPUB/p2-lift.xhtml')!.async('string')).not.toContain('masthead');
    const css = await zip.file('EPUB/style.css')!.async('string');
    expect(css).toMatch(/\.c-red \{\s*color: #ff0000;/);
    expect(css).toMatch(/\.bg-black-10 \{\s*background-color: #e6e6e6;/);
    expect(css).toMatch(/\.label\.rev-red \{\s*color: #ffffff;\s*background-color: #ff0000;/);
    const comment = await zip.file('EPUB/p1-comment.xhtml')!.async('string');
    expect(comment).toContain('<article class="box rank-3 bg-black-10">');
    expect(comment).toContain('<p class="label rev-red">江城时评</p>');
  });
});

describe('a front page whose masthead is an image of the name, with one ear', () => {
  it('builds, passes the audit, draws the image in the masthead band, and prints the date line but not the name as text', async () => {
    const r = await sharedBuild('frontImage');
    expect(r.status, r.stderr).toBe(0);
    const pdf = join(r.out, 'jiangcheng-front-image.pdf');
    const report = await checkEditionDir(join(ROOT, FRONT_IMAGE), { sourceDateEpoch: 0 }, loadFontBook());
    expectWhole(report);
    expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(['underfill']));
    // The masthead image and the photo: two images, the masthead a PNG of the name (1000 × 290).
    const rows = run('pdfimages', ['-list', pdf]).stdout.trim().split('\n').slice(2).map((row) => row.trim().split(/\s+/).slice(3, 5));
    expect(rows).toContainEqual(['1000', '290']);
    const text = squeeze(run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).stdout);
    expect(text).toContain('2025年1月29日星期三农历乙巳年正月初一');
    expect(text).toContain('第27562期江城日报社出版');
    // The name is the image: 江城日报 is printed as text only in the publisher's line.
    expect(text.split('江城日报').length).toBe(text.split('江城日报社').length);
    const verdict = await epubcheckVerdict(join(r.out, 'jiangcheng-front-image.epub'));
    expect(verdict.output).toContain('No errors or warnings detected');
  });
});
