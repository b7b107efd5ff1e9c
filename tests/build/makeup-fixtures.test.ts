/**
 * Page make-up with real copy (tests/fixtures): a tabloid lead with a portrait photo that jumps,
 * a jumping lead sharing its page with a band that does not jump, headlines by rank, and the
 * tight pages — a photo in a fixed 15% band, a photo on a shallow wide page, a side article
 * beside two bands, a front-page photo five columns wide, a URL, a long number and an acronym
 * chain in a one-column article under a Latin headline; a band head (通栏标题) over two stories,
 * one with its photo above its headline (压题照片). Each is set and audited, its PDF read
 * back: nothing outside its area, nothing drawn over anything else, every character placed.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/index.js';
import type { ComposedPage, PlacedElement } from '../../src/compose/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { checkEditionDir, typesetEdition } from '../../src/pipeline.js';
import { ROOT } from '../helpers/tools.js';

const FIXTURES = join(ROOT, 'tests/fixtures');
const EDITIONS = ['tabloid-jump', 'jump-shares-page', 'briefs-by-rank', 'tight-pages', 'band-heads'] as const;

let fonts: FontBook;
const reports = new Map<string, CheckReport>();

beforeAll(async () => {
  fonts = loadFontBook();
  for (const name of EDITIONS) reports.set(name, await checkEditionDir(join(FIXTURES, name), { sourceDateEpoch: 0 }, fonts));
});

const pagesOf = (name: string): readonly ComposedPage[] => typesetEdition(join(FIXTURES, name), fonts).composed;
const ofArticle = (page: ComposedPage, id: string): PlacedElement[] => page.elements.filter((e) => e.tag.article === id);
const bottomOf = (e: PlacedElement): number => (e.kind === 'image' ? e.y + e.height : e.baseline);

describe.each(EDITIONS)('%s', (name) => {
  it('passes the audit: no error, every character placed, the PDF reads back as set', () => {
    const report = reports.get(name)!;
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    expect(report.figures.placedChars).toBe(report.figures.sourceChars);
    expect(report.figures.pdfArticlesMatching).toBe(report.figures.pdfArticles);
    // Only blank space is left to the editor: no other kind of warning.
    expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(report.findings.length > 0 ? ['underfill'] : []));
  });
});

describe('make-up decisions', () => {
  it('a band head spans its stories with no rule between them; a rule still closes the band below', () => {
    const [page] = pagesOf('band-heads');
    const area = (id: string) => page.articles.find((a) => a.id === id)!;
    const head = area('focus');
    const horizontal = page.rules.filter((r) => r.y1 === r.y2 && r.article === '#page').map((r) => r.y1);
    expect(horizontal.filter((y) => y >= head.y + head.height && y <= area('ship').y)).toEqual([]);
    expect(horizontal.filter((y) => y >= area('ship').y + area('ship').height && y <= area('wuxi').y)).not.toEqual([]);
    // The head is set across the whole page width, centred over the stories.
    const h1 = ofArticle(page, 'focus').filter((e) => e.kind === 'line' && e.tag.role === 'H1');
    expect(h1.length).toBeGreaterThan(0);
    expect(head.width).toBeCloseTo(page.typeArea.width, 1);
  });

  it('a photo above the headline stands first in its area, its caption under it, then the headline block', () => {
    const [page] = pagesOf('band-heads');
    const area = page.articles.find((a) => a.id === 'ship')!;
    const marks = ofArticle(page, 'ship');
    expect(marks[0].kind).toBe('image');
    const image = marks[0];
    if (image.kind !== 'image') return;
    expect(image.y).toBeCloseTo(area.y, 1);
    expect(image.width).toBeGreaterThan(area.width * 0.95);
    const caption = marks.filter((e) => e.kind === 'line' && e.tag.role === 'Caption');
    const headline = marks.filter((e) => e.kind === 'line' && e.tag.role === 'H1');
    expect(caption.length).toBeGreaterThan(0);
    for (const line of caption) expect(bottomOf(line)).toBeGreaterThan(image.y + image.height);
    for (const h of headline) expect(bottomOf(h)).toBeGreaterThan(Math.max(...caption.map(bottomOf)));
  });

  it('tabloid: the portrait photo stays inside the lead’s area, under its headline, and the lead goes on on page 2', () => {
    const [one, two] = pagesOf('tabloid-jump');
    const area = one.articles.find((a) => a.id === 'lead')!;
    const image = ofArticle(one, 'lead').find((e) => e.kind === 'image')!;
    expect(image.kind).toBe('image');
    if (image.kind !== 'image') return;
    expect(image.y + image.height).toBeLessThanOrEqual(area.y + area.height);
    const headline = ofArticle(one, 'lead').filter((e) => e.kind === 'line' && e.tag.role === 'H1');
    for (const h of headline) expect(bottomOf(h)).toBeLessThan(image.y);
    expect(ofArticle(two, 'lead').some((e) => e.kind === 'line' && e.origin.kind === 'jump-in')).toBe(true);
  });

  it('a jumping lead takes what the band below leaves: the region band gets the lines it needs, no more', () => {
    const [one] = pagesOf('jump-shares-page');
    const region = one.articles.find((a) => a.id === 'region')!;
    const lead = one.articles.find((a) => a.id === 'lead')!;
    // The region's area is as deep as its text (and the line of space above it), a line or two at most to spare.
    expect(region.moduleLines - region.usedLines).toBeLessThanOrEqual(2);
    expect(lead.moduleLines + region.moduleLines + 1).toBe(one.grid.lines);
    expect(one.overset).toEqual([]);
  });

  it('briefs of rank 4 get one headline size whatever their module’s width, smaller than the rank 2 story’s', () => {
    const [page] = pagesOf('briefs-by-rank');
    const headSize = (id: string): number => {
      const line = ofArticle(page, id).find((e) => e.kind === 'line' && e.tag.role === 'H1');
      if (line?.kind !== 'line') throw new Error(`no headline in ${id}`);
      for (const item of line.items) if (item.kind === 'box' && item.run) return item.run.size;
      throw new Error(`no glyphs in the headline of ${id}`);
    };
    const briefs = ['b1', 'b2', 'b3', 'b4'].map(headSize);
    expect(new Set(briefs).size).toBe(1);
    expect(briefs[0]).toBeLessThan(headSize('two'));
    expect(headSize('two')).toBeLessThan(headSize('lead'));
  });

  it('tight pages: a photo in a fixed 15% band is cropped to the band, its caption inside it', () => {
    const [one] = pagesOf('tight-pages');
    const area = one.articles.find((a) => a.id === 'a1')!;
    for (const e of ofArticle(one, 'a1')) expect(bottomOf(e)).toBeLessThanOrEqual(area.y + area.height + 1e-6);
    const image = ofArticle(one, 'a1').find((e) => e.kind === 'image');
    expect(image?.kind === 'image' && image.crop).toBe(true);
    expect(ofArticle(one, 'a1').some((e) => e.kind === 'line' && e.tag.role === 'Caption')).toBe(true);
  });
});
