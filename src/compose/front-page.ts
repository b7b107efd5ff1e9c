/**
 * A front page's top: the masthead band (masthead.ts) and its ear boxes (报眼) set in their
 * modules beside it, as the page builder sets any article; the type area for the page's `areas`
 * starts under the band.
 */
import type { HouseStyle, Palette } from '../model/index.js';
import type { ItemizedArticle, ItemizedPage } from '../text/index.js';
import { measureArticle, setArticle } from './article.js';
import type { PageGeometry } from './geometry.js';
import type { LineCache } from './line-cache.js';
import { layoutMasthead } from './masthead.js';
import { paintArticle } from './paint.js';
import type { ArticleLayout, ComposedPage, OutlineEntry, Overset, PlacedElement, PlacedFill, PlacedRule } from './types.js';
import { placedLine } from './placed-line.js';

export interface FrontTop extends Pick<ComposedPage, 'elements' | 'rules' | 'fills' | 'outline' | 'overset'> {
  readonly layouts: readonly ArticleLayout[];
  /** The type area left to the page's `areas`: under the band, whole grid lines down. */
  readonly below: PageGeometry;
}

export function layoutFrontTop(itemized: ItemizedPage, geometry: PageGeometry, style: HouseStyle, palette: Palette, cache: LineCache, headlineOf: (a: ItemizedArticle) => string): FrontTop {
  const masthead = itemized.masthead!;
  const ears = new Map((itemized.ears ?? []).map((id) => [id, itemized.articles.find((a) => a.id === id)!]));
  const totalLines = Math.round(geometry.height / geometry.pitch);
  const band = layoutMasthead(masthead, [...ears.keys()], geometry, style, palette, (id, module) => measureArticle(ears.get(id)!, module, geometry, style, { kind: 'whole' }, cache, totalLines));
  const elements: PlacedElement[] = [...band.elements];
  const rules: PlacedRule[] = [...band.rules];
  const fills: PlacedFill[] = [];
  const layouts: ArticleLayout[] = [];
  const outline: OutlineEntry[] = [];
  const overset: Overset[] = [];
  for (const place of band.ears) {
    const article = ears.get(place.id)!;
    const setting = setArticle(article, place.module, place.lines, geometry, style, { kind: 'whole' }, cache);
    const dy = geometry.top;
    const area = { x: place.module.x, y: dy, width: place.module.width, height: place.lines * geometry.pitch };
    const shifted = setting.elements.map((e): PlacedElement => (e.kind === 'line' ? placedLine(e, e.baseline + dy) : { ...e, y: e.y + dy }));
    const painted = paintArticle(article, shifted, area, palette);
    elements.push(...painted.elements);
    fills.push(...painted.fills);
    rules.push(...setting.rules.map((r) => ({ ...r, y1: r.y1 + dy, y2: r.y2 + dy })));
    outline.push({ article: place.id, title: headlineOf(article) });
    if (setting.overset) overset.push({ ...setting.overset, article: place.id, area, lines: place.lines, bands: [], pageShort: 0 });
    const blank = setting.layout.blankLines / (place.lines * setting.layout.columns);
    layouts.push({ ...setting.layout, ...area, moduleLines: place.lines, fill: 1 - blank });
  }
  const taken = band.lines * geometry.pitch;
  return { elements, rules, fills, layouts, outline, overset, below: { ...geometry, top: geometry.top + taken, height: geometry.height - taken } };
}
