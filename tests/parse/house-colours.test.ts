/**
 * `colours:` and `masthead:` in edition.yml, colour uses on pages (`tint=`, `label-colour=`,
 * `{colour=}`), and the front page's `front:` and `ears:`: read into the model, or refused at
 * the file and line with what to write.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/model/document.js';
import { parseEdition } from '../../src/parse/index.js';
import { jpegBytes, writeEditionFolder, type EditionFiles } from '../helpers/edition.js';
import { contentError } from './helpers.js';

const COLOURS = 'colours:\n  red: [0, 100, 100, 0]\n';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: EditionFiles): string {
  const dir = writeEditionFolder(files);
  dirs.push(dir);
  return dir;
}
const parse = (files: EditionFiles): Edition => parseEdition(folder(files));

/** A page file with extra front matter lines after `areas:`. */
function page(number: number, areas: readonly string[], articles: readonly string[], extra: readonly string[] = []): string {
  return ['---', 'paper: 江城日报', 'date: 2024-11-24', `page: ${number}`, 'section: 要闻', 'size: tabloid', `columns: ${areas[0].split(' ').length}`, 'areas:', ...areas.map((b) => `  - ${b}`), ...extra, '---', '', ...articles.flatMap((a) => [a, ''])].join('\n');
}
const story = (id: string, options: string = '', head = '# 标题'): string => `::: article ${id}${options}\n${head}\n\n正文一段。\n:::`;

describe('house colours', () => {
  it('reads the named colours as CMYK, black always among them, and the uses on the page', () => {
    const edition = parse({
      'edition.yml': COLOURS,
      '1.md': page(1, ['a b'], [story('a', ' tint=black:10% label=时评 label-colour=red'), story('b', ' tint=red:15%', '# 标题 {colour=red}')]),
    });
    expect(edition.palette?.get('red')).toEqual({ space: 'cmyk', c: 0, m: 1, y: 1, k: 0 });
    expect(edition.palette?.get('black')).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 });
    const [a, b] = edition.pages[0].articles;
    expect(a.tint).toEqual({ name: 'black', tint: 0.1 });
    expect(a.labelColour).toEqual({ name: 'red', tint: 1 });
    expect(b.tint).toEqual({ name: 'red', tint: 0.15 });
    const head = b.blocks[0];
    expect(head.kind === 'text' && head.colour).toEqual({ name: 'red', tint: 1 });
  });

  it('takes {size=…} and {colour=…} together on a headline', () => {
    const edition = parse({ 'edition.yml': COLOURS, '1.md': page(1, ['a'], [story('a', '', '# 标题 {size=一号 colour=red}')]) });
    const head = edition.pages[0].articles[0].blocks[0];
    expect(head.kind === 'text' && [head.size, head.colour]).toEqual([26, { name: 'red', tint: 1 }]);
  });

  it('refuses a colour that is not four percentages, at its line in edition.yml', () => {
    const three = contentError(() => parse({ 'edition.yml': 'slug: x\ncolours:\n  red: [0, 100, 100]\n', '1.md': page(1, ['a'], [story('a')]) }));
    expect(three.pos?.line).toBe(3);
    expect(three.message).toContain('four percentages');
    const over = contentError(() => parse({ 'edition.yml': 'colours:\n  red: [0, 120, 100, 0]\n', '1.md': page(1, ['a'], [story('a')]) }));
    expect(over.message).toContain('percentage from 0 to 100');
    const black = contentError(() => parse({ 'edition.yml': 'colours:\n  black: [60, 40, 40, 100]\n', '1.md': page(1, ['a'], [story('a')]) }));
    expect(black.message).toContain('cannot be redefined');
  });

  it('refuses an unknown colour where it is used, naming the known ones', () => {
    const tint = contentError(() => parse({ 'edition.yml': COLOURS, '1.md': page(1, ['a'], [story('a', ' tint=green:10%')]) }));
    expect(tint.pos?.file).toMatch(/1\.md$/);
    expect(tint.pos?.line).toBe(12); // the container line
    expect(tint.message).toContain('"green" is not a house colour');
    expect(tint.hint).toContain('known colours: black, red');
    const head = contentError(() => parse({ '1.md': page(1, ['a'], [story('a', '', '# 标题 {colour=red}')]) }));
    expect(head.pos?.line).toBe(13); // the headline
    expect(head.hint).toContain('known colours: black;');
  });

  it('refuses a colour use it cannot read, and a label colour without a label', () => {
    expect(contentError(() => parse({ 'edition.yml': COLOURS, '1.md': page(1, ['a'], [story('a', ' tint=red:0%')]) })).message).toContain('is not a colour');
    expect(contentError(() => parse({ 'edition.yml': COLOURS, '1.md': page(1, ['a'], [story('a', '', '# 标题 {colour=#f00}')]) })).message).toContain('is not a colour');
    expect(contentError(() => parse({ 'edition.yml': COLOURS, '1.md': page(1, ['a'], [story('a', ' label-colour=red')]) })).message).toContain('has no label');
  });
});

