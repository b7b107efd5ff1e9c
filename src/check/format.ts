/** The audit for people: a table of findings and a few lines of figures. */
import { PAGE } from '../compose/index.js';
import type { CheckFigures, CheckReport, Finding } from './types.js';

const where = (f: Finding): string => `${f.source.file}:${f.source.line}`;
/**
 * A count with thousands separated by commas, as `toLocaleString('en-US')` writes it. Whole
 * numbers are grouped here: the locale's first use loads ICU's number formats, some 5 ms of
 * every build's summary line.
 */
const n = (value: number): string => {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return value.toLocaleString('en-US');
  const digits = String(Math.abs(value)).replace(THOUSANDS, ',');
  return value < 0 ? `-${digits}` : digits;
};
const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;
const share = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(part === whole ? 0 : 1)}%`);

/** One finding as `file:line: [code] page N, article "x": message` with its hint on the next line. */
export function formatFinding(f: Finding): string {
  const article = f.article === PAGE ? '' : `, article "${f.article}"`;
  return `${where(f)}: [${f.code}] page ${f.page}${article}: ${f.message}\n  hint: ${f.hint}`;
}

/** The findings as a table: where, level, finding, page, article, then what and what to do. */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const rows = findings.map((f) => [where(f), f.severity, f.code, String(f.page), f.article]);
  const head = ['WHERE', 'LEVEL', 'FINDING', 'PAGE', 'ARTICLE'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const pad = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  const indent = ' '.repeat(widths.reduce((a, b) => a + b + 2, 0));
  const lines = [pad(head)];
  findings.forEach((f, i) => {
    lines.push(`${pad(rows[i])}  ${f.message}`);
    lines.push(`${indent}→ ${f.hint}`);
  });
  return `${lines.join('\n')}\n`;
}

/** What was measured, for people. */
export function formatFigures(report: CheckReport): string {
  const f: CheckFigures = report.figures;
  const pdf = f.pdfArticles === undefined ? '' : `   PDF text ${n(f.pdfArticlesMatching ?? 0)}/${n(f.pdfArticles)} articles as set`;
  return [
    `${report.edition}: ${n(f.pages)} page(s), ${n(f.articles)} article(s), ${n(f.images)} photo(s)`,
    `  lines ${n(f.lines)}   flush ${n(f.flushLines)}/${n(f.justifiedLines)} (${share(f.flushLines, f.justifiedLines)})   grid ${n(f.onGridLines)}/${n(f.gridLines)} (${share(f.onGridLines, f.gridLines)})   characters placed ${n(f.placedChars)}/${n(f.sourceChars)}${pdf}`,
    `  findings: ${report.errors} error(s), ${report.warnings} warning(s)`,
  ].join('\n');
}

/** One line for the build: the audit's figures and its count of findings. */
export function formatSummary(report: CheckReport): string {
  const f = report.figures;
  return `check: ${n(f.lines)} lines, flush ${share(f.flushLines, f.justifiedLines)}, grid ${share(f.onGridLines, f.gridLines)}, characters placed ${n(f.placedChars)}/${n(f.sourceChars)}, ${report.errors} error(s), ${report.warnings} warning(s)`;
}
