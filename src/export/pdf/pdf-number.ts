/**
 * Number formatting for content-stream operators we write ourselves.
 *
 * Same rounding as pdfkit's `PDFObject.number` (six decimals), so our operators and the ones
 * pdfkit writes agree, and output never depends on float noise beyond 1e-6 pt. Never gives
 * exponent notation (PDF has none) or `-0`.
 */
export function pdfNumber(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) throw new Error(`cannot write ${n} as a PDF number`);
  const rounded = Math.round(n * 1e6) / 1e6;
  return rounded === 0 ? '0' : String(rounded);
}
