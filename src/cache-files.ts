/**
 * What the command line keeps between builds in the user's cache folder (user-cache.cts) beside
 * the launcher's code cache: the photos and graphics each edition folder's builds found whole
 * (parse/known-images.ts), one file per edition folder, `images-<bundle>-<folder>.json`. The
 * bundle's part is the content hash of the bundle that checked them (dist/bundle/manifest.json,
 * written by scripts/bundle.mjs), so that a banmian whose checks differ never takes another's
 * word; the folder's part is the CRC-32 of its absolute path, so that a build reads only its
 * own edition's record, however many editions the folder has seen. Run from its modules rather
 * than its bundle (BANMIAN_DEBUG, tsc alone), the command line has no such hash and keeps
 * nothing.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { KnownImages } from './parse/index.js';
import { userCacheDir } from './user-cache.cjs';

const PREFIX = 'images-';
const SUFFIX = '.json';
/** Edition folders whose records are kept: the most recently built (a day's editions, many times over). */
export const MAX_RECORDS = 64;

/** The images earlier builds of the edition folder `editionDir` found whole, saved back by `KnownImages.save`. */
export function knownImagesOf(editionDir: string): KnownImages {
  const dir = userCacheDir();
  const bundle = bundleHash();
  if (dir === undefined || bundle === undefined) return KnownImages.none();
  const folder = crc32(resolve(editionDir)).toString(16).padStart(8, '0');
  return KnownImages.load(join(dir, `${PREFIX}${bundle}-${folder}${SUFFIX}`), { afterSave: () => tidyRecords(dir, bundle) });
}

/** Remove the records of other bundles, and this bundle's beyond the MAX_RECORDS most recent. */
export function tidyRecords(dir: string, bundle: string): void {
  const own: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) continue;
    if (name.startsWith(`${PREFIX}${bundle}-`)) own.push(name);
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
