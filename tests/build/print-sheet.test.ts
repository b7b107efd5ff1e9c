/**
 * An edition that asks the printer's questions (`print: bleed, cropMarks`), built through the
 * command line: the PDF's sheet, its TrimBox and BleedBox, registration-colour crop marks, and
 * the same text as without.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedBuild } from '../helpers/runs.js';
import { run } from '../helpers/tools.js';
import { colourOps, contentStream } from '../export/pdf/streams.js';

const MM = 72 / 25.4;

let pdf: string;
let plain: string;

beforeAll(async () => {
  // The sample with `print: bleed: 3, cropMarks: true` in its edition.yml, and the sample as it is.
  const a = await sharedBuild('sheet');
  expect(a.status, a.stderr).toBe(0);
  const b = await sharedBuild('sample');
  expect(b.status, b.stderr).toBe(0);
  pdf = join(a.out, 'sheet.pdf');
  plain = join(b.out, 'renmin-ribao-dangjian.pdf');
});

/** `pdfinfo -box` boxes of page 1: name → [x1, y1, x2, y2]. */
function boxes(file: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const m of run('pdfinfo', ['-box', file]).stdout.matchAll(/^(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)$/gm)) {
    out[m[1]] = [m[2], m[3], m[4], m[5]].map(Number);
  }
  return out;
}

describe('a sheet with 3 mm bleed and crop marks', () => {
  it('has a TrimBox the size of the page and a BleedBox 3 mm larger, inside a larger MediaBox', () => {
    const page = boxes(plain).MediaBox;
    const sheet = boxes(pdf);
    const size = (b: number[]) => [b[2] - b[0], b[3] - b[1]];
    expect(size(sheet.TrimBox)[0]).toBeCloseTo(size(page)[0], 2);
    expect(size(sheet.TrimBox)[1]).toBeCloseTo(size(page)[1], 2);
    expect(size(sheet.BleedBox)[0]).toBeCloseTo(size(page)[0] + 6 * MM, 2);
    expect(sheet.BleedBox[0]).toBeCloseTo(sheet.TrimBox[0] - 3 * MM, 2);
    expect(sheet.BleedBox[1]).toBeCloseTo(sheet.TrimBox[1] - 3 * MM, 2);
    expect(size(sheet.MediaBox)[0]).toBeGreaterThan(size(sheet.BleedBox)[0]);
    expect(sheet.BleedBox[0]).toBeGreaterThan(0);
    expect(run('qpdf', ['--check', pdf]).status).toBe(0);
  });

  it('draws the crop marks in registration colour, everything else pure K', () => {
    const ops = new Set(colourOps(contentStream(pdf, 0)));
    expect(ops).toEqual(new Set(['1 1 1 1 K', '0 0 0 1 k', '0 0 0 1 K']));
  });

  it('reads the same as the trimmed page', () => {
    const text = (file: string) => run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).stdout;
    expect(text(pdf)).toBe(text(plain));
  });
});
