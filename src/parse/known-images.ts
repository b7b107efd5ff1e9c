/**
 * Photos and graphics an earlier build found whole (image-check.ts), kept between builds, so
 * that building an edition again does not decode its unchanged photos again: a JPEG's every
 * scan is decoded to find damage, some 15–20 ms for a 170 KB photo in a fresh process.
 *
 * A file is known by what the file system says of it (file-identity.ts): a photo damaged,
 * replaced or copied over since its check is never taken for the one that was checked, and one
 * written within RACY_MS of its check is not kept. Only files that passed are kept; one refused
 * is checked, and refused with its message, at every build.
 *
 * The command line keeps them in the user's cache folder, one file per edition folder and
 * bundle of banmian (cache-files.ts): a banmian that checks differently starts afresh. Anything
 * wrong with that file (missing, unreadable, not this format) leaves nothing known, and costs
 * only the checks.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, type BigIntStats } from 'node:fs';
import { dirname } from 'node:path';
import { fileIdentity, writtenRacily } from '../file-identity.js';
import type { CheckedImage } from './image-check.js';
/** Files kept at most, the most recently checked: an edition's photos many times over, and a
 *  record read in a millisecond or two at every build (a cache, not an archive). */
export const MAX_KNOWN = 1024;
/** The format of the file, in it: another format is not read. */
const FORMAT = 1;
const KINDS: readonly string[] = ['jpeg', 'png'] satisfies CheckedImage['kind'][];

export interface KnownImagesOptions {
  /** Called once the file is written (the command line tidies the folder then: cache-files.ts). */
  readonly afterSave?: () => void;
  /** What `now` reads (default Date.now). */
  readonly clock?: () => number;
}

interface Entry {
  readonly identity: string;
  readonly image: CheckedImage;
}

export class KnownImages {
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly entries: Map<string, Entry>,
    private readonly options: KnownImagesOptions,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownImages {
    return new KnownImages(undefined, new Map(), {});
  }

  /** The images known from `file`, kept there by `save`; nothing known when it cannot be read. */
  static load(file: string, options: KnownImagesOptions = {}): KnownImages {
    return new KnownImages(file, readEntries(file), options);
  }

  /** The time a check begins, in ms since 1970 (see `add`). */
  now(): number {
    return (this.options.clock ?? Date.now)();
  }

  /** The image at absolute path `src`, if it was found whole as it is now (`identity`, fileIdentity). */
  answer(src: string, identity: string): CheckedImage | undefined {
    const entry = this.entries.get(src);
    return entry?.identity === identity ? entry.image : undefined;
  }

  /** Keep `image` as found whole for the file at `src` as `stat` describes it, checked from `checkedAt` (ms since 1970). */
  add(src: string, stat: BigIntStats, image: CheckedImage, checkedAt: number): void {
    if (writtenRacily(stat, checkedAt)) return;
    const identity = fileIdentity(stat);
    if (this.entries.get(src)?.identity === identity) return;
    // The newest last: what goes when there are too many is the longest unchecked.
    this.entries.delete(src);
    this.entries.set(src, { identity, image: { kind: image.kind, width: image.width, height: image.height } });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_KNOWN) break;
      this.entries.delete(oldest);
    }
    this.changed = true;
  }

  /**
   * Write what is known, whole or not at all, when anything was added. Never throws: a file
   * that cannot be written costs the next build its checks, nothing else.
   */
  save(): void {
    const file = this.file;
    if (!file || !this.changed) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, `${JSON.stringify({ format: FORMAT, images: Object.fromEntries(this.entries) })}\n`);
      renameSync(part, file);
      this.changed = false;
      this.options.afterSave?.();
    } catch {
      // A cache that cannot be written is no error of the build's.
    }
  }
}

/** The entries of a file written by `save`; none when it is missing or not one. */
function readEntries(file: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return entries;
  }
  if (!isRecord(data) || data.format !== FORMAT || !isRecord(data.images)) return entries;
  for (const [src, entry] of Object.entries(data.images)) {
    if (isEntry(entry)) entries.set(src, { identity: entry.identity, image: { kind: entry.image.kind, width: entry.image.width, height: entry.image.height } });
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(value: unknown): value is Entry {
  if (!isRecord(value) || typeof value.identity !== 'string' || !isRecord(value.image)) return false;
  const { kind, width, height } = value.image;
  return typeof kind === 'string' && KINDS.includes(kind) && Number.isInteger(width) && Number.isInteger(height) && (width as number) > 0 && (height as number) > 0;
}
