/**
 * The user's cache folder for banmian: `$XDG_CACHE_HOME/banmian` (else `~/.cache/banmian`), or
 * BANMIAN_CACHE_DIR, where an empty value keeps no cache at all. It holds the launcher's code
 * cache (launch.cts) and what earlier builds found out (cache-files.ts). Nothing a build
 * writes depends on what is there.
 *
 * CommonJS, like the launcher, which reads it before any of the command line's code loads.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function userCacheDir(): string | undefined {
  const chosen = process.env.BANMIAN_CACHE_DIR;
  if (chosen !== undefined) return chosen === '' ? undefined : chosen;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'banmian');
}
