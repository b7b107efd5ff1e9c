import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import { contentError } from './helpers.js';

// Line numbers of the fields below are fixed: tests rewrite one line and expect the error there.
const GOOD = [
  '---', // 1
  'paper: 人民日报', // 2
  'date: 2024-11-24', // 3
  'page: 11', // 4
  'section: 党建', // 5
  'size: broadsheet', // 6
  'columns: 2', // 7
  'areas:', // 8
  '  - a b', // 9
  '  - a b', // 10
  'rows: [auto, 40%]', // 11
  '---', // 12
  '::: article a', // 13
  '甲', // 14
  ':::', // 15
  '::: article b', // 16
  '乙', // 17
  ':::', // 18
].join('\n');

/** GOOD with `line` (1-based) replaced by `text` (several lines, or none with ''). */
function withLine(line: number, text: string | null): string {
  const lines = GOOD.split('\n');
  if (text === null) lines.splice(line - 1, 1);
  else lines.splice(line - 1, 1, text);
  return lines.join('\n');
}

function errorAt(source: string) {
  return contentError(() => parsePage(source, 'content/11.md', '/nonexistent'));
}

describe('front matter', () => {
  it('accepts the good page', () => {
    expect(parsePage(GOOD, 'content/11.md', '/nonexistent').articles.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it.each([
    // [what, source, line, message, hint]
    ['no front matter', '::: article a\n甲\n:::\n', 1, /^the page has no front matter$/, /paper:.*date: YYYY-MM-DD/],
    ['unclosed front matter', GOOD.split('\n').slice(0, 11).join('\n'), 1, /front matter is not closed/, /line ---/],
    ['spaces after the fences', withLine(1, '---  ').replace('\n---\n::: article', '\n--- \n::: article').replace('page: 11', 'page: x'), 4, /"page" must be a whole number from 1 to 999/, /page number/],
    ['text after the opening fence', withLine(1, '---yaml'), 1, /must start with a line ---$/, /nothing else/],
    ['missing paper', withLine(2, null), 1, /^missing field "paper"$/, /masthead/],
    ['empty paper', withLine(2, 'paper:'), 2, /^missing field "paper"$/, /masthead/],
    ['paper not text', withLine(2, 'paper: [1, 2]'), 2, /"paper" must be a text/, /masthead/],
    ['missing date', withLine(3, null), 1, /^missing field "date"$/, /YYYY-MM-DD/],
    ['date not ISO', withLine(3, 'date: 2024/11/24'), 3, /date "2024\/11\/24" is not an ISO date/, /YYYY-MM-DD/],
    ['date short', withLine(3, 'date: 2024-1-4'), 3, /is not an ISO date/, /YYYY-MM-DD/],
    ['date month 13', withLine(3, 'date: 2024-13-01'), 3, /date 2024-13-01 is not a real day/, /YYYY-MM-DD/],
    ['date 30 February', withLine(3, 'date: 2024-02-30'), 3, /date 2024-02-30 is not a real day/, /YYYY-MM-DD/],
    ['date 29 February 2023', withLine(3, 'date: 2023-02-29'), 3, /not a real day/, /YYYY-MM-DD/],
    ['missing page', withLine(4, null), 1, /^missing field "page"$/, /page number/],
    ['page zero', withLine(4, 'page: 0'), 4, /"page" must be a whole number from 1 to 999, not 0/, /page number/],
    ['page fraction', withLine(4, 'page: 1.5'), 4, /whole number from 1 to 999, not 1.5/, /page number/],
    ['page quoted', withLine(4, 'page: "11"'), 4, /whole number from 1 to 999, not "11"/, /page number/],
    ['page word', withLine(4, 'page: eleven'), 4, /whole number from 1 to 999/, /page number/],
    ['page 1e23', withLine(4, 'page: 1e23'), 4, /"page" must be a whole number from 1 to 999, not 1e\+23/, /page number/],
    ['missing section', withLine(5, null), 1, /^missing field "section"$/, /版名/],
    ['missing size', withLine(6, null), 1, /^missing field "size"$/, /broadsheet.*tabloid.*A3.*A4.*mm/],
    ['unknown size', withLine(6, 'size: folio'), 6, /^unknown page size "folio"$/, /broadsheet/],
    ['size without mm', withLine(6, 'size: 350x500'), 6, /unknown page size "350x500"/, /WIDTHxHEIGHTmm/],
    ['size lower case a4', withLine(6, 'size: a4'), 6, /unknown page size "a4"/, /A4/],
    ['size of 99999 mm', withLine(6, 'size: "99999x500mm"'), 6, /a page 99999 mm wide or high is outside 100–1500 mm/, /A0/],
    ['size of 20 mm', withLine(6, 'size: "20x30mm"'), 6, /a page 20 mm wide or high is outside 100–1500 mm/, /WIDTHxHEIGHTmm/],
    ['columns 1000', withLine(7, 'columns: 1000'), 7, /"columns" must be a whole number from 1 to 24, not 1000/, /basic grid columns/],
    ['missing columns', withLine(7, null), 1, /^missing field "columns"$/, /basic grid columns/],
    ['columns zero', withLine(7, 'columns: 0'), 7, /"columns" must be a whole number from 1 to 24/, /basic grid columns/],
    ['missing areas', GOOD.replace('areas:\n  - a b\n  - a b\n', ''), 1, /^missing field "areas"$/, /one word per basic column/],
    ['areas not a list', withLine(8, 'areas: a b'), 8, /"areas" must be a list of bands/, /one word per basic column/],
    ['band too short', withLine(10, '  - a'), 10, /band 2 of areas has 1 words, but the page has 2 columns/, /exactly 2 words per band/],
    ['band too long', withLine(9, '  - a b b'), 9, /band 1 of areas has 3 words/, /columns: 2/],
    ['bad id in areas', withLine(9, '  - a_1 b'), 9, /"a_1" in areas is not an article id/, /letters, digits/],
    ['rows count', withLine(11, 'rows: [auto]'), 11, /rows has 1 heights, but areas has 2 bands/, /one height per band/],
    ['row without unit', withLine(11, 'rows: [auto, 40]'), 11, /invalid row height 40 \(band 2\)/, /"40%", "120mm", or whole grid lines such as "30 lines"/],
    ['row in px', withLine(11, 'rows: [auto, 40px]'), 11, /invalid row height "40px"/, /auto/],
    ['row over 100%', withLine(11, 'rows: [auto, 140%]'), 11, /invalid row height "140%"/, /auto/],
    ['rows add up over 100%', withLine(11, 'rows: [60%, 50%]'), 11, /add up to 110%/, /auto/],
    ['row item on its own line', withLine(11, 'rows:\n  - auto\n  - 12 cm'), 13, /invalid row height "12 cm" \(band 2\)/, /auto/],
    ['unknown field', withLine(11, 'colums: 3'), 11, /^unknown field "colums" in the front matter$/, /known fields: paper, date, page/],
    ['duplicate key', withLine(11, 'page: 12'), 11, /invalid YAML in the front matter: Map keys must be unique/, /indentation/],
    // YAML notices the missing ] on the next line, and says so there.
    ['broken YAML', withLine(5, 'section: [党建'), 6, /^invalid YAML in the front matter: Flow sequence/, /lines above/],
    ['unclosed quote', withLine(2, 'paper: "人民日报'), 2, /^invalid YAML in the front matter: Missing closing "quote/, /quotes/],
  ])('%s', (_what, source, line, message, hint) => {
    const error = errorAt(source as string);
    expect(error.pos).toEqual({ file: 'content/11.md', line });
    expect(error.message).toMatch(message as RegExp);
    expect(error.hint).toMatch(hint as RegExp);
    expect(error.format().startsWith(`content/11.md:${line}: `)).toBe(true);
  });

  describe('areas rectangles', () => {
    function areas(...bands: string[]): string {
      const ids = [...new Set(bands.join(' ').split(' '))].filter((id) => id !== '.');
      return [
        '---',
        'paper: 人民日报',
        'date: 2024-11-24',
        'page: 11',
        'section: 党建',
        'size: A3',
        `columns: ${bands[0].split(' ').length}`,
        'areas:',
        ...bands.map((band) => `  - ${band}`),
        '---',
        ...ids.flatMap((id) => [`::: article ${id}`, id, ':::']),
      ].join('\n');
    }

    it('accepts rectangles of any size and empty cells', () => {
      const page = parsePage(areas('a a b', 'a a c', '. . c'), 'p.md', '/nonexistent');
      expect(page.areas).toEqual([
        ['a', 'a', 'b'],
        ['a', 'a', 'c'],
        ['.', '.', 'c'],
      ]);
    });

    it.each([
      ['an L shape', ['a a b', 'a b b'], 'a', 9, /bands 1–2 and columns 1–2, but has only 3 of those 4 cells/],
      ['a split band', ['a b a'], 'a', 9, /columns 1–3, but has only 2 of those 3 cells/],
      ['split bands', ['a b', '. b', 'a b'], 'a', 9, /bands 1–3/],
      ['a late L', ['c c c', 'a . b', 'a a b'], 'a', 10, /bands 2–3 and columns 1–2/],
    ])('rejects %s, naming the id and its first band', (_what, bands, id, line, hint) => {
      const error = errorAt(areas(...bands));
      expect(error.pos).toEqual({ file: 'content/11.md', line });
      expect(error.message).toBe(`"${id}" does not form one rectangle in areas`);
      expect(error.hint).toMatch(hint);
    });
  });
});
