/**
 * The vertical companion of an embedded face: a second Type0 font dictionary over the same
 * CIDFont, ToUnicode and subset, with the `Identity-V` encoding (ISO 32000-1 §9.7.4.3, writing
 * mode 1). Glyphs shown through it stand upright and run down the page: text extractors
 * (poppler, pdf.js) read such text as vertical lines, top to bottom, the columns right to left,
 * which is how a vertical headline (竖题) reads.
 *
 * Writing mode 1 places a glyph by its vertical origin: with no `W2`/`DW2` in the CIDFont, the
 * default `DW2 [880 −1000]` puts it half the glyph's width right of the glyph's horizontal
 * origin and 0.88 em above its baseline, the top centre of a CJK em box (Noto CJK's ascent).
 *
 * pdfkit internals (0.20, `js/pdfkit.js`, listed with the others in glyph-run.ts): `EmbeddedFont`
 * `embed()` sets `dictionary.data` (Type0, `Encoding: 'Identity-H'`, `DescendantFonts`,
 * `ToUnicode`) at `doc.end()`; `doc.ref()` makes an indirect object that `end()` writes. The
 * companion copies the data after `embed()` with the encoding changed.
 */
import type PDFDocument from 'pdfkit';

type Doc = typeof PDFDocument;

/** The ascent of the CJK em box above the baseline, in ems: DW2's default vertical origin (880/1000). */
export const VERTICAL_ORIGIN_EM = 0.88;

interface Embeddable {
  readonly id: string;
  embed(): unknown;
  dictionary?: { data: Record<string, unknown> };
}

interface PdfReference {
  data: Record<string, unknown>;
  end(): void;
}

function isEmbeddable(font: unknown): font is Embeddable {
  return typeof (font as Partial<Embeddable>).embed === 'function';
}

/** The companion's resource name and dictionary for `pdfFont` (made once per face by the caller). */
export function verticalCompanion(doc: Doc, pdfFont: unknown): { readonly name: string; readonly dictionary: unknown } {
  if (!isEmbeddable(pdfFont)) throw new Error('pdfkit internals changed: an EmbeddedFont has no embed(); see src/export/pdf/vertical-font.ts');
  const ref = (doc as unknown as { ref(data?: Record<string, unknown>): PdfReference }).ref();
  const embed = pdfFont.embed.bind(pdfFont);
  pdfFont.embed = (): unknown => {
    const result = embed();
    const data = pdfFont.dictionary?.data;
    if (!data || data.Encoding !== 'Identity-H') throw new Error('pdfkit internals changed: an embedded font is not an Identity-H Type0 font; see src/export/pdf/vertical-font.ts');
    ref.data = { ...data, Encoding: 'Identity-V' };
    ref.end();
    return result;
  };
  return { name: `${pdfFont.id}V`, dictionary: ref };
}
