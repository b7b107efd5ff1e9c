/**
 * Where things are drawn: every element inside its article's area, every area inside the type
 * area (版心), the running head on the page, and no two elements of different blocks over each
 * other (text over a photo, a photo over another story, a head over the running head).
 */
import { PAGE, type ArticleLayout, type MarkOrigin, type PlacedRule, type Rect } from '../compose/index.js';
import { PT_PER_MM, SAFE_MARGIN_MM } from '../model/index.js';
import { finding } from './finding.js';
import { SAME_POSITION_PT } from './lines.js';
import type { Finding } from './types.js';
import { quote, type EditionView, type PageView } from './view.js';

/** Something drawn, as a rectangle, with what it belongs to. */
interface Mark {
  readonly article: string;
  /** The block (or added text, or the article's rules) it belongs to: marks of one never collide. */
  readonly owner: string;
  readonly origin?: MarkOrigin;
  readonly rect: Rect;
  /** For messages: `the photo “…” of article "a"`, `a column or header rule` (made only for a finding). */
  readonly what: () => string;
}

const whose = (article: string): string => (article === PAGE ? 'of the page furniture (running head or masthead)' : `of article "${article}"`);

function ownerOf(article: string, origin: MarkOrigin | 'rules'): string {
  if (origin === 'rules') return `${article}|rules`;
  switch (origin.kind) {
    case 'block':
    case 'marker':
      // A list item's numeral belongs with its text.
      return `${article}|${origin.index}`;
    case 'header':
      return `${article}|header|${origin.field}`;
    case 'masthead':
      return `${article}|masthead|${origin.line}`;
    default:
      return `${article}|${origin.kind}`;
  }
}

/** A rule's stroke as a rectangle; `stroke: false` gives its centre line (no thickness). */
function ruleRect(rule: PlacedRule, stroke: boolean): Rect {
  const half = stroke ? rule.width / 2 : 0;
  const x = Math.min(rule.x1, rule.x2);
  const y = Math.min(rule.y1, rule.y2);
  const horizontal = rule.y1 === rule.y2;
  return horizontal
    ? { x, y: y - half, width: Math.abs(rule.x2 - rule.x1), height: 2 * half }
    : { x: x - half, y, width: 2 * half, height: Math.abs(rule.y2 - rule.y1) };
}

function marksOf(page: PageView): Mark[] {
  const marks: Mark[] = [];
  for (const e of page.page.elements) {
    if (e.kind !== 'image') continue;
    marks.push({ article: e.tag.article, owner: ownerOf(e.tag.article, e.origin), origin: e.origin, rect: e, what: () => `the photo ${e.alt ? quote(e.alt) : e.src} ${whose(e.tag.article)}` });
  }
  // An indexed loop: every line of an edition passes here, mostly before V8 optimises this.
  for (let lineIndex = 0; lineIndex < page.lines.length; lineIndex++) {
    const line = page.lines[lineIndex];
    const ink = line.ink;
    if (!ink) continue;
    const { tag, origin } = line.placed;
    marks.push({ article: tag.article, owner: ownerOf(tag.article, origin), origin, rect: ink, what: () => `the line ${quote(line.text)} ${whose(tag.article)}` });
  }
  for (const rule of page.page.rules) marks.push({ article: rule.article, owner: ownerOf(rule.article, 'rules'), rect: ruleRect(rule, true), what: () => ruleName(rule) });
  return marks;
}

function ruleName(rule: PlacedRule): string {
  return rule.article === PAGE ? 'a column or header rule' : `a box or table rule of article "${rule.article}"`;
}

/** Is `inner` inside `outer`, give or take SAME_POSITION_PT? */
function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x - SAME_POSITION_PT &&
    inner.y >= outer.y - SAME_POSITION_PT &&
    inner.x + inner.width <= outer.x + outer.width + SAME_POSITION_PT &&
    inner.y + inner.height <= outer.y + outer.height + SAME_POSITION_PT
  );
}

/** The rectangle two rectangles share, if they share more than a hairline in both directions. */
function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > SAME_POSITION_PT && height > SAME_POSITION_PT ? { x, y, width, height } : null;
}

const describe = (r: Rect): string => `${r.x.toFixed(1)}, ${r.y.toFixed(1)} (${r.width.toFixed(1)} × ${r.height.toFixed(1)} pt)`;

