/**
 * What the command line keeps between builds in the user's cache folder (user-cache.cts) beside
 * the launcher's code cache: the photos and graphics found whole (parse/known-images.ts), in
 * `images-<bundle>.json`, keyed by the content hash of the bundle that checked them
 * (dist/bundle/manifest.json, written by scripts/bundle.mjs), so that a banmian whose checks
 * differ never takes another's word. Run from its modules rather than its bundle (BANMIAN_DEBUG,
 * tsc alone), the command line has no such hash and keeps nothing.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnownImages } from './parse/index.js';
import { userCacheDir } from './user-cache.cjs';

const KNOWN_IMAGES_PREFIX = 'images-';
const KNOWN_IMAGES_SUFFIX = '.json';

/** The images earlier runs of this bundle found whole, saved back by `KnownImages.save`. */
export function knownImages(): KnownImages {
  const dir = userCacheDir();
  const bundle = bundleHash();
  if (dir === undefined || bundle === undefined) return KnownImages.none();
  const stale = (name: string): boolean => name.startsWith(KNOWN_IMAGES_PREFIX) && name.endsWith(KNOWN_IMAGES_SUFFIX);
  return KnownImages.load(join(dir, `${KNOWN_IMAGES_PREFIX}${bundle}${KNOWN_IMAGES_SUFFIX}`), { stale });
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
