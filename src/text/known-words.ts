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
 * the segmenting.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Texts kept at most, the most recently used: an edition's heads and bylines many times over. */
export const MAX_TEXTS = 2048;
/** The format of the file, in it: another format is not read. */
const FORMAT = 1;

export interface KnownWordsOptions {
  /** Called once the file is written (the command line tidies the folder then: cache-files.ts). */
  readonly afterSave?: () => void;
}

/** The ICU whose segments a record holds: the versions of its data and of Unicode. */
function icuVersion(): string {
  return `${process.versions.icu ?? 'none'}/${process.versions.unicode ?? 'none'}`;
}

export class KnownWords {
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly texts: Map<string, readonly number[]>,
    private readonly options: KnownWordsOptions,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownWords {
    return new KnownWords(undefined, new Map(), {});
  }

  /** The segments known from `file`, kept there by `save`; nothing known when it cannot be read or another ICU made it. */
  static load(file: string, options: KnownWordsOptions = {}): KnownWords {
    return new KnownWords(file, readTexts(file), options);
  }

  /** Where `text`'s word segments end (UTF-16 offsets), as `segment` gives them the first time. */
  ends(text: string, segment: () => readonly number[]): readonly number[] {
    if (this.file === undefined) return segment();
    const known = this.texts.get(text);
    // The newest last: what goes when there are too many is the longest unused.
    if (known) {
      this.texts.delete(text);
      this.texts.set(text, known);
      return known;
    }
    const ends = segment();
    this.texts.set(text, ends);
    for (const oldest of this.texts.keys()) {
      if (this.texts.size <= MAX_TEXTS) break;
      this.texts.delete(oldest);
    }
    this.changed = true;
    return ends;
  }

  /**
   * Write what is known, whole or not at all, when anything was added. Never throws: a file
   * that cannot be written costs the next build its segmenting, nothing else.
   */
  save(): void {
    const file = this.file;
    if (!file || !this.changed) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, `${JSON.stringify({ format: FORMAT, icu: icuVersion(), texts: Object.fromEntries(this.texts) })}\n`);
      renameSync(part, file);
      this.changed = false;
      this.options.afterSave?.();
    } catch {
      // A cache that cannot be written is no error of the build's.
    }
  }
}

/** The texts of a file written by `save` by this ICU; none when it is missing or not one. */
function readTexts(file: string): Map<string, readonly number[]> {
  const texts = new Map<string, readonly number[]>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return texts;
  }
  if (!isRecord(data) || data.format !== FORMAT || data.icu !== icuVersion() || !isRecord(data.texts)) return texts;
  for (const [text, ends] of Object.entries(data.texts)) {
    if (areEnds(ends, text.length)) texts.set(text, ends);
  }
  return texts;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