describe('the front page and its masthead', () => {
  const masthead = `${COLOURS}masthead:\n  colour: red\n  issue: 第27561期\n  publisher: 江城日报社出版\n  lines: [邮发代号 37-1]\n`;

  it('makes page 1 of an edition with a masthead its front page; others, and editions without one, keep the running head', () => {
    const edition = parse({ 'edition.yml': masthead, '1.md': page(1, ['a'], [story('a')]), '2.md': page(2, ['b'], [story('b')]) });
    expect(edition.pages.map((p) => p.front)).toEqual([true, false]);
    expect(edition.masthead).toMatchObject({ colour: { name: 'red', tint: 1 }, issue: '第27561期', publisher: '江城日报社出版', lines: ['邮发代号 37-1'] });
    expect(parse({ '1.md': page(1, ['a'], [story('a')]) }).pages[0].front).toBe(false);
    expect(parse({ 'edition.yml': masthead, '1.md': page(1, ['a'], [story('a')], ['front: false']) }).pages[0].front).toBe(false);
    expect(parse({ '3.md': page(3, ['a'], [story('a')], ['front: true']) }).pages[0].front).toBe(true);
  });

  it('takes up to two ears, articles of the page not placed in areas', () => {
    const edition = parse({ 'edition.yml': masthead, '1.md': page(1, ['a'], [story('w'), story('a')], ['ears: [w]']) });
    expect(edition.pages[0].ears).toEqual(['w']);
    const files = (ears: string, areas = ['a'], articles = [story('w'), story('x'), story('y'), story('a')]): EditionFiles => ({ 'edition.yml': masthead, '1.md': page(1, areas, articles, [`ears: ${ears}`]) });
    expect(contentError(() => parse(files('[w, x, y]'))).message).toContain('3 ears');
    expect(contentError(() => parse(files('[z]'))).message).toContain('ear "z" is not an article of this page');
    const placed = contentError(() => parse(files('[w]', ['a w'], [story('w'), story('a')])));
    expect(placed.message).toContain('also placed in areas');
    expect(placed.pos?.line).toBe(10);
    const jumps = contentError(() => parse({ ...files('[w]', ['a'], [story('w'), story('a')]), '2.md': page(2, ['w b'], [story('b')]) }));
    expect(jumps.message).toContain('"w" in areas is an ear of page 1, which cannot jump');
    expect(jumps.pos?.file).toMatch(/2\.md$/);
    const inside = contentError(() => parse({ '1.md': page(2, ['a'], [story('w'), story('a')], ['ears: [w]']) }));
    expect(inside.message).toContain('not a front page');
  });

  it('refuses a masthead colour that is not a house colour, and an unknown masthead setting', () => {
    expect(contentError(() => parse({ 'edition.yml': 'masthead:\n  colour: red\n', '1.md': page(1, ['a'], [story('a')]) })).hint).toContain('known colours: black');
    const unknown = contentError(() => parse({ 'edition.yml': 'masthead:\n  motto: 为人民服务\n', '1.md': page(1, ['a'], [story('a')]) }));
    expect(unknown.message).toContain('unknown masthead setting "motto"');
    expect(unknown.hint).toContain('masthead: { colour: red');
  });

  it('reads the masthead image from the edition folder, with its pixel size', () => {
    const edition = parse({ 'edition.yml': 'masthead:\n  image: images/masthead.jpg\n', 'images/masthead.jpg': jpegBytes(400, 100), '1.md': page(1, ['a'], [story('a')]) });
    expect(edition.masthead?.image).toMatchObject({ href: 'images/masthead.jpg', pixelWidth: 400, pixelHeight: 100 });
    expect(edition.masthead?.image?.src).toBe(join(edition.dir, 'images/masthead.jpg'));
    expect(contentError(() => parse({ 'edition.yml': 'masthead:\n  image: images/none.png\n', '1.md': page(1, ['a'], [story('a')]) })).message).toContain('not found');
  });
});


