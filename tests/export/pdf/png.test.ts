/**
 * PNG graphics in the PDF (src/export/pdf/png.ts): opaque PNGs pass through as they are; one
 * with transparency is flattened onto white, so pdfkit embeds it synchronously and the file is
 * the same on every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfMeta } from '../../../src/export/pdf/index.js';
import { printablePng } from '../../../src/export/pdf/png.js';
import { loadFontBook, type FontBook } from '../../../src/fonts/index.js';
import type { RenderedPage } from '../../../src/render/draw-op.js';
import { image, renderedPage, renderPage, save, tempDir, tool } from './helpers.js';

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

describe('printablePng', () => {
  it('passes an opaque PNG through byte for byte', () => {
    expect(printablePng(opaque).equals(readFileSync(opaque))).toBe(true);
  });

  it('flattens transparency onto white: an opaque RGB PNG, transparent pixels white, opaque ones kept', () => {
    const flat = PNG.sync.read(printablePng(alpha));
    expect(printablePng(alpha)[25]).toBe(2); // colour type 2: RGB, no alpha
    expect([...flat.data.subarray(0, 4)]).toEqual([220, 0, 0, 255]);
    const right = (10 * 40 + 30) * 4;
    expect([...flat.data.subarray(right, right + 4)]).toEqual([255, 255, 255, 255]);
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
