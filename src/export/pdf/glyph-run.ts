/**
 * The low-level glyph-run writer: each run a `Tm [<cids> adj …] TJ` in a `BT … ET` text object
 * it shares with the runs next to it (page-content.ts), with glyph ids chosen upstream (no
 * re-shaping) and positions taken from the run's `dx`.
 *
 * pdfkit has no public API for showing given glyph ids, so this module reaches into pdfkit
 * internals, read from pdfkit 0.20.2 (`js/pdfkit.js`: `EmbeddedFont`, `FontsMixin.font`,
 * `TextMixin._fragment`, `PDFPage.fonts`). The other modules of export/pdf that do so name the
 * internals they use at their top: embedded-face.ts (fontkit's subset), graphics.ts (the image
 * registry), xmp.ts (`endMetadata`) and output-intent.ts (the catalog). Re-check them all on
 * any pdfkit upgrade (the dependency should stay pinned to 0.20.x):
 *
 * - `doc.font(fontkitFont, family)` accepts an already-parsed fontkit `Font` (0.20; the
 *   typings only allow paths and buffers) and leaves the resulting font in private `doc._font`.
 * - `EmbeddedFont` (not exported): `id` (resource name, e.g. `F2`), `ref()` (its font
 *   dictionary, embedded and subset at `doc.end()`), `toUnicodeCmap()` (its ToUnicode stream,
 *   made in its place by to-unicode.ts), `subset` (fontkit `Subset`;
 *   `includeGlyph(gid)` returns the glyph's CID in the subset), `widths[cid]` (advance in
 *   1/1000 em, written as the CIDFont `W` array) and `unicode[cid]` (code points, written as the
 *   ToUnicode CMap; pdfkit keeps the first mapping of a CID).
 * - `doc.page.fonts` is the page's `/Font` resource dictionary (typed `any` upstream).
 * - fontkit 2's TrueType `Subset` (`glyphs`, `_addGlyph`, `hmtx`), for a line's last mark set
 *   narrower than its advance: it is shown through a copy of its glyph whose `W` width and
 *   `hmtx` advance are the set width, so extraction sees the line end where the ink ends.
 * - pdfkit flips y with a `1 0 0 -1 0 h cm` at page start; `_fragment` flips back around its
 *   text object. We do the same, so text matrices are in native PDF coordinates.
 *
 * A horizontal text object's `q`, un-flip `cm` and `Q` are written with it, as the bytes
 * pdfkit's save/transform/restore write, which would leave its matrix as it was anyway.
 * Everything else (a vertical head's q/Q and `cm`, marked content) goes through pdfkit's
 * public API, so its graphics-state and marked-content bookkeeping stays right.
 */
import type { Font } from 'fontkit';
import type PDFDocument from 'pdfkit';
import type { DrawOp } from '../../render/draw-op.js';
import { setAdvance } from '../../render/placed-glyphs.js';
import type { FontBook } from '../../fonts/types.js';
import { colourOperator, type ColourMode } from './colour.js';
import { EmbeddedFace, isEmbeddedFont, type PdfkitEmbeddedFont } from './embedded-face.js';
import { KnownFontPrograms } from './known-font-programs.js';
import { OverprintState } from './overprint.js';
import { ContentBytes } from './page-content.js';
import { pdfNumber } from './pdf-number.js';
import { VERTICAL_ORIGIN_EM, verticalCompanion } from './vertical-font.js';
import { withoutBreakControls } from '../../text/ignorable.js';

type Doc = typeof PDFDocument;
type GlyphsOp = Extract<DrawOp, { op: 'glyphs' }>;

/** The parts of a pdfkit 0.20 document this module uses beyond its typings. */
interface PdfkitDocInternals {
  font(src: Font, family: string): unknown;
  _font: unknown;
  page: { fonts: Record<string, unknown>; height: number };
}

/**
 * A run's glyphs as they will be shown, in drawing order, in parallel arrays (an entry a glyph,
 * not an object a glyph: every glyph of an edition passes here, mostly before V8 optimises it):
 * each one's CID in the embedded subset and its advance as written in `W`, and where it stands.
 */
