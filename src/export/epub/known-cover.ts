/**
 * The EPUB's cover image an earlier build drew, kept between builds. The cover is glyph
 * outlines (cover.ts): drawing it reads and decodes each glyph of the masthead, the date line
 * and the lead headline from the face files, some 15 ms of the main thread's time in a build of
 * the sample (fontkit's glyph decoding run for the first time in the process), for an image that
 * changes only when the paper, the date, the page or the lead headline does.
 *
 * A cover is known for its text (the paper, date and page lines, the headline, the language) and
 * for the face files it may be drawn from as they are (fonts/face-identity.ts: every face of the
 * roles the cover uses, whichever of them a character falls to). The bytes the record answers
 * are those the cover would be drawn as, so a book comes out the same with the record or without
 * it. The command line keeps one record per edition folder and bundle of banmian
 * (cache-files.ts), whose hash stands for the drawing code.
 */
import { FaceIdentities, faceIdentitiesFor, type FaceRecordOptions, type FontBook } from '../../fonts/index.js';
import { KeptMap, type KeptMapFormat } from '../../kept-map.js';
import { coverFaces, type CoverText } from './cover.js';

/** Covers kept at most, the most recently drawn: an edition folder has one cover at a time. */
export const MAX_COVERS = 4;

/** The record's file: `{ format: 1, covers: { <face identities and text>: <SVG> } }` (kept-map.ts). */
const FORMAT: KeptMapFormat<string> = {
  format: 1,
  field: 'covers',
  max: MAX_COVERS,
  read: (value) => (typeof value === 'string' && value !== '' ? value : undefined),
};

export class KnownCovers {
  private constructor(
    private readonly covers: KeptMap<string>,
    private readonly faces: FaceIdentities,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownCovers {
    return new KnownCovers(KeptMap.none(FORMAT), new FaceIdentities());
  }

  /** The covers known from `file`, kept there by `save`; nothing known when it cannot be read. */
  static load(file: string, options: FaceRecordOptions = {}): KnownCovers {
    return new KnownCovers(KeptMap.load(file, FORMAT, options.afterSave), faceIdentitiesFor(options));
  }

  /** The cover of `text` in `fonts`, when an earlier build drew it from the same face files. */
  coverOf(text: CoverText, fonts: FontBook): string | undefined {
    const key = this.keyOf(text, fonts);
    return key === undefined ? undefined : this.covers.get(key);
  }

  /** Keep the cover of `text` in `fonts`, drawn now. */
  keep(text: CoverText, fonts: FontBook, svg: string): void {
    const key = this.keyOf(text, fonts);
    if (key !== undefined) this.covers.set(key, svg);
  }

  /** Write what is known, whole or not at all, when anything was added (kept-map.ts: never throws). */
  save(): void {
    this.covers.save();
  }

  /** The cover's key: its faces' identities and its text; undefined when nothing is kept or a face file cannot be trusted. */
  private keyOf(text: CoverText, fonts: FontBook): string | undefined {
    if (!this.covers.kept) return undefined;
    const identities: string[] = [];
    for (const face of coverFaces(fonts)) {
      const identity = this.faces.of(face);
      if (identity === null) return undefined;
      identities.push(identity);
    }
    return JSON.stringify([identities, text.paper, text.date, text.page, text.headline, text.lang]);
  }
}
