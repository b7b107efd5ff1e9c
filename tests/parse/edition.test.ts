import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ContentError } from '../../src/model/errors.js';
import { parseEdition } from '../../src/parse/index.js';
import { contentError, makeTempDir, removeDir, writeFile } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('banmian-edition-');
});
afterEach(() => removeDir(dir));

/** A page file: front matter (bands on lines 9…), then one article per id in `articles`. */
function pageSource(number: number, bands: string[], articles: string[], section = '党建'): string {
  return [
    '---',
    'paper: 人民日报',
    'date: 2024-11-24',
    `page: ${number}`,
    `section: ${section}`,
    'size: broadsheet',
    `columns: ${bands[0].split(' ').length}`,
    'areas:',
    ...bands.map((band) => `  - ${band}`),
    '---',
    ...articles.flatMap((id) => [`::: article ${id}`, `${id} 的正文`, ':::']),
    '',
  ].join('\n');
}

describe('parseEdition', () => {
  it('orders pages by number, ignores README.md, other files and subfolders, and fills defaults', () => {
    writeFile(join(dir, 'a.md'), pageSource(12, ['c c'], ['c'], '要闻'));
    writeFile(join(dir, 'b.md'), pageSource(11, ['a b'], ['a', 'b']));
    writeFile(join(dir, 'README.md'), '# notes for editors\n');
    writeFile(join(dir, 'notes.txt'), 'not a page');
    writeFile(join(dir, 'drafts', '13.md'), 'not read');
    writeFile(join(dir, '.11.md.swp.md'), 'hidden: not read');
    symlinkSync(join(dir, 'gone.md'), join(dir, '.#11.md')); // an editor's lock file: a dangling link
    const edition = parseEdition(dir);
    expect(edition.pages.map((p) => p.number)).toEqual([11, 12]);
    expect(edition.pages.map((p) => p.articles.map((a) => a.id))).toEqual([['a', 'b'], ['c']]);
    expect(edition.slug).toBe(basename(dir));
    expect(edition.title).toBe('人民日报·党建');
    expect(edition.language).toBe('zh-Hans');
    expect(edition.dir).toBe(dir);
    expect(edition.pages[0].source).toEqual({ file: join(dir, 'b.md'), line: 1 });
  });

  it('records page files as the folder was given (relative), with an absolute dir', () => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a'], ['a']));
    const given = relative(process.cwd(), dir);
    const edition = parseEdition(given);
    expect(edition.dir).toBe(dir);
    expect(edition.pages[0].articles[0].source).toEqual({ file: join(given, '11.md'), line: 11 });
    writeFile(join(dir, '11.md'), pageSource(11, ['a'], ['a']).replace('date: 2024-11-24', 'date: 2024-11-31'));
    expect(contentError(() => parseEdition(given)).format()).toMatch(new RegExp(`^${join(given, '11.md').replace(/\./g, '\\.')}:3: date 2024-11-31 is not a real day`));
  });

  it('reads edition.yml', () => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a'], ['a']));
    writeFile(join(dir, 'edition.yml'), 'slug: renmin-ribao-dangjian\ntitle: 人民日报·党建周刊\nlanguage: zh-Hant\n');
    const { slug, title, language } = parseEdition(dir);
    expect({ slug, title, language }).toEqual({ slug: 'renmin-ribao-dangjian', title: '人民日报·党建周刊', language: 'zh-Hant' });
  });

  it.each([
    ['an unknown key', 'slug: x\ntitel: y\n', 2, /^unknown field "titel" in the edition.yml$/],
    ['a slug with a slash', 'slug: out/x\n', 1, /^slug "out\/x" cannot be a file name$/],
    ['a bad language', 'language: Chinese simplified\n', 1, /is not a BCP 47 tag/],
    ['broken YAML', 'title: [x\nslug: y\n', 2, /^invalid YAML in the edition.yml/],
    ['a nested style setting out of range, at its own line', 'slug: x\nstyle:\n  body: 小五\n  columnChars: 90\n', 4, /^style columnChars must be a whole number from 4 to 40, not 90$/],
    ['a typography choice that is none, at its own line', 'typography:\n  normalize: true\n  kinsoku: loose\n', 3, /^typography kinsoku cannot be "loose"$/],
    ['an unknown print setting, at its key', 'print:\n  bleed: 3\n  cropmarks: true\n', 3, /^unknown print setting "cropmarks"$/],
    ['print that is not a mapping', 'print: 3\n', 1, /^print must be a list of `key: value` lines$/],
    ['a style setting of the wrong type', 'style:\n  gutterChars: wide\n', 2, /^style gutterChars must be a number of characters from 0.5 to 3, not "wide"$/],
    ['a slug longer than a file name can take', `slug: ${'x'.repeat(300)}\n`, 1, /^slug is 300 bytes long, more than the 200 a file name can take here$/],
  ])('rejects edition.yml with %s', (_what, yml, line, message) => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a'], ['a']));
    writeFile(join(dir, 'edition.yml'), yml);
    const error = contentError(() => parseEdition(dir));
    expect(error.pos).toEqual({ file: join(dir, 'edition.yml'), line });
    expect(error.message).toMatch(message);
  });

  it('rejects a column width asked for in style: that a page cannot hold, at the style: line, never narrowing it silently', () => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a a a a a a a a'], ['a']));
    writeFile(join(dir, 'edition.yml'), 'slug: x\nstyle:\n  columnChars: 40\n');
    const error = contentError(() => parseEdition(dir));
    expect(error.pos).toEqual({ file: join(dir, 'edition.yml'), line: 2 });
    expect(error.message).toBe('style columnChars: 40 does not fit page 11: 8 columns of 9 pt characters hold at most 13 each there');
    expect(error.hint).toMatch(/give columnChars: 13 or fewer/);
    writeFile(join(dir, 'edition.yml'), 'slug: x\nstyle:\n  columnChars: 12\n');
    expect(parseEdition(dir).style?.columnChars).toBe(12);
  });

  it('a folder name too long to name the output files needs a slug', () => {
    const long = join(dir, '长'.repeat(80));
    writeFile(join(long, '11.md'), pageSource(11, ['a'], ['a']));
    const error = contentError(() => parseEdition(long));
    expect(error.message).toMatch(/^the folder name 长+… is 240 bytes, too long to name the output files$/);
    expect(error.hint).toMatch(/slug: /);
    writeFile(join(long, 'edition.yml'), 'slug: short\n');
    expect(parseEdition(long).slug).toBe('short');
  });

  it('accepts a jump: an id of an earlier page in areas', () => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a b'], ['a', 'b']));
    writeFile(join(dir, '12.md'), pageSource(12, ['a c', 'a c'], ['c']));
    const edition = parseEdition(dir);
    expect(edition.pages[1].areas).toEqual([
      ['a', 'c'],
      ['a', 'c'],
    ]);
    expect(edition.pages[1].articles.map((a) => a.id)).toEqual(['c']);
  });

  it('rejects an id in areas that is on no page so far, naming the page file, band line and id', () => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a b'], ['a', 'b']));
    writeFile(join(dir, '12.md'), pageSource(12, ['c .', 'c x'], ['c']));
    const error = contentError(() => parseEdition(dir));
    expect(error.pos).toEqual({ file: join(dir, '12.md'), line: 10 });
    expect(error.message).toBe('"x" in areas is not an article of this page or of an earlier page');
    expect(error.hint).toMatch(/::: article x.*articles of this page: c/);
  });

  it('rejects a jump backwards: the article is on a later page', () => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a z'], ['a']));
    writeFile(join(dir, '12.md'), pageSource(12, ['z'], ['z']));
    const error = contentError(() => parseEdition(dir));
    expect(error.format()).toMatch(new RegExp(`^${join(dir, '11.md')}:9: "z" in areas is not an article of this page or of an earlier page`));
  });

  it('rejects a second ::: article with an id of an earlier page', () => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a b'], ['a', 'b']));
    writeFile(join(dir, '12.md'), pageSource(12, ['c b'], ['c', 'b']));
    const error = contentError(() => parseEdition(dir));
    expect(error.pos).toEqual({ file: join(dir, '12.md'), line: 14 });
    expect(error.message).toBe(`article "b" is already an article of ${join(dir, '11.md')}:14`);
    expect(error.hint).toMatch(/place "b" in areas only/);
  });

  it('rejects two files with the same page number', () => {
    writeFile(join(dir, '11.md'), pageSource(11, ['a'], ['a']));
    writeFile(join(dir, '11b.md'), pageSource(11, ['b'], ['b']));
    const error = contentError(() => parseEdition(dir));
    expect(error.pos).toEqual({ file: join(dir, '11b.md'), line: 1 });
    expect(error.message).toBe(`page 11 is also ${join(dir, '11.md')}`);
  });

  it('reports a missing folder and a folder without pages as ContentErrors', () => {
    const missing = contentError(() => parseEdition(join(dir, 'nope')));
    expect(missing).toBeInstanceOf(ContentError);
    expect(missing.message).toMatch(/edition folder .*nope not found/);
    mkdirSync(join(dir, 'empty'));
    expect(contentError(() => parseEdition(join(dir, 'empty'))).message).toMatch(/^no page files \(\*\.md\) in /);
  });
});
