import type { CheckFigures, CheckReport } from './types.js';

/**
 * The audit of an edition from the audits of runs of its pages (set on different threads), in
 * page order: every figure is a count, so the counts add; the findings of each run are in page
 * order already and the runs follow each other, so they join as the audit of the whole edition
 * would list them.
 */
export function mergeReports(edition: string, parts: readonly CheckReport[]): CheckReport {
  const figures = parts.map((p) => p.figures).reduce((sum: CheckFigures, f) => {
    const out: Record<string, number> = { ...sum };
    for (const [key, value] of Object.entries(f)) out[key] = (out[key] ?? 0) + (value as number);
    return out as unknown as CheckFigures;
  });
  return {
    edition,
    figures,
    findings: parts.flatMap((p) => p.findings),
    errors: parts.reduce((n, p) => n + p.errors, 0),
    warnings: parts.reduce((n, p) => n + p.warnings, 0),
  };
}
