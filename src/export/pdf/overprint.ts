/**
 * The overprint graphics state: `/OP true /op true /OPM 1` (ISO 32000-1 §8.6.7): a mark drawn
 * in it prints over what is under it instead of knocking it out, and with OPM 1 a CMYK channel
 * of 0 leaves the plate under it alone — so black text over a tint prints K on top of the tint,
 * and a plate shifting on the press leaves no white halo round the characters.
 *
 * pdfkit internals used (0.20, as its own `_doOpacity`): `doc.ref()` for the dictionary and
 * `doc.page.ext_gstates`, the page's `/ExtGState` resources.
 */
import type PDFDocument from 'pdfkit';

type Doc = typeof PDFDocument;

/** Resource name of the state on each page that uses it (pdfkit's own are `Gs1`, `Gs2` …). */
const NAME = 'GsOverprint';

interface PdfkitRef {
  end(): void;
}
interface PdfkitInternals {
  ref(data: Record<string, unknown>): PdfkitRef;
  page: { ext_gstates: Record<string, PdfkitRef> };
}

/** One overprint state per document, registered on each page that draws with it. */
export class OverprintState {
  private dictionary: PdfkitRef | undefined;

  constructor(private readonly doc: Doc) {}

  /** The operator that sets it (`/GsOverprint gs`), the state registered on the current page. */
  operator(): string {
    const internals = this.doc as unknown as PdfkitInternals;
    if (!this.dictionary) {
      this.dictionary = internals.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
      this.dictionary.end();
    }
    internals.page.ext_gstates[NAME] = this.dictionary;
    return `/${NAME} gs`;
  }
}
