/**
 * What the command line keeps between builds in the user's cache folder (user-cache.cts) beside
 * the launcher's code cache, one file of each per edition folder: the photos and graphics its
 * builds found whole (parse/known-images.ts, `images-<bundle>-<folder>.json`), the page files
 * they parsed (parse/known-pages.ts, `pages-…`), the OpenType
 * layouts they made (text/known-layouts.ts, `layouts-…`), the word segments ICU gave their
 * heads (text/known-words.ts, `words-…`), the font programs their PDFs embedded
 * (export/pdf/known-font-programs.ts, `fonts-…`; read from there, not the exporter's index, so
 * that pdfkit loads only when a PDF is made), the font subsets their books embedded
 * (export/epub/known-book-fonts.ts, `book-fonts-…`) and their books' covers
 * (export/epub/known-cover.ts, `cover-…`). The bundle's part is the content hash of the bundle
 * that made them (dist/bundle/manifest.json, written by scripts/bundle.mjs), so that a banmian
 * whose checks or layouts differ never takes another's word; the folder's part is the CRC-32 of
 * its absolute path, so that a build reads only its own edition's records, however many
 * editions the folder has seen. Run from its modules rather than its bundle (BANMIAN_DEBUG, tsc
 * alone), the command line has no such hash and keeps nothing.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { KnownBookFonts } from './export/epub/known-book-fonts.js';
import { KnownCovers } from './export/epub/known-cover.js';
import { KnownFontPrograms } from './export/pdf/known-font-programs.js';
import { FaceIdentities } from './fonts/index.js';
import { KnownImages, KnownPages } from './parse/index.js';
import { KnownLayouts, KnownWords } from './text/index.js';
import { userCacheDir } from './user-cache.cjs';

/** The kinds of record, each the start of its files' names. */
export type RecordKind = 'images' | 'pages' | 'layouts' | 'words' | 'fonts' | 'book-fonts' | 'cover';
const RECORD_KINDS: readonly RecordKind[] = ['images', 'pages', 'layouts', 'words', 'fonts', 'book-fonts', 'cover'];
const SUFFIX = '.json';
/** Edition folders whose records of a kind are kept: the most recently built (a day's editions, many times over). */
export const MAX_RECORDS = 64;

/** Where the record of `kind` of the edition folder `editionDir` is kept, and how to tidy after writing it; undefined when nothing is kept. */
function recordOf(kind: RecordKind, editionDir: string): { file: string; afterSave: () => void } | undefined {
  const dir = userCacheDir();
  const bundle = bundleHash();
  if (dir === undefined || bundle === undefined) return undefined;
  return { file: join(dir, `${kind}-${bundle}-${folderPart(editionDir)}${SUFFIX}`), afterSave: () => tidyRecords(dir, bundle, kind) };
}

/** An edition folder's part of its records' names: the CRC-32 of its absolute path. */
function folderPart(editionDir: string): string {
  return crc32(resolve(editionDir)).toString(16).padStart(8, '0');
}

/** A kind of record as its class makes it: read from its file, or kept nowhere. */
interface RecordClass<T> {
  load(file: string, options: { afterSave: () => void; faces?: FaceIdentities }): T;
  none(): T;
}

/**
 * The record of `kind` of the edition folder `editionDir`, tidied after it is saved; kept nowhere
 * when the command line keeps nothing. A record that knows faces uses `faces`, the identities its
 * edition's other records use (each face file looked at once, not once a record).
 */
function keptOf<T>(kind: RecordKind, editionDir: string, record: RecordClass<T>, faces?: FaceIdentities): T {
  const kept = recordOf(kind, editionDir);
  return kept ? record.load(kept.file, { afterSave: kept.afterSave, ...(faces ? { faces } : {}) }) : record.none();
}

/** The images earlier builds of the edition folder `editionDir` found whole, saved back by `KnownImages.save`. */
export function knownImagesOf(editionDir: string): KnownImages {
  return keptOf('images', editionDir, KnownImages);
}

/** The page files earlier builds of the edition folder `editionDir` parsed, saved back by `KnownPages.save`. */
export function knownPagesOf(editionDir: string): KnownPages {
  return keptOf('pages', editionDir, KnownPages);
}

/** The OpenType layouts earlier builds of the edition folder `editionDir` made, saved back by `KnownLayouts.save`. */
export function knownLayoutsOf(editionDir: string, faces?: FaceIdentities): KnownLayouts {
  return keptOf('layouts', editionDir, KnownLayouts, faces);
}

/** The word segments ICU gave earlier builds of the edition folder `editionDir`, saved back by `KnownWords.save`. */
export function knownWordsOf(editionDir: string): KnownWords {
  return keptOf('words', editionDir, KnownWords);
}

/** The font programs earlier builds of the edition folder `editionDir` embedded, saved back by `KnownFontPrograms.save`. */
export function knownFontProgramsOf(editionDir: string, faces?: FaceIdentities): KnownFontPrograms {
  return keptOf('fonts', editionDir, KnownFontPrograms, faces);
}

/** The font subsets earlier books of the edition folder `editionDir` embedded, saved back by `KnownBookFonts.save`. */
export function knownBookFontsOf(editionDir: string, faces?: FaceIdentities): KnownBookFonts {
  return keptOf('book-fonts', editionDir, KnownBookFonts, faces);
}

/** The cover earlier books of the edition folder `editionDir` drew, saved back by `KnownCovers.save`. */
export function knownCoversOf(editionDir: string, faces?: FaceIdentities): KnownCovers {
  return keptOf('cover', editionDir, KnownCovers, faces);
}

/** One build's identities of the face files, for an edition folder's records to share (`faces` above). */
export function sharedFaceIdentities(): FaceIdentities {
  return new FaceIdentities();
}

/**
 * Remove every record of the edition folder `editionDir`, of any bundle: its next build is
 * that of an edition new to the machine (the bench times one so).
 */
export function forgetEdition(editionDir: string): void {
  const dir = userCacheDir();
  if (dir === undefined) return;
  const folder = `-${folderPart(editionDir)}${SUFFIX}`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.endsWith(folder) && RECORD_KINDS.some((kind) => name.startsWith(`${kind}-`))) rmSync(join(dir, name), { force: true });
  }
}

/** Remove the records of `kind` of other bundles, and this bundle's beyond the MAX_RECORDS most recent. */
export function tidyRecords(dir: string, bundle: string, kind: RecordKind): void {
  const prefix = `${kind}-`;
  const own: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith(SUFFIX)) continue;
    if (name.startsWith(`${prefix}${bundle}-`)) own.push(name);
    else rmSync(join(dir, name), { force: true });
  }
  if (own.length <= MAX_RECORDS) return;
  const byAge = own.map((name) => ({ name, written: statSync(join(dir, name)).mtimeMs })).sort((a, b) => b.written - a.written);
  for (const { name } of byAge.slice(MAX_RECORDS)) rmSync(join(dir, name), { force: true });
}

/** The content hash of the bundle this code runs in, or undefined when it is not run from one. */
function bundleHash(): string | undefined {
  // In a bundle, every module's import.meta.url is the bundle's file (scripts/import-meta-url.js).
  const self = fileURLToPath(import.meta.url);
  try {
    const manifest = JSON.parse(readFileSync(join(dirname(self), 'manifest.json'), 'utf8')) as { cli?: unknown; hash?: unknown };
    return manifest.cli === basename(self) && typeof manifest.hash === 'string' ? manifest.hash : undefined;
  } catch {
    return undefined;
  }
}