export interface ShownGlyphs {
  /** CIDs as 4 hex digits (Identity-H: 2 bytes per glyph). */
  readonly hex: readonly string[];
  /** Nominal advances in 1/1000 em, rounded the way pdfkit writes them into the `W` array. */
  readonly width: readonly number[];
  /** Offsets of the glyph origins from the run origin, in points. */
  readonly dx: readonly number[];
}

/**
 * The operand of `TJ` that shows `glyphs` at size `size` so that glyph i's origin lands at
 * `dx[i] - dx[0]` from the text matrix origin.
 *
 * After a glyph the viewer advances by its `W` width; the number that follows it in the array
 * is subtracted from that (in 1/1000 text space units), so adj = -(gap - nominal) × 1000/size.
 * Adjustments are rounded to 1/1000 unit, and each one is computed from where the pen really is
 * after the previous rounded ones, so rounding never accumulates along a long line. Glyphs with
 * no adjustment between them share one hex string.
 */
export function tjArray(glyphs: ShownGlyphs, size: number): string {
  const content = new ContentBytes();
  writeTjArray(content, glyphs, size);
  return content.takeText();
}

const SPACE = 0x20;
const SLASH = 0x2f;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const LEFT_BRACKET = 0x5b;
const RIGHT_BRACKET = 0x5d;

/** `tjArray`'s operand written into `content` as bytes, without making its text. */
export function writeTjArray(content: ContentBytes, glyphs: ShownGlyphs, size: number): void {
  const unitsPerPoint = 1000 / size;
  const { dx, width, hex } = glyphs;
  const count = hex.length;
  const origin = count > 0 ? dx[0] : 0;
  content.byte(LEFT_BRACKET);
  let open = false; // inside a hex string
  let pen = 0; // where the current glyph's origin really is, in text space units × 1000
  for (let i = 0; i < count; i++) {
    if (!open) {
      content.byte(LESS_THAN);
      open = true;
    }
    content.text(hex[i]);
    if (i + 1 === count) break;
    const target = (dx[i + 1] - origin) * unitsPerPoint;
    const adj = Math.round((pen + width[i] - target) * 1000) / 1000;
    pen = pen + width[i] - adj;
    if (adj !== 0) {
      content.byte(GREATER_THAN);
      content.byte(SPACE);
      content.text(pdfNumber(adj));
      content.byte(SPACE);
      open = false;
    }
  }
  if (open) content.byte(GREATER_THAN);
  content.byte(RIGHT_BRACKET);
}

/**
 * Gap beyond a glyph's nominal advance, as a fraction of the size, above which a run counts
 * as letter-spaced. Text extractors start a new word at about this gap: poppler's
 * `minWordBreakSpace` is 0.1 em, pdf.js inserts a space above 0.102 em.
 */
const LETTER_SPACED_EM = 0.1;

/** Whether any glyph of the run is followed by more than `LETTER_SPACED_EM` of extra space. */
export function isLetterSpaced(glyphs: ShownGlyphs, size: number): boolean {
  const { dx, width } = glyphs;
  for (let i = 0; i + 1 < dx.length; i++) {
    const extra = dx[i + 1] - dx[i] - (width[i] * size) / 1000;
    if (extra > LETTER_SPACED_EM * size) return true;
  }
  return false;
}

/**
 * A run's glyphs in the order they are drawn: left to right, as the indices of the glyphs whose
 * origins are `dx`, or undefined when that is the run's own order. A run lists its glyphs in
 * logical order, and right-to-left text among them is placed right to left (src/text/bidi.ts);
 * text extractors take what is drawn for visual order and apply the bidi algorithm to it
 * (pdf.js, poppler; ISO 32000-1 §14.8.2.3.3 "Reverse-order show strings"), so it is drawn that way.
 */
export function drawingOrder(dx: readonly number[]): readonly number[] | undefined {
  for (let i = 1; i < dx.length; i++) {
    if (dx[i] < dx[i - 1]) return dx.map((_, k) => k).sort((a, b) => dx[a] - dx[b] || a - b);
  }
  return undefined;
}

/**
 * Writes glyph runs into one pdfkit document. Each face is embedded once per document,
 * whatever the sizes it is used at; its subset holds exactly the glyphs the runs show.
 */
export class GlyphRunWriter {
  private readonly byFace = new Map<string, EmbeddedFace>();
  private readonly byPdfFont = new Map<PdfkitEmbeddedFont, EmbeddedFace>();
  /** Each face's vertical companion (Identity-V), made when a vertical head first uses the face. */
  private readonly vertical = new Map<EmbeddedFace, { readonly name: string; readonly dictionary: unknown }>();
  private readonly overprint: OverprintState;

