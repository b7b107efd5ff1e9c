/**
 * The SVG pages: one well-formed, self-contained SVG document a page, drawing every DrawOp of
 * the page (glyph outlines from the faces, rules, fills, dots, photos) with the page's text in
 * an invisible layer; the same bytes every time.
 */
import { describe, expect, it } from 'vitest';
import { writeSvgPages } from '../../../src/export/svg/index.js';
import { cssColour } from '../../../src/export/svg/colour.js';
import { escapeXml, num } from '../../../src/export/svg/xml.js';
import { loadFontBook } from '../../../src/fonts/index.js';
import { typesetEdition } from '../../../src/pipeline.js';
import { withoutBreakControls } from '../../../src/text/ignorable.js';
import { SAMPLE } from '../../helpers/runs.js';
import { glyphList } from '../../../src/render/placed-glyphs.js';

const fonts = loadFontBook();
const set = typesetEdition(SAMPLE, fonts);
const [page] = set.rendered;
const [svg] = writeSvgPages(set.rendered, fonts, { title: '人民日报·党建', language: 'zh-Hans' });

/** Tags balance and nest (the SVG has no comments, CDATA or processing instructions). */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, close, name, , empty] = m;
    if (empty) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  const stray = xml.replace(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, '');
  return stack.length === 0 && !/[<>]/.test(stray) && !/&(?!(amp|lt|gt|quot);)/.test(stray);
}

describe('writeSvgPages', () => {
  it('writes one SVG document a page, the page’s size in points, well-formed', () => {
    expect(svg.number).toBe(11);
    expect(svg.svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${num(page.width)}pt" height="${num(page.height)}pt" viewBox="0 0 ${num(page.width)} ${num(page.height)}"`)).toBe(true);
    expect(svg.svg).toContain('<title>人民日报·党建 第11版 党建</title>');
    expect(wellFormed(svg.svg)).toBe(true);
  });

  it('draws each inked glyph from its outline, once defined and used where the PDF shows it', () => {
    const glyphs = page.ops.flatMap((op) => (op.op === 'glyphs' ? glyphList(op.glyphs).map((g) => ({ face: op.face, id: g.id })) : []));
    const inked = glyphs.filter((g) => fonts.face(g.face).font.getGlyph(g.id).path.commands.length > 0);
    expect((svg.svg.match(/<use href="#g\d+-\d+"/g) ?? []).length).toBe(inked.length);
    const distinct = new Set(inked.map((g) => `${g.face}/${g.id}`));
    expect((svg.svg.match(/<path id="g\d+-\d+" d="M/g) ?? []).length).toBe(distinct.size);
    expect(inked.length).toBeGreaterThan(5000);
  });

  it('carries every character of the page in its text layer, in drawing order', () => {
    const expected = page.ops.flatMap((op) => (op.op === 'glyphs' ? [withoutBreakControls(glyphList(op.glyphs).map((g) => g.text).join(''))] : [])).join('');
    const layer = svg.svg.slice(svg.svg.indexOf('<g class="t">'));
    const text = [...layer.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join('');
    expect(text).toBe(expected);
    expect(text).toContain('党建聚合力');
  });

  it('draws the rules, the photos (embedded) and nothing it was not given', () => {
    const count = (kind: string): number => page.ops.filter((op) => op.op === kind).length;
    expect((svg.svg.match(/<line /g) ?? []).length).toBe(count('rule'));
    expect((svg.svg.match(/<circle /g) ?? []).length).toBe(count('dot'));
    expect((svg.svg.match(/<image /g) ?? []).length).toBe(count('image'));
    expect(svg.svg).toContain('href="data:image/jpeg;base64,/9j/');
    expect(svg.svg).toContain('preserveAspectRatio="xMidYMid slice"');
  });

  it('gives the same bytes every time', () => {
    expect(writeSvgPages(set.rendered, fonts, { title: '人民日报·党建', language: 'zh-Hans' })[0].svg).toBe(svg.svg);
  });
});

describe('SVG colours and text', () => {
  it('shows black as black, greys as greys and CMYK by the screen conversion', () => {
    expect(cssColour({ space: 'gray', value: 0 })).toBe('rgb(0,0,0)');
    expect(cssColour({ space: 'gray', value: 0.5 })).toBe('rgb(128,128,128)');
    expect(cssColour({ space: 'cmyk', c: 0, m: 1, y: 1, k: 0 })).toBe('rgb(255,0,0)');
    expect(cssColour({ space: 'cmyk', c: 0, m: 0, y: 0, k: 0.2 })).toBe('rgb(204,204,204)');
  });

  it('escapes markup and drops what XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(num(-0.0001)).toBe('0');
    expect(num(1.23456)).toBe('1.235');
    expect(() => num(Number.NaN)).toThrow();
  });
});
