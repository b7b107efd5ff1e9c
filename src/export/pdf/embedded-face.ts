/**
 * One face embedded in one pdfkit document: which glyphs its subset holds, their CIDs, their
 * `W` widths and ToUnicode texts. The pdfkit and fontkit internals it reaches into are listed
 * in glyph-run.ts, whose writer is its only user.
 */
import type { Face, StagedOutlines } from '../../fonts/index.js';
import { glyphCopier } from './glyf-copy.js';
import { KnownFontPrograms } from './known-font-programs.js';
import { subsetEncoder, type EncodableSubset } from './sfnt-subset.js';
import { toUnicodeCmapText } from './to-unicode.js';

/**
 * The parts of fontkit 2's TrueType `Subset` used to add a narrowed copy of a glyph:
 * `glyphs` (the subset's glyph ids; a glyph's CID is its index), `_addGlyph(gid)` (called in
 * `encode()` for each entry in order; appends its `glyf` data and an `hmtx` metric and returns
 * the new index), `hmtx.metrics[index].advance` (font units) and `encode()` (the font program,
 * which pdfkit embeds).
 */
interface FontkitTrueTypeSubset extends EncodableSubset {
  encode(): Buffer;
}


/**
 * The parts of pdfkit 0.20's private `PDFReference` (a PDF object with a stream) used for the
 * font file: whether it deflates what is written to it when it ends (`compress`), and its
 * dictionary, whose `Length` its `write` adds to and which gets `Filter` after that.
 */
interface PdfkitStream {
  compress: boolean;
  readonly data: Record<string, unknown>;
  /** Write the stream's last bytes and the object (deflated when `compress`). */
  end(chunk?: unknown): void;
}

/** The document as the font sees it: its `ref()` makes the font file's stream, first of the objects `embed()` makes. */
interface PdfkitFontDocument {
  ref(data?: Record<string, unknown>): PdfkitStream;
}

/** The parts of pdfkit 0.20's private `EmbeddedFont` this module uses. */
export interface PdfkitEmbeddedFont {
  readonly id: string;
  readonly subset: { includeGlyph(glyphId: number): number };
  readonly widths: number[];
  readonly unicode: number[][];
  readonly document: PdfkitFontDocument;
  ref(): unknown;
  embed(): unknown;
  /** The ToUnicode CMap's stream, made by embed() from `unicode`. */
  toUnicodeCmap(): unknown;
}

export function isEmbeddedFont(font: unknown): font is PdfkitEmbeddedFont {
  const f = font as Partial<PdfkitEmbeddedFont> | null;
  return (
    !!f &&
    typeof f.id === 'string' &&
    typeof f.subset?.includeGlyph === 'function' &&
    Array.isArray(f.widths) &&
    Array.isArray(f.unicode) &&
    typeof f.ref === 'function' &&
    typeof f.embed === 'function' &&
    typeof f.toUnicodeCmap === 'function' &&
    typeof f.document?.ref === 'function'
  );
}

/** A set width this much (1/1000 em) under the glyph's advance gets a narrowed copy. */
const NARROWED_MIN_UNITS = 1;

function isTrueTypeSubset(subset: unknown): subset is FontkitTrueTypeSubset {
  const s = subset as Partial<FontkitTrueTypeSubset>;
  return Array.isArray(s.glyphs) && typeof s._addGlyph === 'function' && typeof s.encode === 'function';
}

/** A glyph shown at its own width: its CID, `W` width and advance, and the text its CID maps to once that is not empty. */
interface ShownEntry {
  readonly hex: string;
  readonly width: number;
  readonly cid: number;
  /** The glyph's advance in `hmtx` (font units). */
  readonly advance: number;
  text: string | undefined;
}

/** One face embedded in one document, with the glyphs already added to its subset. */
export class EmbeddedFace {
  private readonly shown = new Map<number, ShownEntry>();
  /** Copies of a glyph: narrowed ones by `glyphId@advance` (font units), ones for another text by `glyphId@advance#text`. */
  private readonly copies = new Map<string, { hex: string; width: number; cid: number }>();
  /** Advance (font units) of each narrowed copy, by CID, for the subset's hmtx. */
  private readonly narrowedAdvance = new Map<number, number>();
  private readonly trueType: FontkitTrueTypeSubset | undefined;
  /** The face's glyph count, read once: every glyph shown is checked against it. */
  private readonly glyphCount: number;
  /** The text each CID maps to in ToUnicode, as a string (pdfFont.unicode holds code points). */
  private readonly mappedText = new Map<number, string>();

