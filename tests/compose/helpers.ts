/** Hand-built document models and slabs for the compose-stage tests. */
import type { Slab } from '../../src/compose/slabs.js';
import { DEFAULT_TYPOGRAPHY, type Article, type Block, type Edition, type Inline, type Page, type RowHeight, type SourcePos, type TextRole } from '../../src/model/index.js';

export const SOURCE: SourcePos = { file: 'test/11.md', line: 1 };

/** A page of the given bands (`'a a b b'`) and row heights; articles optional. */
export function page(areas: readonly string[], rows: readonly RowHeight[], articles: readonly Article[] = [], number = 11): Page {
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
    articles,
  };
}

export const auto: RowHeight = { kind: 'auto' };
export const percent = (value: number): RowHeight => ({ kind: 'percent', value });
export const mm = (value: number): RowHeight => ({ kind: 'mm', value });

export function text(role: TextRole, content: string | Inline[]): Block {
  return { kind: 'text', role, inlines: typeof content === 'string' ? [{ kind: 'text', text: content }] : content, source: SOURCE };
}

export function article(id: string, blocks: readonly Block[], options: { box?: boolean; label?: string } = {}): Article {
  return { source: SOURCE, id, box: options.box ?? false, ...(options.label ? { label: options.label } : {}), blocks };
}

export function edition(pages: readonly Page[]): Edition {
  return { slug: 'test', title: '测试', language: 'zh-Hans', dir: '/tmp', typography: DEFAULT_TYPOGRAPHY, pages };
}

/** A slab of `lines` grid lines with no content. */
export function slab(lines: number, options: { keep?: boolean; gap?: boolean } = {}): Slab {
  return { lines, content: [], images: [], keepWithNext: options.keep ?? false, discardableAtTop: options.gap ?? false, block: 0, chars: lines };
}

export const lines = (n: number): Slab[] => Array.from({ length: n }, () => slab(1));
