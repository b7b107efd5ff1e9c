import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from '../../src/model/document.js';
import { parsePage } from '../../src/parse/index.js';
import { contentError, frontMatter, makeTempDir, removeDir, writeFile, writeGif, writeJpeg, writePng } from './helpers.js';

let root: string;
let dir: string;
beforeAll(() => {
  root = makeTempDir();
  dir = join(root, 'edition');
  writeJpeg(join(dir, 'images', 'wide.jpg'), 8, 5);
  writeJpeg(join(dir, 'images', '图 1.jpg'), 3, 7);
  writeJpeg(join(dir, 'images', 'turned.jpg'), 8, 5, 6);
  writeJpeg(join(dir, 'images', 'upright.jpg'), 8, 5, 1);
  writeJpeg(join(root, 'outside.jpg'), 2, 2);
  writeGif(join(dir, 'images', 'logo.gif'));
  writePng(join(dir, 'images', 'chart.png'), 12, 6);
  writeFile(join(dir, 'images', 'fake.jpg'), 'not an image at all');
  symlinkSync(join(root, 'outside.jpg'), join(dir, 'images', 'link.jpg'));
});
afterAll(() => removeDir(root));

/** Blocks of a one-article page on an 8-column grid; the body starts on line 11. */
function blocks(body: string) {
  return parsePage(`${frontMatter(['a a a a a a a a'])}::: article a\n${body}\n:::\n`, 'content/11.md', dir).articles[0].blocks;
}

function figure(body: string): Figure {
  const [block] = blocks(body);
  if (block.kind !== 'figure') throw new Error(`expected a figure, got ${JSON.stringify(block)}`);
  return block;
}

