/**
 * `areas: auto` in the front matter (src/parse/auto-makeup.ts): the template's hints, the
 * continuations named in `continued:`, rows counted against the template, and each mistake
 * refused at its line with what to do.
 */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import { parseFiles } from '../helpers/edition.js';
import { contentError } from './helpers.js';

const HEAD = ['---', 'paper: 人民日报', 'date: 2024-11-24', 'page: 11', 'section: 党建', 'size: tabloid', 'columns: 4'];
const ARTICLES = ['---', '::: article a rank=1', '甲', ':::', '::: article b', '乙', ':::'];

/** A page with `areas: auto` and `more` front-matter lines after it. */
function autoPage(more: readonly string[] = []): string {
  return [...HEAD, 'areas: auto', ...more, ...ARTICLES].join('\n');
}

const parse = (source: string) => parsePage(source, 'content/11.md', '/nonexistent');
const errorOf = (source: string) => contentError(() => parse(source));

describe('areas: auto', () => {
  it('leaves the areas to the page builder: no areas, no rows, the lead anywhere', () => {
    const page = parse(autoPage());
    expect(page.areas).toEqual([]);
    expect(page.rows).toEqual([]);
    expect(page.auto).toEqual({ lead: 'any', continued: [] });
    expect(page.articles.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('reads the template: where the lead goes, the cells kept empty, and the kept bands\' rows', () => {
    const page = parse(autoPage(['template:', '  lead: top', '  areas:', '    - "* * * *"', '    - ". . * *"', 'rows: [auto, "30%"]']));
    expect(page.auto).toEqual({ lead: 'top', continued: [], template: [['*', '*', '*', '*'], ['.', '.', '*', '*']] });
    expect(page.rows).toEqual([{ kind: 'auto' }, { kind: 'percent', value: 30 }]);
  });

  it('accepts rows in whole grid lines', () => {
    const page = parse(autoPage(['template:', '  areas:', '    - "* * * *"', '    - ". . . ."', 'rows: [auto, "12 lines"]']));
    expect(page.rows).toEqual([{ kind: 'auto' }, { kind: 'lines', value: 12 }]);
  });

  it.each([
    ['an unknown hint', ['template:', '  slot: left'], 9, /unknown template hint "slot"/, /lead: top \| left \| any/],
    ['a lead placement not known', ['template:', '  lead: middle'], 9, /template lead "middle" is not a placement/, /lead: top/],
    ['a template band of the wrong width', ['template:', '  areas:', '    - "* * *"'], 9, /band 1 of the template has 3 words, but the page has 4 columns/, /\*/],
    ['a template word other than * and .', ['template:', '  areas:', '    - "* * a *"'], 9, /"a" in the template is neither \* nor \./, /kept empty/],
    ['kept cells in the middle', ['template:', '  areas:', '    - "* * * *"', '    - "* . . *"', 'rows: [auto, "30%"]'], 9, /reach neither side/, /foot corner|across its width/],
    ['kept cells at the top', ['template:', '  areas:', '    - ". . * *"', '    - "* * * *"', 'rows: ["30%", auto]'], 9, /not at the foot/, /foot/],
    ['kept cells not a rectangle', ['template:', '  areas:', '    - "* * * *"', '    - ". . * ."', 'rows: [auto, "30%"]'], 9, /not one rectangle/, /foot/],
    ['rows without a template', ['rows: [auto]'], 9, /rows has 1 heights, but the template has 0 bands/, /one height per band/],
    ['continued not a list of ids', ['continued: lead'], 9, /continued must be a list of article ids/, /continued: \[long\]/],
  ])('refuses %s at its line', (_what, more, line, message, hint) => {
    const error = errorOf(autoPage(more));
    expect(error.pos).toEqual({ file: 'content/11.md', line });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it('refuses template: and continued: on a page whose areas are drawn', () => {
    const drawn = [...HEAD, 'areas:', '  - a a b b', 'template:', '  lead: top', ...ARTICLES].join('\n');
    expect(errorOf(drawn).message).toMatch(/template: is for a page with areas: auto/);
    const jump = [...HEAD, 'areas:', '  - a a b b', 'continued: [x]', ...ARTICLES].join('\n');
    expect(errorOf(jump).hint).toMatch(/named again in areas/);
  });

  it('refuses a band head on an auto page: it needs its stories drawn under it', () => {
    const source = [...HEAD, 'areas: auto', '---', '::: band top', '# 通栏', ':::', '::: article a', '甲', ':::'].join('\n');
    const error = errorOf(source);
    expect(error.message).toMatch(/band head "top" on a page with areas: auto/);
    expect(error.pos?.line).toBe(10);
  });

  it('takes a jump named in continued:, and refuses one that is no article of an earlier page', () => {
    const first = [...HEAD.map((l) => (l === 'page: 11' ? 'page: 1' : l)), 'areas: auto', '---', '::: article long rank=1', '甲', ':::'].join('\n');
    const second = (ids: string) => [...HEAD.map((l) => (l === 'page: 11' ? 'page: 2' : l)), 'areas: auto', `continued: [${ids}]`, '---', '::: article b', '乙', ':::'].join('\n');
    const edition = parseFiles({ '1.md': first, '2.md': second('long') });
    expect(edition.pages[1].auto?.continued).toEqual(['long']);
    const error = contentError(() => parseFiles({ '1.md': first, '2.md': second('lost') }));
    expect(error.message).toMatch(/"lost" in areas is not an article of this page or of an earlier page/);
    expect(error.pos?.line).toBe(9);
  });
});
