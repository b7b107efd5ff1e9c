/**
 * How a build knows that a file is as it was when an earlier build read it, without reading it:
 * as git knows an unchanged file. Its device and inode, its size, and the times of its last write
 * and its last change, in nanoseconds. Writing to a file sets its change time (ctime), which no
 * program can set back, so a file damaged, replaced or copied over since is never taken for the
 * one that was read. A file written within RACY_MS of the reading could share all of these with
 * a later version (file times come from a coarse clock): what was learnt from it is not kept.
 * (parse/known-images.ts; fonts/face-identity.ts, for text/known-layouts.ts and
 * export/pdf/known-font-programs.ts.)
 */
import { statSync, type BigIntStats } from 'node:fs';

/** A file written this long before it was read is no longer racy (git's "racily clean"). */
export const RACY_MS = 3000;

/** What a file's identity is made of: what any write to it changes. */
export function fileIdentity(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** Whether the file `stat` describes was written too close to `readAt` (ms since 1970) for its identity to be trusted later. */
export function writtenRacily(stat: BigIntStats, readAt: number): boolean {
  return Math.max(Number(stat.mtimeMs), Number(stat.ctimeMs)) > readAt - RACY_MS;
}

/** The identity of `file` read at `readAt` (ms since 1970), or null when it cannot be read or was written racily. */
export function trustedIdentity(file: string, readAt: number): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    return writtenRacily(stat, readAt) ? null : fileIdentity(stat);
  } catch {
    return null;
  }
}
