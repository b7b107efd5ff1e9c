/**
 * `areas: auto` with real copy: an inside broadsheet page of eight articles, a tabloid, a front
 * page with its masthead and ears, and the sample and the jump edition laid out by the page
 * builder instead of by hand. Each is set and audited, its PDF read back: every area at least
 * 97% full, nothing overset, nothing lost, the lead on top and widest, no two equal heads side
 * by side; the same input gives the same page; `banmian propose` prints front matter that,
 * pasted in, sets the same page.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/index.js';
import type { ComposedPage } from '../../src/compose/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { BLANK_SHARE } from '../../src/model/index.js';
import { checkEditionDir, typesetEdition, type Typeset } from '../../src/pipeline.js';
import { expectWhole } from '../helpers/check-json.js';
import { epubcheckVerdict, sharedBuild } from '../helpers/runs.js';
import { banmian, ROOT } from '../helpers/tools.js';

const FIXTURES = join(ROOT, 'tests/fixtures');
/** The sample edition with `areas: auto` for its drawn areas. */
function autoSample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-auto-sample-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  const page = join(dir, '11.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace(/areas:\n(?: {2}- .*\n)+rows: .*\n/, 'areas: auto\n'));
  return dir;
}

/**
 * The jump edition with `areas: auto` on both pages: its stories ranked (the drawn pages leave
 * every story a lead), page 2 keeping its advertisement band and naming the continuation.
 */
function autoJump(): string {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-auto-jump-'));
  cpSync(join(FIXTURES, 'jump-edition'), dir, { recursive: true });
  const first = join(dir, '1.md');
  writeFileSync(first, readFileSync(first, 'utf8').replace(/areas:\n(?: {2}- .*\n)+rows: .*\n/, 'areas: auto\n').replace('::: article hlbr\n', '::: article hlbr rank=2\n').replace('::: article other\n', '::: article other rank=3\n'));
  const second = join(dir, '2.md');
  writeFileSync(second, readFileSync(second, 'utf8').replace(/areas:\n(?: {2}- .*\n)+rows: .*\n/, 'areas: auto\ntemplate:\n  areas:\n    - "* * * * * *"\n    - ". . . . . ."\nrows: [auto, "34%"]\ncontinued: [long]\n'));
  return dir;
}

const EDITIONS = {
  'auto-inside': () => join(FIXTURES, 'auto-inside'),
  'auto-tabloid': () => join(FIXTURES, 'auto-tabloid'),
  'auto-front': () => join(FIXTURES, 'auto-front'),
  sample: autoSample,
  jump: autoJump,
} as const;
type Name = keyof typeof EDITIONS;
const NAMES = Object.keys(EDITIONS) as Name[];

let fonts: FontBook;
const dirs = new Map<Name, string>();
const reports = new Map<Name, CheckReport>();
const typesets = new Map<Name, Typeset>();
const pages = new Map<Name, readonly ComposedPage[]>();

beforeAll(async () => {
  fonts = loadFontBook();
  for (const name of NAMES) {
    const dir = EDITIONS[name]();
    dirs.set(name, dir);
    reports.set(name, await checkEditionDir(dir, { sourceDateEpoch: 0 }, fonts));
    const set = typesetEdition(dir, fonts);
    typesets.set(name, set);
    pages.set(name, set.composed);
  }
});

