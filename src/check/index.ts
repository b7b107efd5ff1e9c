/**
 * Check stage: audits composed pages from the layout model, exactly (not from pixels), and
 * optionally the PDF written from them. One entry: `checkEdition`.
 *
 * Lines: 禁则 at line starts and ends, —— and …… unsplit, justified lines flush, body lines on
 * the grid. Geometry: every element inside its article's area, areas inside the type area,
 * nothing drawn over anything of another block. Characters: every character of the source
 * placed once, in reading order; none drawn without a glyph. Photos at a printable resolution.
 * Overset text and areas more than 3% blank. The PDF's text per article as set.
 */
import type { ComposedPage } from '../compose/index.js';
import type { DrawnLine } from '../render/index.js';
import type { ItemizedEdition } from '../text/index.js';
import { auditCharacters } from './characters.js';
import { auditFill } from './fill.js';
import { auditGeometry } from './geometry.js';
import { auditImages } from './images.js';
import { auditLines } from './lines.js';
import type { CheckReport, Finding } from './types.js';
import { editionView } from './view.js';

export type * from './types.js';
export { formatFinding, formatFindings, formatFigures, formatSummary } from './format.js';
export { AuditError } from './audit-error.js';
export { mergeReports } from './merge.js';

export interface CheckInput {
  readonly itemized: ItemizedEdition;
  readonly composed: readonly ComposedPage[];
  /**
   * What each page's lines draw, as the render stage placed them to draw them (renderPages'
   * `lines`). Without, each line is placed again here, the same way.
   */
  readonly drawn?: readonly (readonly DrawnLine[])[];
  /** The PDF written from the pages: its text is read back per article and compared. */
  readonly pdf?: Uint8Array;
}

export interface CheckOptions {
  /** Warnings (tofu, low resolution, blank areas) count as errors. */
  readonly strict?: boolean;
}

export async function checkEdition(input: CheckInput, options: CheckOptions = {}): Promise<CheckReport> {
  const view = editionView(input.itemized, input.composed, input.drawn);
  const lines = auditLines(view);
  const characters = auditCharacters(view);
  const images = auditImages(view);
  const pdf = input.pdf ? await (await import('./pdf-text.js')).auditPdfText(view, input.pdf) : undefined;
  const all: Finding[] = [...lines.findings, ...auditGeometry(view), ...characters.findings, ...images.findings, ...auditFill(view), ...(pdf?.findings ?? [])];
  // Array sort is stable: within a page, findings keep the order the checks ran in.
  const findings = all.map((f) => (options.strict && f.severity === 'warning' ? { ...f, severity: 'error' as const } : f)).sort((a, b) => a.page - b.page);
  return {
    edition: input.itemized.edition.slug,
    figures: {
      pages: view.pages.length,
      articles: view.articles.size,
      ...lines.figures,
      ...characters.figures,
      images: images.images,
      ...(pdf ? pdf.figures : {}),
    },
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
