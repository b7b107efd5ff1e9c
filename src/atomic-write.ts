/**
 * Files written whole or not at all: each goes to `<name>.part-<pid>` first and is renamed into
 * place, so no half-written file ever takes its final name. What a killed build leaves behind is
 * cleared: on SIGINT and SIGTERM the files being written are removed before the process ends,
 * and `kill -9` litter (which no handler sees) is removed by the next build of the same edition
 * when the process that wrote it is gone.
 */
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const PART = '.part-';

/** The temporary files of one process's builds, for its signal handlers to remove. */
export class PartFiles {
  private readonly open = new Set<string>();

  /** Write `data` to `path` whole or not at all. */
  write(path: string, data: Uint8Array): void {
    const temp = `${path}${PART}${process.pid}`;
    this.open.add(temp);
    try {
      writeFileSync(temp, data);
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
