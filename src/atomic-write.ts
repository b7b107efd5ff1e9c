/**
 * Files written whole or not at all: each goes to `<name>.part-<pid>` first and is renamed into
 * place, so no half-written file ever takes its final name. What a killed build leaves behind is
 * cleared: on SIGINT and SIGTERM the files being written are removed before the process ends,
 * and `kill -9` litter (which no handler sees) is removed by the next build of the same edition
 * when the process that wrote it is gone.
 */
import { closeSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const PART = '.part-';

/** The temporary files of one process's builds, for its signal handlers to remove. */
export class PartFiles {
  private readonly open = new Set<string>();

  /**
   * Write `data` to `path` whole or not at all: its bytes, or pieces written one after another
   * as they are (not joined into a copy first: fresh memory the size of the file, a page fault
   * every 4 KB).
   */
  write(path: string, data: Uint8Array | readonly Uint8Array[]): void {
    const temp = `${path}${PART}${process.pid}`;
    this.open.add(temp);
    try {
      if (data instanceof Uint8Array) writeFileSync(temp, data);
      else writePieces(temp, data);
      renameSync(temp, path);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    } finally {
      this.open.delete(temp);
    }
  }

  /** Remove every temporary file still being written (from a signal handler). */
  removeAll(): void {
    for (const temp of this.open) rmSync(temp, { force: true });
    this.open.clear();
  }
}

/** Pieces at most one writev is given (POSIX IOV_MAX is at least 16; Linux and macOS take 1,024). */
const PIECES_A_WRITE = 1024;

/** `pieces` written to a new file at `path`, in order, every byte (a writev may write fewer than asked). */
function writePieces(path: string, pieces: readonly Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    const queue = pieces.filter((p) => p.length > 0);
    for (let at = 0; at < queue.length; ) {
      let written = writevSync(fd, queue.slice(at, at + PIECES_A_WRITE));
      while (at < queue.length && written >= queue[at].length) written -= queue[at++].length;
      // A piece written in part goes again from where the write stopped.
      if (written > 0) queue[at] = queue[at].subarray(written);
    }
  } finally {
    closeSync(fd);
  }
}

/** Whether the process `pid` is running (signal 0 tests without sending). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove `<name>.part-<pid>` files left in `folder` for these final names by processes that are gone. */
export function removeStaleParts(paths: readonly string[]): void {
  const byFolder = new Map<string, Set<string>>();
  for (const path of paths) {
    const names = byFolder.get(dirname(path)) ?? new Set<string>();
    names.add(basename(path));
    byFolder.set(dirname(path), names);
  }
  for (const [folder, names] of byFolder) {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const at = entry.lastIndexOf(PART);
      if (at < 0 || !names.has(entry.slice(0, at))) continue;
      const pid = Number(entry.slice(at + PART.length));
      if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(folder, entry), { force: true });
    }
  }
}
