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
 * only the checks (kept-map.ts).
 */
import type { BigIntStats } from 'node:fs';
import { fileIdentity, writtenRacily } from '../file-identity.js';
import { isRecord, KeptMap, type KeptMapFormat, type KeptRecordOptions } from '../kept-map.js';
import type { CheckedImage } from './image-check.js';

/** Files kept at most, the most recently checked: an edition's photos many times over, and a
 *  record read in a millisecond or two at every build (a cache, not an archive). */
export const MAX_KNOWN = 1024;
const KINDS: readonly string[] = ['jpeg', 'png'] satisfies CheckedImage['kind'][];

/** How the record is used by a build (kept-map.ts). */
export type KnownImagesOptions = KeptRecordOptions;

interface Entry {
  readonly identity: string;
  readonly image: CheckedImage;
}

/** The record's file: `{ format: 1, images: { <absolute path>: { identity, image: { kind, width, height } } } }`. */
const RECORD: KeptMapFormat<Entry> = { format: 1, field: 'images', max: MAX_KNOWN, read: readEntry };

export class KnownImages {
  private constructor(
    private readonly entries: KeptMap<Entry>,
    private readonly options: KnownImagesOptions,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownImages {
    return new KnownImages(KeptMap.none(RECORD), {});
  }

  /** The images known from `file`, kept there by `save`; nothing known when it cannot be read. */
  static load(file: string, options: KnownImagesOptions = {}): KnownImages {
    return new KnownImages(KeptMap.load(file, RECORD, options.afterSave), options);
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
    this.entries.set(src, { identity, image: { kind: image.kind, width: image.width, height: image.height } });
  }

  /** Write what is known, whole or not at all, when anything was added (kept-map.ts: never throws). */
  save(): void {
    this.entries.save();
  }
}

function readEntry(value: unknown): Entry | undefined {
  if (!isRecord(value) || typeof value.identity !== 'string' || !isRecord(value.image)) return undefined;
  const { kind, width, height } = value.image;
  if (!(typeof kind === 'string' && KINDS.includes(kind) && Number.isInteger(width) && Number.isInteger(height) && (width as number) > 0 && (height as number) > 0)) return undefined;
  return { identity: value.identity, image: { kind: kind as CheckedImage['kind'], width: width as number, height: height as number } };
}
