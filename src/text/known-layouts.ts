/**
 * OpenType layouts an earlier build made (fontkit-layout.ts), kept between builds: the Western
 * words, figures, dashes and ellipses of an edition, each set once per face, text and features.
 * fontkit's layout is the dearest thing the text stage does cold: its engine reads the face's
 * GSUB and GPOS tables at the first word, and each word runs code V8 has not yet compiled well
 * (the sample: 34 layouts, some 15–20 ms of a build). An edition is built again and again while
 * it is edited, and its words are mostly those of the build before.
 *
 * A layout is known for a face file as it is (file-identity.ts: device, inode, size, write and
 * change times) and for the face in it (its PostScript name): a font replaced or written to is
 * laid out afresh. A face whose file was written within RACY_MS of the build keeps nothing. What
 * the record answers is what fontkit gave for the same face, text and features, so a build
 * comes out the same with it or without it.
 *
 * The command line keeps one record per edition folder and bundle of banmian (cache-files.ts):
 * a banmian (or fontkit) that lays out differently starts afresh. Anything wrong with the file
 * (missing, unreadable, not this format) leaves nothing known, and costs only the layouts.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileIdentity, writtenRacily } from '../file-identity.js';
import type { Face } from '../fonts/index.js';
import type { LaidGlyph, LaidRun } from './fontkit-layout.js';

/** Layouts kept at most, the most recently used: an edition's words several times over, read in well under a millisecond. */
export const MAX_LAYOUTS = 2048;
/** The format of the file, in it: another format is not read. */
const FORMAT = 1;
/** Between a layout key's parts: a character no face identity, feature tag or text of a run has. */
const SEPARATOR = '\u0000';

export interface KnownLayoutsOptions {
  /** Called once the file is written (the command line tidies the folder then: cache-files.ts). */
  readonly afterSave?: () => void;
  /** What the build's time is read from, to tell a racy face file (default Date.now). */
  readonly clock?: () => number;
}

/** A glyph as the file keeps it: [id, advance, code points]. */
type StoredGlyph = [number, number, number[]];
/** A run as the file keeps it: its glyphs, and 1 when fontkit set it right to left. */
type StoredRun = [StoredGlyph[], 0 | 1];

export class KnownLayouts {
  private changed = false;
  /** Each face's identity in this build; null for a face whose file cannot be trusted or read. */
  private readonly identities = new Map<Face, string | null>();

  private constructor(
    private readonly file: string | undefined,
    private readonly runs: Map<string, LaidRun>,
    private readonly options: KnownLayoutsOptions,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownLayouts {
    return new KnownLayouts(undefined, new Map(), {});
  }

  /** The layouts known from `file`, kept there by `save`; nothing known when it cannot be read. */
  static load(file: string, options: KnownLayoutsOptions = {}): KnownLayouts {
    return new KnownLayouts(file, readRuns(file), options);
  }

  /** The run `layout` gives for `text` with `features` in `face`, laid out by it the first time. */
  run(face: Face, text: string, features: readonly string[], layout: () => LaidRun): LaidRun {
    if (this.file === undefined) return layout();
    const identity = this.identity(face);
    if (identity === null) return layout();
    const key = `${identity}${SEPARATOR}${features.join(',')}${SEPARATOR}${text}`;
    const known = this.runs.get(key);
    // The newest last: what goes when there are too many is the longest unused.
    if (known) {
      this.runs.delete(key);
      this.runs.set(key, known);
      return known;
    }
    const laid = layout();
    this.runs.set(key, laid);
    for (const oldest of this.runs.keys()) {
      if (this.runs.size <= MAX_LAYOUTS) break;
      this.runs.delete(oldest);
    }
    this.changed = true;
    return laid;
  }

  /**
   * Write what is known, whole or not at all, when anything was added. Never throws: a file
   * that cannot be written costs the next build its layouts, nothing else.
   */
  save(): void {
    const file = this.file;
    if (!file || !this.changed) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const runs: Record<string, StoredRun> = {};
      for (const [key, run] of this.runs) runs[key] = [run.glyphs.map((g) => [g.id, g.advance, [...g.codePoints]]), run.rightToLeft ? 1 : 0];
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, `${JSON.stringify({ format: FORMAT, runs })}\n`);
      renameSync(part, file);
      this.changed = false;
      this.options.afterSave?.();
    } catch {
      // A cache that cannot be written is no error of the build's.
    }
  }

  private identity(face: Face): string | null {
    let identity = this.identities.get(face);
    if (identity === undefined) {
      try {
        const stat = statSync(face.file, { bigint: true });
        identity = writtenRacily(stat, (this.options.clock ?? Date.now)()) ? null : `${fileIdentity(stat)}:${face.postscriptName}`;
      } catch {
        identity = null;
      }
      this.identities.set(face, identity);
    }
    return identity;
  }
}

/** The runs of a file written by `save`; none when it is missing or not one. */
function readRuns(file: string): Map<string, LaidRun> {
  const runs = new Map<string, LaidRun>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return runs;
  }
  if (!isRecord(data) || data.format !== FORMAT || !isRecord(data.runs)) return runs;
  for (const [key, stored] of Object.entries(data.runs)) {
    const run = storedRun(stored);
    if (run) runs.set(key, run);
  }
  return runs;
}

function storedRun(value: unknown): LaidRun | undefined {
  if (!Array.isArray(value) || value.length !== 2 || !Array.isArray(value[0]) || (value[1] !== 0 && value[1] !== 1)) return undefined;
  const glyphs: LaidGlyph[] = [];
  for (const g of value[0] as unknown[]) {
    if (!Array.isArray(g) || g.length !== 3) return undefined;
    const [id, advance, codePoints] = g as unknown[];
    if (!Number.isInteger(id) || (id as number) < 0 || typeof advance !== 'number' || !Number.isFinite(advance)) return undefined;
    if (!Array.isArray(codePoints) || !codePoints.every((cp) => Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff)) return undefined;
    glyphs.push({ id: id as number, advance, codePoints: codePoints as number[] });
  }
  return { glyphs, rightToLeft: value[1] === 1 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