export function auditGeometry(view: EditionView): Finding[] {
  const findings: Finding[] = [];
  for (const page of view.pages) {
    const areas = new Map<string, ArticleLayout>(page.page.articles.map((a) => [a.id, a]));
    // Page furniture keeps the print shop's safe margin inside the trim, not just the sheet.
    const safe = SAFE_MARGIN_MM * PT_PER_MM;
    const sheet: Rect = { x: safe, y: safe, width: page.page.width - 2 * safe, height: page.page.height - 2 * safe };
    for (const area of page.page.articles) {
      if (!inside(area, page.page.typeArea)) {
        findings.push(finding(view, page, 'outside-type-area', 'error', { article: area.id, at: area }, `the area of article "${area.id}" at ${describe(area)} lies outside the type area (版心)`, 'check its columns and bands in `areas` and `rows`'));
      }
    }
    const marks = marksOf(page);
    // Each element inside its article's area (centre lines for rules: a box's border straddles its edge).
    const reported = new Set<string>();
    const outside = (mark: Mark, rect: Rect): void => {
      if (mark.article === PAGE) {
        if (!inside(rect, sheet)) findings.push(finding(view, page, 'off-page', 'error', { article: PAGE, origin: mark.origin, at: rect }, `${mark.what()} runs off the page or within ${SAFE_MARGIN_MM} mm of its edge`, 'shorten the page header fields (paper, section, date) or use a wider page'));
        return;
      }
      const area = areas.get(mark.article);
      if (!area || inside(rect, area) || reported.has(mark.owner)) return;
      reported.add(mark.owner);
      findings.push(
        finding(view, page, 'outside-area', 'error', { article: mark.article, origin: mark.origin, at: rect }, `${mark.what()} at ${describe(rect)} lies outside its area ${describe(area)}`, 'give the article more room in `areas`/`rows`, or make its photo smaller ({cols=N})'),
      );
    };
    for (let m = 0; m < marks.length; m++) {
      const mark = marks[m];
      if (!mark.owner.endsWith('|rules')) outside(mark, mark.rect);
    }
    for (const rule of page.page.rules) {
      const centre = ruleRect(rule, false);
      outside({ article: rule.article, owner: ownerOf(rule.article, 'rules'), rect: centre, what: () => ruleName(rule) }, centre);
    }
    findings.push(...overlaps(view, page, marks));
  }
  return findings;
}

/** Pairs of marks of different owners that overlap, one finding per pair of owners. */
function overlaps(view: EditionView, page: PageView, marks: readonly Mark[]): Finding[] {
  const sorted = [...marks].sort((a, b) => a.rect.y - b.rect.y);
  // Each mark's edges worked out once, not at every pair: a page's lines meet a dozen others
  // each on the way down, mostly before V8 optimises this.
  const count = sorted.length;
  const left = new Float64Array(count);
  const right = new Float64Array(count);
  const bottom = new Float64Array(count);
  for (let m = 0; m < count; m++) {
    const { rect } = sorted[m];
    left[m] = rect.x;
    right[m] = rect.x + rect.width;
    bottom[m] = rect.y + rect.height;
  }
  const pairs = new Map<string, { a: Mark; b: Mark; at: Rect; count: number }>();
  const active: number[] = [];
  for (let m = 0; m < count; m++) {
    const mark = sorted[m];
    // Sweep down the page: keep only marks whose bottom is below this one's top (in place, in order).
    const top = mark.rect.y + SAME_POSITION_PT;
    let kept = 0;
    for (let a = 0; a < active.length; a++) if (bottom[active[a]] > top) active[kept++] = active[a];
    active.length = kept;
    for (let a = 0; a < active.length; a++) {
      const o = active[a];
      const other = sorted[o];
      if (other.owner === mark.owner) continue;
      // Side by side (another column): no overlap, nothing to work out.
      if (Math.min(right[o], right[m]) - Math.max(left[o], left[m]) <= SAME_POSITION_PT) continue;
      const shared = intersection(other.rect, mark.rect);
      if (!shared) continue;
      const key = [other.owner, mark.owner].sort().join(' / ');
      const pair = pairs.get(key);
      if (pair) pair.count++;
      else pairs.set(key, { a: other, b: mark, at: shared, count: 1 });
    }
    active.push(m);
  }
  return [...pairs.values()].map(({ a, b, at, count }) => {
    const more = count > 1 ? ` (${count} places)` : '';
    return finding(
      view,
      page,
      'overlap',
      'error',
      { article: b.article, origin: b.origin, at },
      `${b.what()} is drawn over ${a.what()} at ${describe(at)}${more}`,
      a.article === PAGE && b.article === PAGE
        ? 'the running head\'s fields do not fit side by side over this grid: give the page more columns, or shorten the section name'
        : 'the two must not share a place: give the articles more room in `areas`/`rows`, or make the photo smaller ({cols=N})',
    );
  });
}
