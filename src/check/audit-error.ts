import { ContentError } from '../model/index.js';
import { formatFinding } from './format.js';
import type { CheckReport, Finding } from './types.js';

/**
 * A build the audit refuses: the pages would print something drawn over something else, lose
 * characters or break a rule. Carries every error, so one run tells the editor all of them.
 */
export class AuditError extends ContentError {
  constructor(
    readonly report: CheckReport,
    readonly errors: readonly Finding[] = report.findings.filter((f) => f.severity === 'error'),
  ) {
    const [first] = errors;
    super(errors.length === 1 ? first.message : `${errors.length} errors in the pages of "${report.edition}"`, errors.length === 1 ? first.source : undefined, errors.length === 1 ? first.hint : undefined);
    this.name = 'AuditError';
  }

  override format(): string {
    if (this.errors.length === 1) return super.format();
    return `${this.message}:\n${this.errors.map((f) => `error: ${formatFinding(f)}`).join('\n')}`;
  }
}