  constructor(
    private readonly face: Face,
    /** pdfkit's font object (its vertical companion is made from it: vertical-font.ts). */
    readonly pdfFont: PdfkitEmbeddedFont,
    /** Font programs earlier builds deflated (known-font-programs.ts); default none. */
    programs: KnownFontPrograms = KnownFontPrograms.none(),
  ) {
    this.glyphCount = face.font.numGlyphs;
    // The same CMap as pdfkit's, made quicker (to-unicode.ts).
    pdfFont.toUnicodeCmap = (): unknown => {
      const cmap = pdfFont.document.ref();
      cmap.end(toUnicodeCmapText(pdfFont.unicode));
      return cmap;
    };
    // pdfkit maps CID 0 (.notdef) to U+0000 when it makes the font.
    for (const [cid, points] of pdfFont.unicode.entries()) {
      if (points != null) this.mappedText.set(cid, String.fromCodePoint(...points));
    }
    // Only glyf-based subsets can carry a glyph twice; CFF faces keep nominal widths.
    const subset = pdfFont.subset;
    const tables = (face.font as unknown as { directory?: { tables?: Record<string, unknown> } }).directory?.tables;
    this.trueType = tables?.['CFF '] || !isTrueTypeSubset(subset) ? undefined : subset;
    if (this.trueType) {
      // The font program's hmtx must agree with the PDF's W array (ISO 19005 requires it),
      // so a narrowed copy gets its narrowed advance there too.
      const tt = this.trueType;
      // The glyph copied as its bytes (glyf-copy.ts): every outline of the subset read packed
      // in one pass before the first (fonts/font-file.ts `stage`), a composite's components as
      // they are reached. fontkit's own copy reads them into the face's memory.
      let staged: StagedOutlines = () => undefined;
      const copier = glyphCopier(face.font, face.bytes.memory, tt, (id) => staged(id), (id) => face.outlines.read([id]));
      const addGlyph = copier ?? tt._addGlyph.bind(tt);
      // A face whose glyphs are copied as bytes has its font program written here too (sfnt-subset.ts).
      if (copier) tt.encode = subsetEncoder(face.font, tt);
      let outlinesRead = false;
      tt._addGlyph = (glyphId: number): number => {
        if (!outlinesRead) {
          if (copier) staged = face.outlines.stage(tt.glyphs);
          else face.outlines.read(tt.glyphs);
        }
        outlinesRead = true;
        const index = addGlyph(glyphId);
        const advance = this.narrowedAdvance.get(index);
        if (advance !== undefined) tt.hmtx.metrics[index].advance = advance;
        return index;
      };
      this.deflateProgram(tt, programs);
    }
  }

  /**
   * The font program deflated here, as pdfkit would deflate it, or taken from the record of an
   * earlier build that embedded the same subset of the same face (known-font-programs.ts): the
   * font file's stream is then told its bytes are deflated already, and writes them as they are
   * under the dictionary it would have written (`/Length`, then `/Filter /FlateDecode`).
   */
  private deflateProgram(tt: FontkitTrueTypeSubset, programs: KnownFontPrograms): void {
    const pdfFont = this.pdfFont;
    const encode = tt.encode.bind(tt);
    let fontFile: PdfkitStream | undefined;
    const embed = pdfFont.embed.bind(pdfFont);
    pdfFont.embed = (): unknown => {
      // The font file is the first object embed() makes.
      const doc = pdfFont.document;
      const ref = doc.ref;
      doc.ref = (data?: Record<string, unknown>): PdfkitStream => {
        doc.ref = ref;
        fontFile = ref.call(doc, data);
        return fontFile;
      };
      try {
        return embed();
      } finally {
        doc.ref = ref;
      }
    };
    tt.encode = (): Buffer => {
      // A document that does not compress gets the program as it is.
      if (!fontFile?.compress) return encode();
      // The subset as it stands before encode() adds a composite glyph's components to it.
      const deflated = programs.deflated(this.face, { glyphs: tt.glyphs, narrowed: this.narrowedAdvance }, encode);
      fontFile.compress = false;
      fontFile.data.Length = 0;
      fontFile.data.Filter = 'FlateDecode';
      return deflated;
    };
  }

  get resourceName(): string {
    return this.pdfFont.id;
  }

  fontDictionary(): unknown {
    return this.pdfFont.ref();
  }

