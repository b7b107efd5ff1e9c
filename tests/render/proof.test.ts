/**
 * The proof (src/render/proof.ts): the pages as set with each area outlined and labelled, the
 * text an area could not take continued in red on a strip below the page, blank areas tinted.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { DEFAULT_STYLE, DEFAULT_TYPOGRAPHY } from '../../src/model/index.js';
import { typesetEdition, type Typeset } from '../../src/pipeline.js';
import { renderProofPages, type DrawOp } from '../../src/render/index.js';
import { makeNoteSetter } from '../../src/text/index.js';
import { article, pageFile, writeEditionFolder } from '../helpers/edition.js';
import { glyphList } from '../../src/render/placed-glyphs.js';

const LONG = '这是一段很长的正文，用来测试放不下的情况。'.repeat(40);
let fonts: FontBook;
let set: Typeset;
let dir: string;

beforeAll(() => {
  fonts = loadFontBook();
  dir = writeEditionFolder({
    '1.md': pageFile({ page: 1, size: 'A4', areas: ['a a b b'], rows: ['60mm'] }, [article('a', ['# 太长的稿件', LONG]), article('b', ['# 短稿', '短文。'])]),
  });
  set = typesetEdition(dir, fonts);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const glyphText = (ops: readonly DrawOp[]): string => ops.map((op) => (op.op === 'glyphs' ? glyphList(op.glyphs).map((g) => g.text).join('') : '')).join('');
const RED = { space: 'cmyk', c: 0, m: 1, y: 1, k: 0 };

describe('renderProofPages', () => {
  it('continues the overset text in red on a strip below the page, headed with its count', () => {
    const [page] = set.composed;
    expect(page.overset.map((o) => o.article)).toEqual(['a']);
    const [proof] = renderProofPages(set.composed, makeNoteSetter(fonts, DEFAULT_STYLE.header, DEFAULT_TYPOGRAPHY));
    expect(proof.height).toBeGreaterThan(page.height);
    const red = proof.ops.filter((op) => op.op === 'glyphs' && JSON.stringify(op.colour) === JSON.stringify(RED));
    const below = red.filter((op) => op.op === 'glyphs' && op.y > page.height);
    expect(glyphText(below)).toContain(`a：溢出 ${page.overset[0].chars} 字`);
    // The left-over text, all of it, and nothing of what was set on the page.
    const leftOver = glyphText(below.filter((op) => op.op === 'glyphs' && op.tag.article === 'a'));
    expect(leftOver.replace(/\s/g, '').length).toBe(page.overset[0].chars);
  });

  it('outlines every area and labels it with its id; tints the blank one', () => {
    const [page] = set.composed;
    const [proof] = renderProofPages(set.composed, makeNoteSetter(fonts, DEFAULT_STYLE.header, DEFAULT_TYPOGRAPHY));
    const cyan = proof.ops.filter((op) => op.op === 'rule' && op.colour.space === 'cmyk' && op.colour.c === 1);
    expect(cyan).toHaveLength(4 * page.articles.length);
    const labels = proof.ops.filter((op) => op.op === 'glyphs' && op.colour.space === 'cmyk' && op.colour.c === 1);
    expect(glyphText(labels)).toBe('ab');
    const tints = proof.ops.filter((op) => op.op === 'fill' && op.colour.space === 'cmyk' && op.colour.y > 0 && op.colour.m === 0);
    const b = page.articles.find((x) => x.id === 'b')!;
    expect(tints.some((op) => op.op === 'fill' && op.x === b.x && op.width === b.width)).toBe(true);
    // The page's own marks are all there, unchanged.
    const plain = proof.ops.filter((op) => op.op === 'glyphs' && op.colour.space === 'gray');
    expect(plain.length).toBeGreaterThan(0);
  });
});
