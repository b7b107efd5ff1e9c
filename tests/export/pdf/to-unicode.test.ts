/**
 * The ToUnicode CMap made in pdfkit's place (export/pdf/to-unicode.ts): the text pdfkit 0.20's
 * own EmbeddedFont makes of the same code points, for BMP and supplementary characters, empty
 * mappings and more than one range of 256 CIDs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toUnicodeCmapText } from '../../../src/export/pdf/to-unicode.js';

const require = createRequire(import.meta.url);

/** pdfkit's own CMap text of `unicode`: its EmbeddedFont's method (the module a build loads) run on a stand-in font. */
function pdfkitCmap(unicode: number[][]): string {
  const source = readFileSync(join(dirname(require.resolve('pdfkit')), 'pdfkit.node.mjs'), 'utf8');
  const toHex = source.slice(source.indexOf('const toHex = function'), source.indexOf('class EmbeddedFont'));
  const start = source.indexOf('  toUnicodeCmap() {');
  const body = source.slice(start, source.indexOf('    return cmap;\n  }', start) + '    return cmap;\n  }'.length);
  const method = new Function(`${toHex}\nreturn ({ ${body} }).toUnicodeCmap;`)() as (this: unknown) => unknown;
  let written = '';
  method.call({ unicode, document: { ref: () => ({ end: (text: string) => (written = text) }) } });
  return written;
}

describe('the ToUnicode CMap', () => {
  it('is pdfkit’s text, byte for byte', () => {
    const bmp = Array.from({ length: 600 }, (_, i) => [0x4e00 + i * 7]);
    const cases: number[][][] = [
      [[0]],
      [[0], [0x515a], [0x20, 0x41], []],
      [[0], [0x20bb7], [0x1f600, 0x4e00], [0xffff], [0x10000], [0x10ffff]],
      bmp,
      [...bmp, [0x2a6d6], ...bmp.slice(0, 100)],
    ];
    for (const unicode of cases) expect(toUnicodeCmapText(unicode)).toBe(pdfkitCmap(unicode));
    expect(toUnicodeCmapText(bmp)).toContain('3 beginbfrange');
  });
});