  /**
   * Adds the glyph to the subset (once) and records its width and text for `W` and ToUnicode.
   * With `setWidth` (points at `size`) narrower than its advance, the glyph is shown through a
   * copy of itself in the subset whose width is `setWidth`: the same outline, a narrower box.
   * A glyph shown for two texts (one glyph for two code points, or .notdef for every character
   * a face lacks) gets a copy per text, since ToUnicode maps a CID to one text: otherwise every
   * later character would read back as the first.
   */
  include(glyphId: number, text: string, setWidth?: number, size?: number): { hex: string; width: number } {
    // Most glyphs of a page were shown before at their own width for the same text: the
    // glyph's entry answers, as the steps below would (no copy, the mapping already made).
    const known = this.shown.get(glyphId);
    if (known !== undefined && known.text === text && this.shownAdvance(known.advance, setWidth, size) === known.advance) return known;
    const nominal = this.advanceOf(glyphId);
    const advance = this.shownAdvance(nominal, setWidth, size);
    // Only what is shown enters the subset: a glyph seen only narrowed has no nominal CID.
    let shown = advance === nominal ? this.nominal(glyphId) : this.copy(`${glyphId}@${advance}`, glyphId, advance);
    const mapped = this.mappedText.get(shown.cid);
    if (this.trueType && text !== '' && mapped !== undefined && mapped !== '' && mapped !== text) {
      shown = this.copy(`${glyphId}@${advance}#${text}`, glyphId, advance);
    }
    this.mapText(shown.cid, text);
    // A CID's text, once it is not empty, is never changed (mapText): from now on the entry answers for it.
    if (shown === known) known.text = this.mappedText.get(known.cid) || undefined;
    return shown;
  }

  /**
   * The advance (font units) a glyph `advance` wide is shown at when set `setWidth` wide (points
   * at `size`): a narrowed copy's when that is at least NARROWED_MIN_UNITS (1/1000 em) narrower,
   * in a TrueType face; else its own.
   */
  private shownAdvance(advance: number, setWidth: number | undefined, size: number | undefined): number {
    if (setWidth === undefined || size === undefined || !this.trueType) return advance;
    const set = Math.max(0, Math.round((setWidth / size) * this.face.unitsPerEm));
    return ((advance - set) * 1000) / this.face.unitsPerEm >= NARROWED_MIN_UNITS ? set : advance;
  }

  /** A glyph's nominal advance (font units) from `hmtx`. */
  private advanceOf(glyphId: number): number {
    return this.face.advance(this.checked(glyphId));
  }

  private checked(glyphId: number): number {
    if (!Number.isInteger(glyphId) || glyphId < 0 || glyphId >= this.glyphCount) {
      throw new Error(`glyph id ${glyphId} is not in face "${this.face.key}" (${this.glyphCount} glyphs)`);
    }
    return glyphId;
  }

  /** A copy of the glyph in the subset, `advance` (font units) wide, one per key. */
  private copy(key: string, glyphId: number, advance: number): { hex: string; width: number; cid: number } {
    let copy = this.copies.get(key);
    if (!copy) {
      const width = (advance * 1000) / this.face.unitsPerEm;
      const glyphs = this.trueType!.glyphs;
      const cid = glyphs.push(glyphId) - 1;
      this.narrowedAdvance.set(cid, advance);
      this.pdfFont.widths[cid] = width;
      copy = { hex: cid.toString(16).padStart(4, '0'), width: Math.round(width * 1e6) / 1e6, cid };
      this.copies.set(key, copy);
    }
    return copy;
  }

  private nominal(glyphId: number): ShownEntry {
    let entry = this.shown.get(glyphId);
    if (!entry) {
      // The id is checked (advanceOf) before it enters the subset.
      const advance = this.advanceOf(glyphId);
      const width = (advance * 1000) / this.face.unitsPerEm;
      const cid = this.pdfFont.subset.includeGlyph(glyphId);
      this.pdfFont.widths[cid] ??= width;
      // pdfkit writes W with six decimals; the TJ arithmetic must use the same number.
      entry = { hex: cid.toString(16).padStart(4, '0'), width: Math.round(this.pdfFont.widths[cid] * 1e6) / 1e6, cid, advance, text: undefined };
      this.shown.set(glyphId, entry);
    }
    return entry;
  }

  private mapText(cid: number, text: string): void {
    // ToUnicode is per CID: the first non-empty text wins (as in pdfkit). A '' (ligature tail)
    // maps to an empty list, which pdfkit writes as `<>`: poppler extracts nothing for it
    // (mupdf gives U+FFFD, as for any unmapped code). A later use of the same glyph with real
    // text replaces the empty mapping, so that text is not lost.
    const mapped = this.mappedText.get(cid);
    if (mapped === undefined || (mapped === '' && text !== '')) {
      this.pdfFont.unicode[cid] = Array.from(text, (ch) => ch.codePointAt(0)!);
      this.mappedText.set(cid, text);
    }
  }
}
