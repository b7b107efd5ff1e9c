/**
 * ICU's word segments of the texts that break between words (heads, bylines, captions:
 * cjk/words.ts), kept between builds. The first word segmenter a process makes costs 10–15 ms
 * before it segments anything (V8 lists the languages ICU has data for, each name made
 * canonical, once per process), and a build of an edition already built needs none of it: its
 * heads are mostly those of the build before.
 *
 * What a text's segments are depends on ICU's dictionary and rules alone: a record is read only
 * by a Node whose ICU and Unicode versions are those that made it. The command line keeps one
 * per edition folder and bundle of banmian (cache-files.ts). Anything wrong with the file
 * (missing, unreadable, not this format, another ICU) leaves nothing known, and costs only
 * the segmenting (kept-map.ts).
 */
import { KeptMap, type KeptMapFormat } from '../kept-map.js';

/** Texts kept at most, the most recently used: an edition's heads and bylines many times over. */
export const MAX_TEXTS = 2048;

export interface KnownWordsOptions {
  /** Called once the file is written (the command line tidies the folder then: cache-files.ts). */
  readonly afterSave?: () => void;
}

/** The ICU whose segments a record holds: the versions of its data and of Unicode. */
function icuVersion(): string {
  return `${process.versions.icu ?? 'none'}/${process.versions.unicode ?? 'none'}`;
}

/** The record's file: `{ format: 1, icu: <ICU>/<Unicode>, texts: { <text>: <segment ends> } }`. */
function recordFormat(): KeptMapFormat<readonly number[]> {
  return { format: 1, field: 'texts', stamp: { icu: icuVersion() }, max: MAX_TEXTS, read: (ends, text) => (areEnds(ends, text.length) ? ends : undefined) };
}

export class KnownWords {
  private constructor(private readonly texts: KeptMap<readonly number[]>) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownWords {
    return new KnownWords(KeptMap.none(recordFormat()));
  }

  /** The segments known from `file`, kept there by `save`; nothing known when it cannot be read or another ICU made it. */
  static load(file: string, options: KnownWordsOptions = {}): KnownWords {
    return new KnownWords(KeptMap.load(file, recordFormat(), options.afterSave));
  }

  /** Where `text`'s word segments end (UTF-16 offsets), as `segment` gives them the first time. */
  ends(text: string, segment: () => readonly number[]): readonly number[] {
    if (!this.texts.kept) return segment();
    const known = this.texts.get(text);
    if (known) return known;
    const ends = segment();
    this.texts.set(text, ends);
    return ends;
  }

  /** Write what is known, whole or not at all, when anything was added (kept-map.ts: never throws). */
  save(): void {
    this.texts.save();
  }
}

/** Segment ends of a text `length` UTF-16 units long: rising offsets, the last at its end. */
function areEnds(value: unknown, length: number): value is number[] {
  if (!Array.isArray(value) || (length > 0 && value[value.length - 1] !== length)) return false;
  let previous = 0;
  for (const end of value) {
    if (!Number.isInteger(end) || end <= previous || end > length) return false;
    previous = end;
  }
  return true;
}
