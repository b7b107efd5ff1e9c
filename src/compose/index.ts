/**
 * Compose stage: itemized pages → composed pages. The grid and the modules come from the page's
 * `areas`, or, with `areas: auto`, from the make-up the page builder proposes (makeup/); each
 * article is set in its module; the header, column rules and boxes are added; an article named
 * again in a later page's areas (or `continued:`) jumps there. Sees widths and items only, never
 * fonts or Markdown.
 */
import { ContentError, makePalette, type Article, type HouseStyle, type Palette } from '../model/index.js';
import { autoRowsIfSame, layoutAutoPage, type PartOf } from './auto-page.js';
import { JUMP_ROOM_STEP, JUMP_ROOM_VALUE, MakeupError, MAX_JUMP_ROOM_VALUE } from './makeup/index.js';
import type { ItemizedArticle, ItemizedEdition, ItemizedPage } from '../text/index.js';
import { measureArticle, setArticle, type ArticlePart, type Module } from './article.js';
import { solveBands, type AreaNeed } from './bands.js';
import { baselineIn, pageGeometry } from './geometry.js';
import { layoutFrontTop } from './front-page.js';
import { layoutHeader, withoutRunningHead } from './header.js';
import { LineCache } from './line-cache.js';
import { cellsOf } from './modules.js';
import { paintArticle } from './paint.js';
import { moduleRules } from './rules.js';
import type { TextPosition } from './slabs.js';
import type { ArticleLayout, ComposedPage, OutlineEntry, Overset, PlacedElement, PlacedFill, PlacedRule } from './types.js';
import { placedLine } from './placed-line.js';

export type * from './types.js';
export { PAGE } from './types.js';
export { LineCache } from './line-cache.js';
export { placedLine, type PlacedLineFields } from './placed-line.js';
export { baselineIn, EM_BOX_ASCENT } from './geometry.js';
export { pageGeometry, PT_PER_MM, type PageGeometry } from './geometry.js';

/** Where a jumping article has got to: the next part's index and where its text takes up. */
interface Carry {
  readonly article: ItemizedArticle;
  readonly part: number;
  readonly from: TextPosition;
}

/** Lines a jumping article asks for on its first page: enough to start it well. */
const JUMP_START_LINES = 8;
/** Lines an article may be set shorter than its natural depth when the page is short (looser spacing cannot give more). */
const MAX_TIGHTENED_LINES = 3;

/** Compose an edition's pages; `cache` keeps the paragraphs broken for this build (a fresh one by default). */
export function composePages(edition: ItemizedEdition, style: HouseStyle, cache: LineCache = new LineCache()): ComposedPage[] {
  const palette = edition.edition.palette ?? makePalette();
  const models = new Map(edition.edition.pages.flatMap((p) => p.articles.map((a) => [a.id, a] as const)));
  const composed: ComposedPage[] = [];
  // Where each page's jumps stood before it was set, to set it again from there.
  const before: Map<string, Carry>[] = [];
  const jumpRoom = edition.pages.map(() => JUMP_ROOM_VALUE);
  let carries = new Map<string, Carry>();
  for (let i = 0; i < edition.pages.length; ) {
    before[i] = new Map(carries);
    try {
      composed[i] = composePage(edition.pages[i], style, carries, cache, palette, models, jumpRoom[i]);
      i++;
    } catch (error) {
      // A continuation too long for its page (areas: auto): the page it jumps from gives it more room, as an editor would.
      const from = error instanceof MakeupError ? jumpSource(edition, i, error.continued, jumpRoom) : undefined;
      if (from === undefined) throw error;
      jumpRoom[from] *= JUMP_ROOM_STEP;
      carries = new Map(before[from]);
      i = from;
    }
  }
  return composed;
}

/** The latest earlier page with areas: auto holding a part of one of `ids` that may still give it more room. */
function jumpSource(edition: ItemizedEdition, page: number, ids: readonly string[], jumpRoom: readonly number[]): number | undefined {
  for (let j = page - 1; j >= 0; j--) {
    const p = edition.pages[j].page;
    if (!ids.some((id) => p.articles.some((a) => a.id === id) || p.auto?.continued.includes(id))) continue;
    return p.auto && jumpRoom[j] < MAX_JUMP_ROOM_VALUE ? j : undefined;
  }
  return undefined;
}

