/**
 * Property: a generated edition either stops with a content error naming its page file and
 * line, or it is set with nothing drawn over anything else, nothing outside its area and no
 * character lost. The only errors its audit may find are the copy's own (overset: more text
 * than its area holds), each with file:line and the characters to cut; every other finding
 * (overlap, outside-area, off-page, lost-text…) is the page builder's fault. A build writes
 * files exactly when its audit finds no error (tests/cli).
 *
 * `BANMIAN_FUZZ=N` runs N editions from seed 1 (or BANMIAN_FUZZ_FROM) and prints what was found
 * (`npm run fuzz`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingCode } from '../../src/check/index.js';
import { loadFontBook, type FontBook } from '../../src/fonts/index.js';
import { checkOrRefused } from '../helpers/check-generated.js';
import { generatedEdition } from '../helpers/generate.js';

/** Editions in the suite: a few hundred, each set and audited from the layout model. */
const SUITE_CASES = 200;
/** Of those, the first few also make the PDF and read its text back. */
const PDF_CASES = 6;
/**
 * Seeds `npm run fuzz` once found failing, kept in the suite: a jumping part whose head left no
 * line for its jump line (414, 931, 1750 — the page builder crashed), and a jump line set over
 * the caption of a photo at the foot of the last column (638, 1126, 1345, 1619, 1987); a
 * paragraph opening 水 + a URL in a ten-character box column, set as 水 alone on a line that
 * could not be flush (4448); a brief's bold run-in head ending in 《, broken at the space after
 * it (2852); a table's title left alone at the foot of a part that jumps, and set again over
 * the table on the next page (7944).
 */
const REGRESSION_SEEDS = [414, 638, 931, 1126, 1345, 1619, 1750, 1987, 2852, 4448, 7944];
const cases = Number(process.env.BANMIAN_FUZZ ?? SUITE_CASES);
/** First seed (BANMIAN_FUZZ_FROM, default 1): `npm run fuzz` can go on where an earlier run stopped. */
const from = Number(process.env.BANMIAN_FUZZ_FROM ?? 1);
const SEEDS = [...Array.from({ length: cases }, (_, i) => from + i), ...(process.env.BANMIAN_FUZZ === undefined ? REGRESSION_SEEDS : [])];

/** Findings that only the copy can cause: everything else is the page builder's to prevent. */
const COPY_FAULTS: ReadonlySet<FindingCode> = new Set<FindingCode>(['overset', 'underfill', 'low-resolution']);

let fonts: FontBook;
const tally = { built: 0, refused: 0, overset: 0, faulty: 0, faults: new Map<string, number>() };

beforeAll(() => {
  fonts = loadFontBook();
});

afterAll(() => {
  if (process.env.BANMIAN_FUZZ === undefined) return;
  const faults = [...tally.faults].map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  console.log(`${SEEDS.length} generated editions: ${tally.built} set whole, ${tally.overset} overset (copy too long), ${tally.refused} refused with file:line; ${tally.faulty} with page-builder faults (${faults})`);
});

describe('generated editions', () => {
  it.each(SEEDS)('seed %i: refused with file:line, or set with nothing lost, outside or overprinted', async (seed) => {
    // Let the worker's event loop turn between editions (each is set synchronously): otherwise a
    // run of thousands answers none of vitest's RPC calls until its end, and they time out.
    await new Promise((resolve) => setImmediate(resolve));
    const report = await checkOrRefused(generatedEdition(seed), fonts, { pdf: seed <= PDF_CASES }, 'banmian-generated-');
    if (!report) {
      tally.refused++;
      return;
    }
    const faults = report.findings.filter((f) => !COPY_FAULTS.has(f.code));
    for (const f of faults) tally.faults.set(f.code, (tally.faults.get(f.code) ?? 0) + 1);
    if (faults.length > 0) tally.faulty++;
    if (report.findings.some((f) => f.code === 'overset')) tally.overset++;
    else tally.built++;
    expect(faults.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
    for (const f of report.findings) {
      expect(f.source.file).toMatch(/\d\.md$/);
      expect(f.source.line).toBeGreaterThan(0);
      expect(f.hint.length).toBeGreaterThan(0);
    }
    if (report.errors === 0) expect(report.figures.placedChars).toBe(report.figures.sourceChars);
  });
});
