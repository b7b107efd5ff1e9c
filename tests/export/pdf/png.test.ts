/**
 * PNG graphics in the PDF (src/export/pdf/png.ts): opaque PNGs pass through as they are; one
 * with transparency or interlacing is flattened onto white, embedded synchronously, so the file
 * is the same on every run.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfMeta } from '../../../src/export/pdf/index.js';
import { printablePng } from '../../../src/export/pdf/png.js';
import { loadFontBook, type FontBook } from '../../../src/fonts/index.js';
import type { RenderedPage } from '../../../src/render/draw-op.js';
import { image, renderedPage, renderPage, save, tempDir, tool } from './helpers.js';
import { encodePng, type PngForm } from './png-forms.js';

const META: PdfMeta = { title: '图表', language: 'zh-CN', creationDate: new Date('2024-07-01T00:00:00Z') };

let fonts: FontBook;
let tmp: ReturnType<typeof tempDir>;
let opaque: string;
let alpha: string;

/** A 40×20 PNG: red on the left half; the right half transparent (alpha 0) or blue (opaque). */
function makePng(name: string, withAlpha: boolean): string {
  const png = new PNG({ width: 40, height: 20, colorType: withAlpha ? 6 : 2 });
  for (let y = 0; y < 20; y++) {
    for (let x = 0; x < 40; x++) {
      const i = (y * 40 + x) * 4;
      const left = x < 20;
      png.data[i] = left ? 220 : 0;
      png.data[i + 1] = 0;
      png.data[i + 2] = left ? 0 : 200;
      png.data[i + 3] = left || !withAlpha ? 255 : 0;
    }
  }
  const file = join(tmp.dir, name);
  save(tmp.dir, name, PNG.sync.write(png, { colorType: withAlpha ? 6 : 2 }));
  return file;
}

beforeAll(() => {
  fonts = loadFontBook();
  tmp = tempDir();
  opaque = makePng('opaque.png', false);
  alpha = makePng('alpha.png', true);
});
afterAll(() => tmp?.remove());

const page = (src: string): RenderedPage =>
  renderedPage({ width: 100, height: 60, number: 1, label: '第1版' }, [
    image(src, { x: 10, y: 10, width: 80, height: 40 }, { alt: '图表', tag: { article: 'a', role: 'Figure' } }),
  ]);

/** The flat rows of a printable PNG: inflated, filter bytes dropped, `channels` bytes a pixel. */
function pixelsOf(file: string): { channels: number; at(x: number, y: number): number[] } {
  const p = printablePng(file);
  const rows = inflateSync(p.data);
  const stride = 1 + p.width * p.colours;
  return { channels: p.colours, at: (x, y) => [...rows.subarray(y * stride + 1 + x * p.colours, y * stride + 1 + (x + 1) * p.colours)] };
}

/** What pngjs sees at (x, y), composited onto white, as 1 (grey) or 3 channels. */
function expected(decoded: PNG, x: number, y: number, channels: number): number[] {
  const i = (y * decoded.width + x) * 4;
  const alpha = decoded.data[i + 3];
  const rgb = [0, 1, 2].map((c) => Math.round((decoded.data[i + c] * alpha + 255 * (255 - alpha)) / 255));
  return channels === 1 ? [rgb[0]] : rgb;
}

describe('printablePng', () => {
  it('passes an opaque PNG through: its own zlib data, 8-bit RGB', () => {
    const p = printablePng(opaque);
    const bytes = readFileSync(opaque);
    expect([p.width, p.height, p.bitsPerComponent, p.colours]).toEqual([40, 20, 8, 3]);
    expect(bytes.includes(p.data)).toBe(true);
  });

  it('flattens transparency onto white: transparent pixels white, opaque ones kept', () => {
    const flat = pixelsOf(alpha);
    expect(flat.channels).toBe(3);
    expect(flat.at(0, 0)).toEqual([220, 0, 0]);
    expect(flat.at(30, 10)).toEqual([255, 255, 255]);
  });

  const wave = (x: number, y: number, max: number): number => Math.round(((x * 7 + y * 13) % 17) * (max / 16));
  it.each<[string, PngForm]>([
    ['8-bit RGBA, half-transparent', { width: 13, height: 9, colourType: 6, bitDepth: 8, pixel: (x, y) => [wave(x, y, 255), 40, 200, (x * 20) % 256] }],
    ['16-bit RGBA', { width: 7, height: 5, colourType: 6, bitDepth: 16, pixel: (x, y) => [wave(x, y, 65535), 1000, 65535, 30000 + x * 5000] }],
    ['8-bit grey with alpha', { width: 11, height: 6, colourType: 4, bitDepth: 8, pixel: (x, y) => [wave(x, y, 255), y * 40] }],
    ['interlaced 8-bit RGB', { width: 19, height: 17, colourType: 2, bitDepth: 8, interlaced: true, pixel: (x, y) => [x * 10, y * 12, wave(x, y, 255)] }],
    ['interlaced 2-bit grey', { width: 9, height: 10, colourType: 0, bitDepth: 2, interlaced: true, pixel: (x, y) => [wave(x, y, 3)] }],
    ['4-bit indexed with tRNS', { width: 10, height: 4, colourType: 3, bitDepth: 4, palette: [255, 0, 0, 0, 128, 0, 0, 0, 255], trns: Uint8Array.from([0, 128]), pixel: (x) => [x % 3] }],
    ['1-bit grey with a colour key', { width: 12, height: 3, colourType: 0, bitDepth: 1, trns: Uint8Array.from([0, 1]), pixel: (x, y) => [(x + y) % 2] }],
    ['16-bit RGB with a colour key', { width: 5, height: 4, colourType: 2, bitDepth: 16, trns: Uint8Array.from([0, 0, 0, 0, 0, 0]), pixel: (x) => (x === 2 ? [0, 0, 0] : [65535, 257 * x, 0]) }],
  ])('decodes %s as pngjs does, composited onto white', (name, form) => {
    const file = join(tmp.dir, `${name.replace(/\W+/g, '-')}.png`);
    save(tmp.dir, file.split('/').pop()!, encodePng(form));
    const decoded = PNG.sync.read(readFileSync(file));
    const flat = pixelsOf(file);
    for (let y = 0; y < form.height; y++) {
      for (let x = 0; x < form.width; x++) expect(flat.at(x, y), `pixel ${x},${y}`).toEqual(expected(decoded, x, y, flat.channels));
    }
  });
});

describe('a PNG with transparency in the PDF', () => {
  it('is embedded as an RGB image with no soft mask, shows white where it was transparent, and the file is reproducible', async () => {
    const first = await writePdf([page(alpha)], fonts, META);
    const second = await writePdf([page(alpha)], fonts, META);
    expect(first.equals(second)).toBe(true);
    const file = save(tmp.dir, 'png.pdf', first);
    const rows = tool('pdfimages', ['-list', file]).trim().split('\n').slice(2);
    expect(rows.map((r) => r.trim().split(/\s+/).slice(2, 6))).toEqual([['image', '40', '20', 'rgb']]);
    const img = renderPage(file, tmp.dir);
    const [r, g, b] = img.rgb(25, 30); // the red half
    expect(r).toBeGreaterThan(180);
    expect(g + b).toBeLessThan(80);
    expect(img.rgb(75, 30)).toEqual([255, 255, 255]); // the transparent half: white paper
  });
});