function partFor(article: ItemizedArticle, carry: Carry | undefined): ArticlePart {
  if (!carry) return article.continuations.length > 0 ? { kind: 'first' } : { kind: 'whole' };
  return { kind: 'continuation', index: carry.part, from: carry.from, last: carry.part === article.continuations.length };
}

function jumps(part: ArticlePart): boolean {
  return part.kind === 'first' || (part.kind === 'continuation' && !part.last);
}

function composePage(itemized: ItemizedPage, style: HouseStyle, carries: Map<string, Carry>, cache: LineCache, palette: Palette, models: ReadonlyMap<string, Article>, jumpRoom: number): ComposedPage {
  const written = itemized.page;
  const running = layoutHeader(itemized.header, pageGeometry(written.size, written.columns, style), style);
  // A front page has no running head: its masthead takes the head's band and the type area below.
  const header = itemized.masthead ? withoutRunningHead(running) : running;
  const typeArea = header.geometry; // shortened where the margins cannot hold the running head
  const front = itemized.masthead ? layoutFrontTop(itemized, typeArea, style, palette, cache, headlineOf) : undefined;
  const geometry = front?.below ?? typeArea; // what the page's areas share
  const pitch = geometry.pitch;
  const totalLines = Math.round(geometry.height / pitch);
  const own = new Map(itemized.articles.map((a) => [a.id, a]));
  const articleOf = (id: string): ItemizedArticle => {
    const article = own.get(id) ?? carries.get(id)?.article;
    if (!article) throw new ContentError(`page ${written.number}: "${id}" in ${written.auto ? 'continued' : 'areas'} is not an article of this page or one that jumps here`, written.source);
    return article;
  };
  // areas: auto — the page builder proposes the areas, then sets the page as if they were drawn.
  const partHere = (id: string): PartOf => {
    const part = partFor(articleOf(id), carries.get(id));
    return { article: articleOf(id), part, jumps: jumps(part) };
  };
  const auto = written.auto ? layoutAutoPage({ ...itemized, page: { ...written, auto: written.auto } }, partHere, (id) => models.get(id), geometry, totalLines, style, cache, jumpRoom) : undefined;
  let page = auto?.page ?? written;
  const cells = cellsOf(page);
  const moduleOf = (id: string): Module => {
    const c = cells.get(id)!;
    const span = c.lastColumn - c.firstColumn + 1;
    return { x: geometry.left + c.firstColumn * (geometry.columnWidth + geometry.gutter), width: span * geometry.columnWidth + (span - 1) * geometry.gutter, basicColumns: span };
  };
  // A line of space above an area that does not start the page, for the rule between stories.
  const gapAbove = (id: string): number => (cells.get(id)!.firstRow > 0 ? 1 : 0);
  const partOf = (id: string): ArticlePart => partFor(articleOf(id), carries.get(id));
  const natural: AreaNeed[] = [...cells.values()].map((c) => {
    const part = partOf(c.id);
    const lines = (jumps(part) ? JUMP_START_LINES : measureArticle(articleOf(c.id), moduleOf(c.id), geometry, style, part, cache, totalLines)) + gapAbove(c.id);
    return { id: c.id, firstRow: c.firstRow, lastRow: c.lastRow, lines, least: lines, elastic: jumps(part) };
  });
  let bands = solveBands(page.rows, totalLines, pitch, natural);
  // A proposal is written with rows: auto where those give its bands (an editor's start to adjust).
  const autoRows = auto ? autoRowsIfSame(bands.heights, solveBands(page.rows.map(() => ({ kind: 'auto' as const })), totalLines, pitch, natural).heights) : undefined;
  if (autoRows) page = { ...page, rows: autoRows };
  // Tightening gives a few lines an article at most: worth trying only when that could close the gap.
  if (bands.short > 0 && bands.short <= MAX_TIGHTENED_LINES * natural.filter((n) => !n.elastic).length) {
    // The page is short of lines: find how tight each article can be set (a few paragraphs a
    // line shorter, TeX's \looseness) before any of it is left over.
    const set = (id: string, lines: number): boolean => setArticle(articleOf(id), moduleOf(id), lines - gapAbove(id), geometry, style, partOf(id), cache).overset === undefined;
    const least = natural.map((n) => {
      let fewest = n.lines;
      while (!n.elastic && fewest > n.lines - MAX_TIGHTENED_LINES && set(n.id, fewest - 1)) fewest--;
      return { ...n, least: fewest };
    });
    bands = solveBands(page.rows, totalLines, pitch, least);
  }
  const heights = bands.heights;

  const bandTopLine = heights.map((_, r) => heights.slice(0, r).reduce((a, b) => a + b, 0));
  const yOfLine = (line: number): number => geometry.top + line * pitch;
  const elements: PlacedElement[] = [...header.lines, ...(front?.elements ?? [])];
  const rules: PlacedRule[] = [...header.rules, ...(front?.rules ?? [])];
  const fills: PlacedFill[] = [...(front?.fills ?? [])];
  const layouts: ArticleLayout[] = [...(front?.layouts ?? [])];
  const outline: OutlineEntry[] = [...(front?.outline ?? [])];
  const overset: Overset[] = [...(front?.overset ?? [])];
  // Reading order: continuations first (they go on from earlier pages), then this page's articles.
  const ids = [...cells.keys()].sort((a, b) => Number(own.has(a)) - Number(own.has(b)) || order(itemized, a) - order(itemized, b));
  const boxed = new Set(ids.filter((id) => articleOf(id).box));
  for (const id of ids) {
    const article = articleOf(id);
    const c = cells.get(id)!;
    const topLine = bandTopLine[c.firstRow] + gapAbove(id);
    const lines = heights.slice(c.firstRow, c.lastRow + 1).reduce((a, b) => a + b, 0) - gapAbove(id);
    const module = moduleOf(id);
    const carry = carries.get(id);
    const part = partFor(article, carry);
    outline.push({ article: id, title: `${headlineOf(article)}${part.kind === 'continuation' ? CONTINUED : ''}` });
    const setting = setArticle(article, module, lines, geometry, style, part, cache);
    if (setting.next !== undefined) carries.set(id, { article, part: (carry?.part ?? 0) + 1, from: setting.next });
    else carries.delete(id);
    const dy = yOfLine(topLine);
    const area = { x: module.x, y: dy, width: module.width, height: lines * pitch };
    if (setting.overset) {
      const bandRows = heights.map((_, r) => r).filter((r) => r >= c.firstRow && r <= c.lastRow);
      overset.push({ ...setting.overset, article: id, area, lines, bands: bandRows, pageShort: bands.short });
    }
    const painted = paintArticle(article, setting.elements.map((e) => (e.kind === 'line' ? placedLine(e, e.baseline + dy) : { ...e, y: e.y + dy })), area, palette);
    elements.push(...painted.elements);
    fills.push(...painted.fills);
    for (const r of setting.rules) rules.push({ ...r, y1: r.y1 + dy, y2: r.y2 + dy });
    const blank = setting.layout.blankLines / (lines * setting.layout.columns);
    layouts.push({ ...setting.layout, ...area, moduleLines: lines, fill: 1 - blank });
  }
  const bandTops = bandTopLine.map(yOfLine);
  const bandBottoms = heights.map((h, r) => yOfLine(bandTopLine[r] + h));
  rules.push(...moduleRules(page, geometry, bandTops, bandBottoms, boxed, style.rules.column));
  return {
    width: geometry.pageWidth,
    height: geometry.pageHeight,
    number: page.number,
    label: `第${page.number}版 ${page.section}`,
    elements,
    rules,
    fills,
    articles: layouts,
    outline,
    typeArea: { x: typeArea.left, y: typeArea.top, width: typeArea.width, height: typeArea.height },
    grid: { pitch, top: yOfLine(0), firstBaseline: baselineIn(yOfLine(0), pitch, geometry.em), lines: totalLines },
    overset,
    ...(auto ? { makeup: { ...auto.proposal, rows: page.rows } } : {}),
  };
}

/** Mark of a continued article in bookmarks. */
const CONTINUED = '（续）';

/** The article's headline as it reads, or its id when it has none. */
function headlineOf(article: ItemizedArticle): string {
  const head = article.blocks.find((b) => b.kind === 'text' && b.role === 'headline');
  return head?.kind === 'text' ? head.set.text : article.id;
}

/** Source order of an article on its page (continuations keep the order of the areas). */
function order(page: ItemizedPage, id: string): number {
  const i = page.articles.findIndex((a) => a.id === id);
  return i < 0 ? page.page.areas.flat().indexOf(id) : i;
}
