/** Editions (page files parsed as real ones are), page grids and slabs for the compose-stage tests. */
import type { Slab } from '../../src/compose/slabs.js';
import type { Edition, Page, RowHeight, SourcePos } from '../../src/model/index.js';
import { pageFile, parseFiles } from '../helpers/edition.js';

export { article } from '../helpers/edition.js';

export const SOURCE: SourcePos = { file: 'test/11.md', line: 1 };

/** The grid of a page without articles: its bands (`'a a b b'`) and row heights, for the module tests. */
export function page(areas: readonly string[], rows: readonly RowHeight[], number = 11): Page {
  const grid = areas.map((band) => band.split(' '));
  return {
    source: SOURCE,
    paper: '人民日报',
    date: '2024-11-24',
    number,
    section: '党建',
    size: { kind: 'named', name: 'broadsheet' },
    columns: grid[0].length,
    areas: grid,
    rows,
    articles: [],
  };
}

export const auto: RowHeight = { kind: 'auto' };
export const percent = (value: number): RowHeight => ({ kind: 'percent', value });
export const mm = (value: number): RowHeight => ({ kind: 'mm', value });

/**
 * An edition of one page 11 (人民日报, 党建, broadsheet): its bands, row heights (`auto`, `80%`,
 * `120mm`) and articles (Markdown of `article()`), parsed as a page file.
 */
export function edition(areas: readonly string[], rows: readonly string[], articles: readonly string[]): Edition {
  return parseFiles({ '11.md': pageFile({ page: 11, areas, rows }, articles) });
}

/** A slab of `lines` grid lines with no content. */
export function slab(lines: number, options: { keep?: boolean; gap?: boolean } = {}): Slab {
  return { lines, content: [], keepWithNext: options.keep ?? false, discardableAtTop: options.gap ?? false, block: 0, item: 0, chars: lines };
}

export const lines = (n: number): Slab[] => Array.from({ length: n }, () => slab(1));
