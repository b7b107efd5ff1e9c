/**
 * The page grid of the front matter: `size`, `areas` and `rows`.
 */
import type { PageSizeName, PageSizeSpec, RowHeight, SourcePos } from '../model/document.js';
import { ID_PATTERN } from './container.js';
import { fail } from './fail.js';

const SIZE_NAMES: readonly PageSizeName[] = ['broadsheet', 'tabloid', 'A3', 'A4'];
/**
 * The sides a page may have, in millimetres: a PDF page may not exceed 200 in (5080 mm, ISO
 * 32000-1 Annex C), and no press prints a newspaper page beyond A0's 1189 mm; below a postcard
 * (100 mm) no type area of whole lines is left.
 */
const MIN_PAGE_MM = 100;
const MAX_PAGE_MM = 1500;
const SIZE_HINT = 'size is one of broadsheet (对开), tabloid (四开), A3, A4, or "WIDTHxHEIGHTmm" such as "350x500mm"';
const AREAS_HINT =
  'areas is a list of bands, one string per band with one word per basic column: an article id, or . for an empty cell';
const ROWS_HINT = 'rows has one height per band of areas: auto, a share of the page such as "40%", "120mm", or whole grid lines such as "30 lines"';

export function parseSize(value: unknown, pos: SourcePos): PageSizeSpec {
  if (value === undefined || value === null) fail(pos, 'missing field "size"', SIZE_HINT);
  if (typeof value === 'string') {
    const named = SIZE_NAMES.find((name) => name === value.trim());
    if (named) return { kind: 'named', name: named };
    const custom = /^(\d+(?:\.\d+)?)\s*[x×X]\s*(\d+(?:\.\d+)?)\s*mm$/.exec(value.trim());
    if (custom) {
      const widthMm = Number(custom[1]);
      const heightMm = Number(custom[2]);
      if (widthMm > 0 && heightMm > 0) {
        const out = [widthMm, heightMm].find((mm) => mm < MIN_PAGE_MM || mm > MAX_PAGE_MM);
        if (out !== undefined) fail(pos, `a page ${out} mm wide or high is outside ${MIN_PAGE_MM}–${MAX_PAGE_MM} mm`, `${SIZE_HINT}; the largest press sheet (A0, 841 × 1189 mm) is within the range`);
        return { kind: 'custom', widthMm, heightMm };
      }
    }
  }
  return fail(pos, `unknown page size ${JSON.stringify(value)}`, SIZE_HINT);
}

export interface Areas {
  readonly areas: string[][];
  /** Position of each band in the page file. */
  readonly bands: SourcePos[];
}

/** `areas`: one string per band, each exactly `columns` words, each id one rectangle. */
export function parseAreas(value: unknown, columns: number, pos: SourcePos, itemPositions: SourcePos[]): Areas {
  if (value === undefined || value === null) fail(pos, 'missing field "areas"', AREAS_HINT);
  if (!Array.isArray(value) || value.length === 0) fail(pos, '"areas" must be a list of bands', AREAS_HINT);
  const areas: string[][] = [];
  const bands: SourcePos[] = [];
  value.forEach((band: unknown, index) => {
    const bandPos = itemPositions[index] ?? pos;
    if (typeof band !== 'string') {
      fail(bandPos, `band ${index + 1} of areas must be a string of words, not ${JSON.stringify(band)}`, AREAS_HINT);
    }
    const words = band.trim().split(/\s+/).filter((word) => word !== '');
    if (words.length !== columns) {
      fail(
        bandPos,
        `band ${index + 1} of areas has ${words.length} words, but the page has ${columns} columns`,
        `write exactly ${columns} words per band (columns: ${columns}); use . for an empty cell`,
      );
    }
    areas.push(
      words.map((word) => {
        if (/^\.+$/.test(word)) return '.';
        if (!ID_PATTERN.test(word)) {
          fail(bandPos, `"${word}" in areas is not an article id`, 'ids are made of letters, digits and "-"; use . for an empty cell');
        }
        return word;
      }),
    );
    bands.push(bandPos);
  });
  checkRectangles(areas, bands);
  return { areas, bands };
}

/** Every id's cells must form one rectangle: contiguous columns over contiguous bands. */
function checkRectangles(areas: readonly (readonly string[])[], bands: readonly SourcePos[]): void {
  const boxes = new Map<string, { top: number; bottom: number; left: number; right: number; cells: number }>();
  areas.forEach((band, row) =>
    band.forEach((id, col) => {
      if (id === '.') return;
      const box = boxes.get(id);
      if (!box) {
        boxes.set(id, { top: row, bottom: row, left: col, right: col, cells: 1 });
        return;
      }
      box.top = Math.min(box.top, row);
      box.bottom = Math.max(box.bottom, row);
      box.left = Math.min(box.left, col);
      box.right = Math.max(box.right, col);
      box.cells += 1;
    }),
  );
  for (const [id, box] of boxes) {
    const area = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (area !== box.cells) {
      fail(
        bands[box.top],
        `"${id}" does not form one rectangle in areas`,
        `an article takes a rectangle of cells: the same run of columns in consecutive bands; "${id}" spans bands ${box.top + 1}–${box.bottom + 1} and columns ${box.left + 1}–${box.right + 1}, but has only ${box.cells} of those ${area} cells`,
      );
    }
  }
}

/** `rows`: optional, one height per band; `auto` for each band when absent. */
export function parseRows(value: unknown, bandCount: number, pos: SourcePos, itemPositions: SourcePos[], grid = 'areas'): RowHeight[] {
  if (value === undefined || value === null) return Array.from({ length: bandCount }, () => ({ kind: 'auto' }));
  if (!Array.isArray(value)) fail(pos, '"rows" must be a list', ROWS_HINT);
  if (value.length !== bandCount) {
    fail(pos, `rows has ${value.length} heights, but ${grid} has ${bandCount} bands`, ROWS_HINT);
  }
  let percent = 0;
  const rows = value.map((row: unknown, index): RowHeight => {
    const rowPos = itemPositions[index] ?? pos;
    const text = typeof row === 'string' ? row.trim() : '';
    if (text === 'auto') return { kind: 'auto' };
    const lines = /^(\d+)\s*lines?$/.exec(text);
    if (lines && Number(lines[1]) > 0) return { kind: 'lines', value: Number(lines[1]) };
    const match = /^(\d+(?:\.\d+)?)\s*(%|mm)$/.exec(text);
    const amount = match ? Number(match[1]) : 0;
    if (!match || amount <= 0 || (match[2] === '%' && amount > 100)) {
      fail(rowPos, `invalid row height ${JSON.stringify(row)} (band ${index + 1})`, ROWS_HINT);
    }
    if (match[2] === '%') {
      percent += amount;
      return { kind: 'percent', value: amount };
    }
    return { kind: 'mm', value: amount };
  });
  if (percent > 100) fail(pos, `the row heights in percent add up to ${percent}%, more than the page`, ROWS_HINT);
  return rows;
}