describe('figures', () => {
  it('reads caption, cols and pixel size', () => {
    expect(figure('![宽幅 *照片*](images/wide.jpg "图为**码头**。 新华社发") {cols=3}')).toEqual({
      kind: 'figure',
      src: join(dir, 'images', 'wide.jpg'),
      href: 'images/wide.jpg',
      alt: '宽幅 照片',
      caption: [{ kind: 'text', text: '图为' }, { kind: 'strong', children: [{ kind: 'text', text: '码头' }] }, { kind: 'text', text: '。 新华社发' }],
      cols: 3,
      crop: true,
      pixelWidth: 8,
      pixelHeight: 5,
      source: { file: 'content/11.md', line: 12 },
    });
  });

  it('reads a PNG graphic: its pixel size, shown whole (crop false) unless {crop=yes}', () => {
    expect(figure('![图表](images/chart.png "图表")')).toMatchObject({ pixelWidth: 12, pixelHeight: 6, crop: false });
    expect(figure('![图表](images/chart.png){crop=yes}').crop).toBe(true);
    expect(figure('![](images/wide.jpg){crop=no}').crop).toBe(false);
  });

  it('takes {place=bottom} (with cols) to set the photo at the foot of its columns', () => {
    const f = figure('![x](images/wide.jpg){cols=3 place=bottom}');
    expect([f.cols, f.place]).toEqual([3, 'bottom']);
    expect('place' in figure('![x](images/wide.jpg)')).toBe(false);
  });

  it('takes {height=N} in grid lines or {height=Nmm} in millimetres for the depth of photo and caption', () => {
    expect(figure('![x](images/wide.jpg){cols=2 height=12}').height).toEqual({ unit: 'lines', value: 12 });
    expect(figure('![x](images/wide.jpg){height=42.5mm}').height).toEqual({ unit: 'mm', value: 42.5 });
    expect(figure('![x](images/wide.jpg){cols=2}').height).toBeUndefined();
  });

  it('takes {cols=N} right after the image too, and leaves cols out when not given', () => {
    expect(figure('![x](images/wide.jpg){cols=8}').cols).toBe(8);
    const plain = figure('![](images/wide.jpg)');
    expect('cols' in plain).toBe(false);
    expect(plain.caption).toEqual([]);
    expect(plain.alt).toBe('');
  });

  it('keeps a path with spaces and Chinese as written', () => {
    const f = figure('![图](<images/图 1.jpg> "说明")');
    expect(f.href).toBe('images/图 1.jpg');
    expect(f.src).toBe(join(dir, 'images', '图 1.jpg'));
    expect([f.pixelWidth, f.pixelHeight]).toEqual([3, 7]);
  });

  it('gives the upright pixel size of a photo with an EXIF orientation (5–8 swap width and height)', () => {
    expect(figure('![](images/turned.jpg)')).toMatchObject({ pixelWidth: 5, pixelHeight: 8 });
    expect(figure('![](images/upright.jpg)')).toMatchObject({ pixelWidth: 8, pixelHeight: 5 });
  });

  it('sets figures among text blocks in order', () => {
    const list = blocks('正文\n\n![](images/wide.jpg "甲")\n\n摄影 {.credit}');
    expect(list.map((b) => [b.kind === 'text' ? b.role : b.kind, b.source.line])).toEqual([
      ['paragraph', 12],
      ['figure', 14],
      ['credit', 16],
    ]);
  });

  it.each([
    ['![](images/missing.jpg)', /^image images\/missing\.jpg not found/, /relative to the edition folder/],
    ['![](../outside.jpg)', /^image \.\.\/outside\.jpg is outside the edition folder$/, /only from inside the edition folder/],
    ['![](images/../../outside.jpg)', /is outside the edition folder/, /only from inside the edition folder/],
    ['![](/etc/hosts)', /^image \/etc\/hosts is an absolute path$/, /only from inside the edition folder/],
    ['![](https://example.com/a.jpg)', /is an address, not a file/, /only from inside the edition folder/],
    ['![](images/link.jpg)', /links to a file outside the edition folder/, /only from inside the edition folder/],
    ['![](images/logo.gif)', /^image images\/logo\.gif is a GIF image, not a JPEG or PNG$/, /JPEG \(\.jpg\) or PNG \(\.png\)/],
    ['![](images/fake.jpg)', /not a JPEG or PNG$/, /JPEG \(\.jpg\) or PNG \(\.png\)/],
    ['![](images/wide.jpg) {crop=maybe}', /\{crop=maybe\} is not yes or no/, /\{crop=no\}/],
    ['![](images/wide.jpg) {cols=9}', /cols=9\} is not a width between 1 and 8 columns/, /basic columns/],
    ['![](images/wide.jpg) {cols=0}', /cols=0\} is not a width/, /basic columns/],
    ['![](images/wide.jpg){cols=two}', /cols=two\} is not a width/, /basic columns/],
    ['![](images/wide.jpg) {.credit}', /unknown attribute \{\.credit\} on a photo/, /takes \{cols=N\}/],
    ['![](images/wide.jpg) {place=left}', /\{place=left\} is not top, bottom or above/, /\{place=bottom\}/],
    ['![](images/wide.jpg) {height=0}', /\{height=0\} is not a depth of 1 to 200 grid lines or 1 to 500 mm/, /\{height=Nmm\}/],
    ['![](images/wide.jpg) {height=2.5}', /\{height=2\.5\} is not a depth/, /\{height=N\}/],
    ['![](images/wide.jpg) {height=9000mm}', /\{height=9000mm\} is not a depth/, /\{height=N\}/],
    ['![](images/wide.jpg) {height=tall}', /\{height=tall\} is not a depth/, /\{height=N\}/],
  ])('rejects %s at its line', (markdown, message, hint) => {
    const error = contentError(() => blocks(`正文\n\n${markdown}`));
    expect(error.pos).toEqual({ file: 'content/11.md', line: 14 });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
    expect(error.format()).toMatch(/^content\/11\.md:14: /);
  });
});

describe('a photo above the headline (压题照片)', () => {
  it('reads {place=above} on the first block of an article', () => {
    const [photo, head] = blocks('![码头](images/wide.jpg "图说") {place=above}\n\n# 主题\n\n正文');
    expect(photo).toMatchObject({ kind: 'figure', place: 'above' });
    expect(head).toMatchObject({ kind: 'text', role: 'headline' });
  });

  it.each([
    ['after the headline', '# 主题\n\n![码头](images/wide.jpg) {place=above}\n\n正文', 14, /is written, after its headline block \(line 12\)$/],
    ['after a paragraph', '正文\n\n![码头](images/wide.jpg) {place=above}', 14, /is written, not first$/],
    ['twice', '![码头](images/wide.jpg) {place=above}\n\n![码头](images/wide.jpg) {place=above}\n\n# 主题', 14, /^a second photo above the headline of article "a" \(the first is on line 12\)$/],
  ])('refuses a photo above the headline %s', (_what, body, line, message) => {
    const error = contentError(() => blocks(body));
    expect(error.pos?.line).toBe(line);
    expect(error.message).toMatch(message);
  });
});