describe.each(NAMES)('%s with areas: auto', (name) => {
  it('passes the audit with nothing to warn of: every character placed, flush, on the grid, read back', () => {
    const report = reports.get(name)!;
    expectWhole(report);
    expect(report.findings.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  });

  it('fills every area to the house limit and sets every article whole or jumping', () => {
    for (const page of pages.get(name)!) {
      expect(page.overset).toEqual([]);
      for (const a of page.articles) expect(a.fill, `${a.id} on page ${page.number}`).toBeGreaterThanOrEqual(1 - BLANK_SHARE);
    }
  });

  it('puts the lead at the top-left, no module wider, and reports what it weighed', () => {
    const set = typesets.get(name)!;
    set.composed.forEach((page, i) => {
      const makeup = page.makeup!;
      expect(makeup.tried).toBeGreaterThan(0);
      expect(Object.keys(makeup.variants).sort()).toEqual(makeup.modules.map((m) => m.id).sort());
      // The page's lead: its first own article in rank order (the proposer reads them so).
      const own = new Set(set.itemized.pages[i].articles.map((a) => a.id));
      const lead = makeup.modules.find((m) => own.has(m.id))!;
      expect(makeup.areas[0][0]).toBe(lead.id);
      for (const m of makeup.modules) expect(m.columns).toBeLessThanOrEqual(lead.columns);
      // Each band of the proposal covers the page's width, and the bands its depth.
      for (const band of makeup.areas) expect(band.length).toBe(makeup.areas[0].length);
      expect(makeup.heights.reduce((a, b) => a + b, 0)).toBe(page.grid.lines);
    });
  });

  it('never sets two heads of one rank side by side at one height (碰题)', () => {
    const set = typesets.get(name)!;
    set.composed.forEach((page, i) => {
      const ranks = new Map(page.makeup!.modules.map((m) => [m.id, m.rank]));
      // What the proposal reports side by side is of different ranks.
      for (const [a, b] of page.makeup!.beside) expect(ranks.get(a), `${a} | ${b}`).not.toBe(ranks.get(b));
      // A box, a photo above the head or a continuation's short head may stand beside any head.
      const apart = new Set(set.itemized.pages[i].articles.filter((a) => a.box || a.blocks.some((b) => b.kind === 'figure' && b.figure.place === 'above')).map((a) => a.id));
      for (const o of page.outline) if (o.title.endsWith('（续）')) apart.add(o.article);
      const heads = page.articles.filter((a) => ranks.has(a.id) && !apart.has(a.id));
      for (const a of heads) {
        for (const b of heads) {
          const meet = a !== b && Math.abs(a.y - b.y) < 1e-6 && b.x > a.x + a.width - 1e-6 && b.x - (a.x + a.width) < page.grid.pitch * 3;
          if (meet) expect(ranks.get(a.id), `${a.id} beside ${b.id}`).not.toBe(ranks.get(b.id));
        }
      }
    });
  });
});

describe('areas: auto, compared and repeated', () => {
  it('sets the sample as full as the drawn page, and the jump edition\'s continuation on page 2', () => {
    const drawn = typesetEdition(join(ROOT, 'content'), fonts).composed[0];
    const auto = pages.get('sample')![0];
    const least = (p: ComposedPage): number => Math.min(...p.articles.map((a) => a.fill));
    expect(least(auto)).toBeGreaterThanOrEqual(1 - BLANK_SHARE);
    expect(least(drawn)).toBeGreaterThanOrEqual(1 - BLANK_SHARE);
    expect(reports.get('sample')!.figures.placedChars).toBe(reports.get('sample')!.figures.sourceChars);
    const [one, two] = pages.get('jump')!;
    expect(one.articles.map((a) => a.id)).toContain('long');
    expect(two.articles.map((a) => a.id)).toContain('long');
    // The advertisement band stays empty: the page's modules end above it.
    const foot = Math.max(...two.articles.map((a) => a.y + a.height));
    expect(foot).toBeLessThan(two.typeArea.y + two.typeArea.height * 0.7);
  });

  it('follows the template: lead: left sets the sample\'s lead down the left side, full depth, as drawn by hand', () => {
    const dir = autoSample();
    const file = join(dir, '11.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('areas: auto\n', 'areas: auto\ntemplate:\n  lead: left\n'));
    const page = typesetEdition(dir, fonts).composed[0];
    const areas = page.makeup!.areas;
    expect(areas.every((band) => band[0] === 'lead')).toBe(true);
    const lead = page.articles.find((a) => a.id === 'lead')!;
    expect(lead.moduleLines).toBe(page.grid.lines);
    for (const a of page.articles) expect(a.fill).toBeGreaterThanOrEqual(1 - BLANK_SHARE);
  });

  it('builds from the command line with nothing to warn of, and gives EPUBs that EPUBCheck accepts', async () => {
    const r = await sharedBuild('auto');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/0 error\(s\), 0 warning\(s\)/g)).toHaveLength(3);
    for (const slug of ['auto-inside', 'auto-tabloid', 'auto-front']) {
      const verdict = await epubcheckVerdict(join(r.out, `${slug}.epub`));
      expect(verdict.output, slug).toContain('No errors or warnings detected');
    }
  });

  it('gives the same page for the same input', () => {
    for (const name of NAMES) {
      const again = typesetEdition(dirs.get(name)!, fonts).composed;
      expect(again.map((p) => JSON.stringify(p.makeup))).toEqual(pages.get(name)!.map((p) => JSON.stringify(p.makeup)));
    }
  });

  it('banmian propose prints areas and rows that, pasted in for areas: auto, set the same page', () => {
    const r = banmian(['propose', join(FIXTURES, 'auto-tabloid')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# .*5\.md \(page 5\): ketang \d+×\d+/);
    expect(r.stdout).toMatch(/# score -?[\d.]+, [\d,]+ layouts weighed in \d+ search\(es\); least-filled area \d+\.\d% full/);
    const front = parseYaml(r.stdout) as { areas: string[]; rows: unknown[] };
    expect(front.areas.length).toBe(front.rows.length);
    const dir = mkdtempSync(join(tmpdir(), 'banmian-pasted-'));
    cpSync(join(FIXTURES, 'auto-tabloid'), dir, { recursive: true });
    const file = join(dir, '5.md');
    const yaml = r.stdout.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace('areas: auto\n', yaml));
    const pasted = typesetEdition(dir, fonts).composed[0];
    const auto = pages.get('auto-tabloid')![0];
    const modules = (p: ComposedPage): string[] => p.articles.map((a) => `${a.id} ${a.x.toFixed(2)} ${a.y.toFixed(2)} ${a.width.toFixed(2)} ${a.height.toFixed(2)} ${a.fill.toFixed(3)}`).sort();
    expect(modules(pasted)).toEqual(modules(auto));
    expect(pasted.makeup).toBeUndefined();
  });

  it('banmian propose proposes a drawn page afresh, keeping its jumps and its empty cells', () => {
    const r = banmian(['propose', join(ROOT, 'content')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('areas:');
    const bad = banmian(['propose', join(tmpdir(), 'no-such-edition-folder')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no edition folder');
  });

  it('refuses a kept band without a depth, at the page file, saying what to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-auto-kept-'));
    cpSync(join(FIXTURES, 'auto-tabloid'), dir, { recursive: true });
    const file = join(dir, '5.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('areas: auto\n', 'areas: auto\ntemplate:\n  areas:\n    - "* * * * * *"\n    - ". . . . . ."\nrows: [auto, auto]\n'));
    const r = banmian(['build', dir, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/5\.md:1: page 5: band 2 of the template keeps cells empty but its row is auto/);
    expect(r.stderr).toMatch(/hint: give the kept band a depth in rows/);
  });

  it('says which way to go when the copy cannot fill the page: exit 1, the page file and what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-auto-short-'));
    cpSync(join(FIXTURES, 'auto-tabloid'), dir, { recursive: true });
    const file = join(dir, '5.md');
    // Cut the lead to its head and first paragraph: far too little copy for the page.
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf('::: article ketang');
    const end = text.indexOf(':::', text.indexOf('\n', start + 1) + 1);
    writeFileSync(file, text.slice(0, start) + '::: article ketang rank=1\n\n# 社区课堂开课\n\n社区课堂今天开课。\n' + text.slice(end));
    const r = banmian(['build', dir, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/5\.md:1: page 5 \(areas: auto\): /);
    expect(r.stderr).toMatch(/hint: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
