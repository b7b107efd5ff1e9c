/** `banmian check --json` of the run's editions (the shared `check` build), by edition slug. */
import { expect } from 'vitest';
import type { CheckReport } from '../../src/check/index.js';
import { sharedBuild } from './runs.js';

export async function checkReports(): Promise<Map<string, CheckReport>> {
  const r = await sharedBuild('check');
  expect(r.stderr).toBe('');
  const { editions } = JSON.parse(r.stdout) as { editions: CheckReport[] };
  return new Map(editions.map((e) => [e.edition, e]));
}

/** The figures every clean build must show: all placed, flush, on the grid, read back from the PDF. */
export function expectWhole(report: CheckReport): void {
  const f = report.figures;
  expect(report.errors, JSON.stringify(report.findings, null, 2)).toBe(0);
  expect(f.placedChars).toBe(f.sourceChars);
  expect(f.sourceChars).toBeGreaterThan(100);
  expect(f.flushLines).toBe(f.justifiedLines);
  expect(f.onGridLines).toBe(f.gridLines);
  expect(f.pdfArticlesMatching).toBe(f.pdfArticles);
  expect(f.pdfArticles).toBeGreaterThan(0);
}
