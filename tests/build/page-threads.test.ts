/**
 * Pages set on more than one thread (`--threads N`): the runs cut only where no jump crosses,
 * and the files, the layout report and a refused build's findings exactly those of a build on
 * one thread.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manyPagesEdition } from '../../src/bench/editions.js';
import type { Edition } from '../../src/model/index.js';
import { splitPages } from '../../src/page-threads.js';
import { pageThreadCount } from '../../src/thread-limits.js';
import { parseEdition } from '../../src/parse/index.js';
import { EPOCH, SAMPLE } from '../helpers/runs.js';
import { banmian } from '../helpers/tools.js';

const tmp = mkdtempSync(join(tmpdir(), 'banmian-page-threads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SIX = manyPagesEdition(SAMPLE, join(tmp, 'six'), 6);
const six = parseEdition(SIX);
const numbers = (runs: readonly Edition[]): number[][] => runs.map((r) => r.pages.map((p) => p.number));

describe('splitPages', () => {
  it('cuts six like pages into runs of even copy', () => {
    expect(numbers(splitPages(six, 2))).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(numbers(splitPages(six, 3))).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(numbers(splitPages(six, 1))).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('never cuts between the pages an article jumps between', () => {
    // Page 4's areas name an article of page 2: it goes on there.
    const pages = six.pages.map((p) => (p.number === 4 ? { ...p, areas: p.areas.map((band, i) => (i === 0 ? band.map(() => six.pages[1].articles[0].id) : band)) } : p));
    expect(numbers(splitPages({ ...six, pages }, 2))).toEqual([[1, 2, 3, 4], [5, 6]]);
    // A jump from the first page to the last: one run.
    const chained = six.pages.map((p) => (p.number === 6 ? { ...p, areas: p.areas.map((band, i) => (i === 0 ? band.map(() => six.pages[0].articles[0].id) : band)) } : p));
    expect(numbers(splitPages({ ...six, pages: chained }, 3))).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('gives each thread at least three pages', () => {
    expect(pageThreadCount(4, 6)).toBe(2);
    expect(pageThreadCount(2, 5)).toBe(1);
    expect(pageThreadCount(1, 40)).toBe(1);
  });
});

function build(dir: string, threads: number, out: string): { status: number; stderr: string; pdf?: Buffer; report: string } {
  const r = banmian(['build', dir, '--out', join(tmp, out), '--format', 'pdf', '--threads', String(threads), '--report', join(tmp, `${out}.json`)], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
  const pdf = r.status === 0 ? readFileSync(join(tmp, out, 'bench-6-pages.pdf')) : undefined;
  return { status: r.status, stderr: r.stderr, ...(pdf ? { pdf } : {}), report: readFileSync(join(tmp, `${out}.json`), 'utf8') };
}

describe('banmian build --threads', () => {
  it('writes the same PDF and layout report on two threads as on one', () => {
    const one = build(SIX, 1, 'one');
    const two = build(SIX, 2, 'two');
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.pdf!.equals(one.pdf!)).toBe(true);
    expect(two.report).toBe(one.report);
    expect(JSON.parse(two.report).pages).toHaveLength(6);
  });

  it('refuses a page of the second run with the findings a build on one thread gives', () => {
    const dir = manyPagesEdition(SAMPLE, join(tmp, 'overset'), 6);
    // Page 5's lead gets far more copy than its area holds.
    const lead = readFileSync(join(SAMPLE, '11.md'), 'utf8').split('\n').filter((l) => /^[^\s:#-].{80,}$/.test(l));
    const page = join(dir, '05.md');
    const text = readFileSync(page, 'utf8');
    const at = text.indexOf('\n:::\n', text.indexOf('::: article lead-5'));
    const body = `${text.slice(0, at)}\n\n${lead.join('\n\n')}\n\n${lead.join('\n\n')}${text.slice(at)}`;
    rmSync(page);
    appendFileSync(page, body);
    const one = build(dir, 1, 'overset-one');
    const two = build(dir, 2, 'overset-two');
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(one.stderr).toMatch(/05\.md:\d+: .*overset/);
    expect(two.stderr.replaceAll('overset-two', 'X')).toBe(one.stderr.replaceAll('overset-one', 'X'));
    expect(two.report).toBe(one.report);
  });
});