  constructor(
    private readonly doc: Doc,
    /** The page's content, which the runs are written into (page-content.ts). */
    private readonly content: ContentBytes,
    private readonly fonts: FontBook,
    private readonly colourMode: ColourMode,
    /** Font programs earlier builds deflated (known-font-programs.ts). */
    private readonly programs: KnownFontPrograms = KnownFontPrograms.none(),
  ) {
    this.overprint = new OverprintState(doc);
  }

  /**
   * Draws one run as a single text object on the current page. Empty runs draw nothing.
   *
   * Glyphs are drawn left to right (`drawingOrder`), each mapped to its text without the
   * invisible break controls (src/text/ignorable.ts), which have done their work.
   *
   * A letter-spaced run (see `isLetterSpaced`) is wrapped in a `Span` with `/ActualText`, the
   * run's text: text extractors guess word breaks from gaps and would otherwise put spaces
   * between its Han characters. So is a run with a glyph whose text is '': that glyph extracts
   * as nothing and leaves a gap that reads as a space. The span sits inside the un-flip `cm`:
   * poppler computes ActualText boxes in the coordinates current at `BDC` and gets them upside
   * down otherwise. (mupdf ignores ActualText and still inserts spaces at wide gaps.) Such a
   * run, and a vertical column (whose glyphs side by side carry spans of their own), calls
   * `ownSequence` before it draws anything: its marked-content sequence is its own (tagging.ts).
   */
  write(op: GlyphsOp, ownSequence: () => void = () => undefined): void {
    const glyphs = op.glyphs;
    const count = glyphs.ids.length;
    if (count === 0) return;
    if (!(op.size > 0)) throw new Error(`font size ${op.size} is not positive`);
    if (glyphs.dy) {
      ownSequence();
      this.writeColumn(op);
      return;
    }
    const face = this.embedded(op.face);
    const order = drawingOrder(glyphs.dx);
    const hex = new Array<string>(count);
    const width = new Array<number>(count);
    let emptyText = false;
    for (let i = 0; i < count; i++) {
      const k = order ? order[i] : i;
      const text = withoutBreakControls(glyphs.text[k]);
      if (text === '') emptyText = true;
      const glyph = face.include(glyphs.ids[k], text, setAdvance(glyphs, k), op.size);
      hex[i] = glyph.hex;
      width[i] = glyph.width;
    }
    // In the run's own order its offsets are the run's own.
    const shown: ShownGlyphs = { hex, width, dx: order ? order.map((k) => glyphs.dx[k]) : glyphs.dx };

    const doc = this.doc;
    const page = (doc as unknown as PdfkitDocInternals).page;
    page.fonts[face.resourceName] ??= face.fontDictionary();
    const content = this.content;
    const colour = colourOperator(op.colour, false, this.colourMode);
    // Overprint is a matter of the press's plates: a screen (RGB) file has none.
    const overprint = op.overprint === true && this.colourMode === 'cmyk';
    // Not around right-to-left text (drawn out of logical order): poppler lays ActualText out as
    // if it were drawn in that order and reverses its right-to-left stretches again.
    const actualText = order === undefined && (isLetterSpaced(shown, op.size) || emptyText);
    // The text object's operators written as bytes into the page's content (page-content.ts),
    // each piece ended by a newline as pdfkit ends each write, in a `q … Q` that undoes pdfkit's
    // page flip, as its `_fragment` does, and left open for the next run (a page has a run a
    // line): the next sets what differs, its text matrix and its glyphs. A run with a span of
    // its own has a text object of its own, inside the span.
    let open = content.openText;
    if (open && (actualText || open.overprint !== overprint)) {
      content.closeText();
      open = undefined;
    }
    if (actualText) ownSequence();
    if (!open) {
      content.line('q');
      content.text('1 0 0 -1 0 ');
      content.text(pdfNumber(page.height));
      content.line(' cm');
      if (actualText) doc.markContent('Span', { actual: withoutBreakControls(glyphs.text.join('')) });
      content.line(colour);
      if (overprint) content.line(this.overprint.operator());
      content.line('BT');
      open = { colour, font: '', size: 0, overprint };
    } else if (open.colour !== colour) {
      content.line(colour);
      open.colour = colour;
    }
    if (open.font !== face.resourceName || open.size !== op.size) {
      content.byte(SLASH);
      content.text(face.resourceName);
      content.byte(SPACE);
      content.text(pdfNumber(op.size));
      content.line(' Tf');
      open.font = face.resourceName;
      open.size = op.size;
    }
    content.text('1 0 0 1 ');
    content.text(pdfNumber(op.x + shown.dx[0]));
    content.byte(SPACE);
    content.text(pdfNumber(page.height - op.y));
    content.line(' Tm');
    writeTjArray(content, shown, op.size);
    content.line(' TJ');
    if (actualText) {
      content.line('ET');
      doc.endMarkedContent();
      content.line('Q');
    } else content.openText = open;
  }

