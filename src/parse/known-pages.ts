/**
 * Page files an earlier build parsed, kept between builds, so that building an edition again
 * does not run Markdown, its plugins and the page's checks over pages whose text has not
 * changed: the 20-page bench edition's pages took some 60 ms to parse in a fresh process, and a
 * newsroom builds again after every edit to one page of many.
 *
 * A page is taken from the record when its text is the text that was parsed, character for
 * character (the record keeps it: a few kilobytes a page, compared in microseconds, where a
 * digest of it wanted Node's crypto module loaded on the main thread, some 6 ms of a cold build),
 * and every photo it shows is the file it was (file-identity.ts). Its photos are then looked at
 * again as the parse looks at them (`recheck`: still inside the edition folder, still whole), so
 * that a build fails where a fresh parse would. A page whose photo was written within RACY_MS of
 * the parse is not kept. What the parse made is kept as JSON: the document model is plain data.
 *
 * The command line keeps them in the user's cache folder, one file per edition folder and
 * bundle of banmian (cache-files.ts): a banmian that parses differently starts afresh, and a
 * record made under another Unicode version is not read. Anything wrong with that file
 * (missing, unreadable, not this format) leaves nothing known, and costs only the parsing
 * (kept-map.ts).
 */
import { statSync } from 'node:fs';
import { fileIdentity, writtenRacily } from '../file-identity.js';
import { isRecord, KeptMap, type KeptMapFormat, type KeptRecordOptions } from '../kept-map.js';
import type { Figure } from '../model/document.js';
import type { ParsedPage } from './page.js';

/** Page files kept at most, the most recently built (a record holds the pages its edition has now: `keepOnly`). */
export const MAX_KNOWN_PAGES = 512;

/** How the record is used by a build (kept-map.ts). */
export type KnownPagesOptions = KeptRecordOptions;

/** A photo the page showed, as its file was when the page was parsed: absolute path, identity. */
type PhotoIdentity = readonly [string, string];

interface Entry {
  /** The page file's text, as it was parsed. */
  readonly source: string;
  readonly photos: readonly PhotoIdentity[];
  readonly parsed: ParsedPage;
}

/** The record's file: `{ format: 2, unicode, pages: { <page file>: { source, photos: [[path, identity]], parsed } } }`. */
const RECORD: KeptMapFormat<Entry> = {
  format: 2,
  field: 'pages',
  // The parse classes characters by Unicode properties (CJK breaks, punctuation): another
  // Unicode version may read the same text otherwise.
  stamp: { unicode: process.versions.unicode ?? '' },
  max: MAX_KNOWN_PAGES,
  read: readEntry,
};

export class KnownPages {
  private constructor(
    private readonly entries: KeptMap<Entry>,
    private readonly options: KnownPagesOptions,
  ) {}

  /** Nothing known, kept nowhere. */
  static none(): KnownPages {
    return new KnownPages(KeptMap.none(RECORD), {});
  }

  /** The pages known from `file`, kept there by `save`; nothing known when it cannot be read. */
  static load(file: string, options: KnownPagesOptions = {}): KnownPages {
    return new KnownPages(KeptMap.load(file, RECORD, options.afterSave), options);
  }

  /**
   * The parse of the page file `file` (its path as the parse names it) whose text is `source`:
   * the one an earlier build made, looked at again by `recheck`, when nothing it was made from has
   * changed; else `parse`'s, kept for the next build.
   */
  page(file: string, source: string, parse: () => ParsedPage, recheck: (parsed: ParsedPage) => void): ParsedPage {
    if (!this.entries.kept) return parse();
    const known = this.entries.get(file);
    if (known && known.source === source && known.photos.every(([photo, identity]) => identityOf(photo) === identity)) {
      recheck(known.parsed);
      return known.parsed;
    }
    const parsedAt = (this.options.clock ?? Date.now)();
    const parsed = parse();
    const photos = photoIdentities(parsed, parsedAt);
    if (photos) this.entries.set(file, { source, photos, parsed });
    return parsed;
  }

  /** Let go of the page files the edition no longer has (by their paths as the parse names them). */
  keepOnly(files: ReadonlySet<string>): void {
    this.entries.keepOnly(files);
  }

  /** Write what is known, whole or not at all, when anything was added or let go (kept-map.ts: never throws). */
  save(): void {
    this.entries.save();
  }
}

/** The figures of a page, in reading order: what its parse checked of the edition's files. */
export function figuresOf(parsed: ParsedPage): Figure[] {
  return parsed.page.articles.flatMap((a) => a.blocks.flatMap((b) => (b.kind === 'figure' ? [b] : [])));
}

/** The identity of the file at `path` now, or null when it cannot be read. */
function identityOf(path: string): string | null {
  try {
    return fileIdentity(statSync(path, { bigint: true }));
  } catch {
    return null;
  }
}

/** The identities of the page's photos, or undefined when one of them cannot be trusted (written racily, gone). */
function photoIdentities(parsed: ParsedPage, parsedAt: number): PhotoIdentity[] | undefined {
  const photos: PhotoIdentity[] = [];
  for (const src of new Set(figuresOf(parsed).map((f) => f.src))) {
    try {
      const stat = statSync(src, { bigint: true });
      if (writtenRacily(stat, parsedAt)) return undefined;
      photos.push([src, fileIdentity(stat)]);
    } catch {
      return undefined;
    }
  }
  return photos;
}

function readEntry(value: unknown): Entry | undefined {
  if (!isRecord(value) || typeof value.source !== 'string' || !Array.isArray(value.photos) || !isRecord(value.parsed)) return undefined;
  const photos = value.photos as unknown[];
  if (!photos.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string')) return undefined;
  const parsed = value.parsed;
  if (!isRecord(parsed.page) || !Array.isArray(parsed.page.articles) || !Array.isArray(parsed.bands)) return undefined;
  return { source: value.source, photos: photos as PhotoIdentity[], parsed: parsed as unknown as ParsedPage };
}
