/**
 * Colour through the render stage: what compose resolved (house colours, tints, paper white,
 * overprint) reaches the DrawOps as given, and the trace shows it; black stays the grey 0 the
 * exporters write as pure K.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { traceOps } from '../../src/export/trace/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { typesetEdition } from '../../src/pipeline.js';
import type { DrawOp, RenderedPage } from '../../src/render/index.js';
import { ROOT } from '../helpers/tools.js';
import { glyphList } from '../../src/render/placed-glyphs.js';

let pages: readonly RenderedPage[];
beforeAll(() => {
  pages = typesetEdition(join(ROOT, 'tests/fixtures/front-page'), loadFontBook()).rendered;
});

type Glyphs = Extract<DrawOp, { op: 'glyphs' }>;
const glyphs = (page: RenderedPage, article: string): Glyphs[] => page.ops.filter((op): op is Glyphs => op.op === 'glyphs' && op.tag.article === article);
const text = (ops: readonly Glyphs[]): string => ops.map((op) => glyphList(op.glyphs).map((g) => g.text).join('')).join('');

describe('colour in the DrawOps', () => {
  it('draws the masthead name and the red headline in the house red, body text black', () => {
    const red = { space: 'cmyk', c: 0, m: 1, y: 1, k: 0 };
    const page = pages[0];
    const furniture = glyphs(page, '#page');
    expect(text(furniture.filter((op) => JSON.stringify(op.colour) === JSON.stringify(red)))).toBe('江城日报');
    const lead = glyphs(page, 'lead');
    expect(text(lead.filter((op) => op.tag.role === 'H1'))).toBe('江城十万户居民住进“新”家');
    expect(lead.filter((op) => op.tag.role === 'H1').every((op) => JSON.stringify(op.colour) === JSON.stringify(red))).toBe(true);
    expect(lead.filter((op) => op.tag.role === 'P').every((op) => op.colour.space === 'gray' && op.colour.value === 0 && op.overprint === undefined)).toBe(true);
  });

  it('draws the tints and the label bar before any text, the reversed label in paper white, black on a tint overprinting', () => {
    const page = pages[0];
    const firstText = page.ops.findIndex((op) => op.op === 'glyphs');
    const fills = page.ops.flatMap((op, i) => (op.op === 'fill' ? [i] : []));
    expect(fills.length).toBe(4); // the tinted ear (导读), the commentary and its label bar, the brief
    expect(Math.max(...fills)).toBeLessThan(firstText);
    const comment = glyphs(page, 'comment');
    const label = comment.filter((op) => text([op]) === '江城时评');
    expect(label.map((op) => op.colour)).toEqual([{ space: 'cmyk', c: 0, m: 0, y: 0, k: 0 }]);
    expect(label[0].overprint).toBeUndefined();
    expect(comment.filter((op) => op !== label[0]).every((op) => op.overprint === true)).toBe(true);
  });

  it('shows colours and overprint in the trace, and nothing new for black marks', () => {
    const trace = traceOps(pages);
    expect(trace).toMatch(/^glyphs .* "江城日报" .* cmyk\(0,1,1,0\)$/m);
    expect(trace).toMatch(/^fill .* cmyk\(0,0,0,0\.1\)$/m);
    expect(trace).toMatch(/ overprint$/m);
    expect(trace).toMatch(/^rule [^a-z]*w0\.5$/m); // a black column rule: no colour written
  });
});