  /**
   * A column of a vertical headline (竖题): its glyphs shown through the face's vertical
   * companion (vertical-font.ts, Identity-V), each upright at its own place (`dx` across, `dy`
   * down) with its own text matrix, in reading order, so that extraction reads the column top to
   * bottom and the columns right to left. In writing mode 1 the text matrix names the glyph's
   * vertical origin: half its width right of its horizontal origin, 0.88 em above its baseline.
   */
  private writeColumn(op: GlyphsOp): void {
    const face = this.embedded(op.face);
    const doc = this.doc;
    const page = (doc as unknown as PdfkitDocInternals).page;
    face.fontDictionary(); // the face itself must be embedded for its companion to be
    let companion = this.vertical.get(face);
    if (!companion) this.vertical.set(face, (companion = verticalCompanion(doc, face.pdfFont)));
    page.fonts[companion.name] ??= companion.dictionary;
    const glyphs = op.glyphs;
    const shown = glyphs.ids.map((id, i) => {
      const glyph = face.include(id, withoutBreakControls(glyphs.text[i]), setAdvance(glyphs, i), op.size);
      const dy = glyphs.dy?.[i] ?? 0;
      return { hex: glyph.hex, text: glyphs.text[i], dy, x: op.x + glyphs.dx[i] + (glyph.width / 1000 / 2) * op.size, y: op.y + dy - VERTICAL_ORIGIN_EM * op.size };
    });
    doc.save();
    doc.transform(1, 0, 0, -1, 0, page.height);
    doc.addContent(colourOperator(op.colour, false, this.colourMode));
    doc.addContent('BT');
    doc.addContent(`/${companion.name} ${pdfNumber(op.size)} Tf`);
    for (let i = 0; i < shown.length; ) {
      // Glyphs side by side in one em box (纵中横: two digits across the column) read as one
      // character of the column: an ActualText span gives their text there, not as a column of their own.
      let end = i + 1;
      while (end < shown.length && shown[end].dy === shown[i].dy) end++;
      const across = end - i > 1;
      if (across) doc.markContent('Span', { actual: withoutBreakControls(shown.slice(i, end).map((g) => g.text).join('')) });
      for (const g of shown.slice(i, end)) {
        doc.addContent(`1 0 0 1 ${pdfNumber(g.x)} ${pdfNumber(page.height - g.y)} Tm`);
        doc.addContent(`<${g.hex}> Tj`);
      }
      if (across) doc.endMarkedContent();
      i = end;
    }
    doc.addContent('ET');
    doc.restore();
  }

  private embedded(faceKey: string): EmbeddedFace {
    let face = this.byFace.get(faceKey);
    if (face) return face;
    const spec = this.fonts.face(faceKey);
    const internals = this.doc as unknown as PdfkitDocInternals;
    // Cached by pdfkit under the face key; two keys naming the same font file get the same
    // EmbeddedFont (pdfkit matches them by PostScript name and checksum), hence byPdfFont.
    internals.font(spec.font, spec.key);
    const pdfFont = internals._font;
    if (!isEmbeddedFont(pdfFont)) {
      throw new Error('pdfkit internals changed: doc._font is not a 0.20-style EmbeddedFont; see src/export/pdf/glyph-run.ts');
    }
    face = this.byPdfFont.get(pdfFont) ?? new EmbeddedFace(spec, pdfFont, this.programs);
    this.byPdfFont.set(pdfFont, face);
    this.byFace.set(faceKey, face);
    return face;
  }
}
