/**
 * Lists, the 导读 box, briefs and notes (tests/fixtures/lists-notes): a front-page-like tabloid
 * page with an index box whose page references end at the column edge after a dot leader, a
 * block of six briefs with sans-bold run-in heads, and a story with a numbered and a bulleted
 * list, a photo whose caption opens in bold, and two notes set small after its text. Set,
 * audited, its PDF read back, its EPUB checked.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/index.js';
import type { ComposedPage, PlacedLine } from '../../src/compose/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { typesetEdition } from '../../src/pipeline.js';
import { placeBoxes } from '../../src/render/index.js';
import { checkReports } from '../helpers/check-json.js';
import { epubcheckVerdict, LISTS_NOTES, sharedBuild } from '../helpers/runs.js';
import { ROOT, run } from '../helpers/tools.js';

const DIR = join(ROOT, LISTS_NOTES);

let report: CheckReport;
let page: ComposedPage;
let text: string;
let out: string;

beforeAll(async () => {
  // The audit is the run's shared `banmian check --json`; the page is set here once to look at its lines.
  report = (await checkReports()).get('lists-notes')!;
  [page] = typesetEdition(DIR, loadFontBook()).composed;
  const r = await sharedBuild('listsNotes');
  expect(r.status, r.stderr).toBe(0);
  out = r.out;
  text = run('pdftotext', ['-raw', join(out, 'lists-notes.pdf'), '-']).stdout;
});

const lines = (article: string): PlacedLine[] => page.elements.filter((e): e is PlacedLine => e.kind === 'line' && e.tag.article === article);
const lineText = (l: PlacedLine): string => placeBoxes(l).map((b) => b.item.run?.glyphs.map((g) => g.text).join('') ?? '').join('');
const leaderOf = (l: PlacedLine): boolean => l.items.slice(l.line.start, l.line.end).some((i) => i.kind === 'glue' && i.glue === 'leader');

describe('lists, the 导读 box, briefs and notes', () => {
  it('passes the audit: no error, every character placed, the PDF reads back as set', () => {
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    expect(report.figures.placedChars).toBe(report.figures.sourceChars);
    expect(report.figures.pdfArticlesMatching).toBe(report.figures.pdfArticles);
    expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(['underfill']));
  });

  it('the 导读 box: each item’s page reference ends flush at its column’s right edge, after a leader, on the item’s last line', () => {
    const withLeader = lines('daodu').filter(leaderOf);
    expect(withLeader.map((l) => lineText(l).match(/(第?\s*\d+\s*版)$/)?.[1])).toEqual(['第2版', '第3版', '第5版', '12版', '第8版', '第9版']);
    for (const l of withLeader) {
      const boxes = placeBoxes(l);
      const last = boxes[boxes.length - 1];
      expect(last.x + last.item.width).toBeCloseTo(l.x + l.measure, 2);
      expect(l.last).toBe(true);
    }
    for (const ref of ['第2版', '第3版', '第5版', '12版', '第8版', '第9版']) expect(text.replace(/ /g, '')).toContain(ref);
  });

  it('the 导读 box reads down one column across its module: each item on one line, none wrapped', () => {
    const layout = page.articles.find((a) => a.id === 'daodu')!;
    expect(layout.columns).toBe(1);
    expect(lines('daodu').filter((l) => l.tag.role !== 'H1' && !leaderOf(l))).toEqual([]);
  });

  it('the briefs: each opens with its head in the sans bold face, a line of space between two briefs', () => {
    const heads = ['地铁新线试运行', '老旧小区改造过半', '图书馆延长开放', '冬季供暖启动', '菜价总体平稳', '全民健身场地开放'];
    for (const head of heads) expect(text).toContain(head);
    const first = lines('kuaixun').filter((l) => l.tag.role === 'P' && lineText(l).startsWith('地铁'))[0];
    const headRuns = placeBoxes(first).map((b) => b.item.run).filter((r) => r !== undefined && r.style === 'strong');
    expect(new Set(headRuns.map((r) => r!.face))).toEqual(new Set(['hei-bold']));
    // Within a column, the first line of a brief is two grid lines below the last of the one before.
    const body = lines('kuaixun').filter((l) => l.onGrid);
    const starts = body.filter((l, i) => i > 0 && l.origin.kind === 'block' && body[i - 1].origin.kind === 'block' && l.origin.index !== (body[i - 1].origin as { index: number }).index && l.x === body[i - 1].x);
    expect(starts.length).toBeGreaterThan(2);
    for (const l of starts) expect(l.baseline - body[body.indexOf(l) - 1].baseline).toBeCloseTo(2 * page.grid.pitch, 6);
  });

  it('the lists hang their numerals and bullets; the notes follow the text, numbered, in order', () => {
    const marks = lines('story').filter((l) => l.origin.kind === 'marker').map(lineText);
    expect(marks).toEqual(['①', '②', '③', '●', '●', '●', '1.', '2.']);
    const flat = text.replace(/\s+/g, '');
    expect(flat.indexOf('1.议事会由居民代表')).toBeGreaterThan(flat.indexOf('让基层治理更有温度'));
    expect(flat.indexOf('2.数据截至今年十月底')).toBeGreaterThan(flat.indexOf('1.议事会由居民代表'));
  });

  it('a note marker is a raised numeral, smaller than its text', () => {
    const body = lines('story').find((l) => placeBoxes(l).some((b) => b.item.run?.style === 'superscript'))!;
    expect(lineText(body)).toMatch(/度1，/);
    const runs = placeBoxes(body).map((b) => b.item.run!).filter((r) => r !== undefined);
    const sup = runs.find((r) => r.style === 'superscript')!;
    expect(sup.size).toBeLessThan(runs[0].size);
    expect(sup.rise).toBeGreaterThan(0);
  });

  it('a caption’s bold lead-in is set in the bold face', () => {
    const caption = lines('story').find((l) => l.tag.role === 'Caption')!;
    expect(placeBoxes(caption).find((b) => b.item.run?.style === 'strong')?.item.run?.face).toBe('hei-bold');
  });

  it('gives an EPUB that EPUBCheck accepts, with real lists and notes', async () => {
    const r = await epubcheckVerdict(join(out, 'lists-notes.epub'));
    expect(r.output).toContain('No errors or warnings detected');
    expect(r.status).toBe(0);
    const story = run('unzip', ['-p', join(out, 'lists-notes.epub'), 'EPUB/p1-story.xhtml']).stdout;
    expect(story).toContain('<ol>');
    expect(story).toMatch(/<sup><a epub:type="noteref" role="doc-noteref" href="#note-1">1<\/a><\/sup>/);
    expect(story).toMatch(/<aside epub:type="footnote" role="doc-footnote" id="note-2"/);
    const daodu = run('unzip', ['-p', join(out, 'lists-notes.epub'), 'EPUB/p1-daodu.xhtml']).stdout;
    expect(daodu).toContain('<ul class="index">');
    expect(daodu).toContain('<span class="ref">12版</span>');
  });
});
