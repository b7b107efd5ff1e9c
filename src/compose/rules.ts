import type { Page } from '../model/index.js';
import type { PageGeometry } from './geometry.js';
import { PAGE, type PlacedRule } from './types.js';

/**
 * Column rules (栏线) between modules: a vertical rule in the middle of the gutter where two
 * articles meet side by side, a horizontal rule across the gap line where one ends above
 * another. None beside a ruled box, which has its own border, nor beside an empty cell, nor
 * between a band head (通栏标题) and the stories under it, which it heads.
 */
export function moduleRules(page: Page, geometry: PageGeometry, bandTops: readonly number[], bandBottoms: readonly number[], boxed: ReadonlySet<string>, width: number): PlacedRule[] {
  const rules: PlacedRule[] = [];
  const separates = (a: string | undefined, b: string | undefined): boolean =>
    a !== undefined && b !== undefined && a !== b && a !== '.' && b !== '.' && !boxed.has(a) && !boxed.has(b);
  const columnLeft = (c: number): number => geometry.left + c * (geometry.columnWidth + geometry.gutter);
  page.areas.forEach((band, r) => {
    for (let c = 0; c + 1 < band.length; c++) {
      if (!separates(band[c], band[c + 1])) continue;
      const x = columnLeft(c + 1) - geometry.gutter / 2;
      const y1 = bandTops[r] + (r > 0 && page.areas[r - 1][c] !== band[c] ? geometry.pitch / 2 : 0);
      rules.push({ kind: 'rule', article: PAGE, x1: x, y1, x2: x, y2: bandBottoms[r], width });
    }
  });
  const bandHeads = new Set(page.articles.filter((a) => a.kind === 'band-head').map((a) => a.id));
  for (let r = 0; r + 1 < page.areas.length; r++) {
    const y = bandTops[r + 1] + geometry.pitch / 2;
    for (let c = 0; c < page.columns; c++) {
      if (!separates(page.areas[r][c], page.areas[r + 1][c]) || bandHeads.has(page.areas[r][c])) continue;
      const x1 = columnLeft(c) - (c > 0 ? geometry.gutter / 2 : 0);
      const x2 = columnLeft(c) + geometry.columnWidth + (c + 1 < page.columns ? geometry.gutter / 2 : 0);
      rules.push({ kind: 'rule', article: PAGE, x1, y1: y, x2, y2: y, width });
    }
  }
  return mergeHorizontal(rules);
}

/** Join horizontal segments that touch end to end into one rule. */
function mergeHorizontal(rules: PlacedRule[]): PlacedRule[] {
  const out: PlacedRule[] = [];
  for (const rule of rules) {
    const last = out[out.length - 1];
    if (last && rule.y1 === rule.y2 && last.y1 === last.y2 && last.y1 === rule.y1 && Math.abs(last.x2 - rule.x1) < 0.01) {
      out[out.length - 1] = { ...last, x2: rule.x2 };
    } else {
      out.push(rule);
    }
  }
  return out;
}
