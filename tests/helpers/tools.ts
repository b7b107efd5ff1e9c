/** Shared helpers for tests that run the command line or check built files with Debian's tools. */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(ROOT, 'dist/launch.cjs');

export function run(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 });
  // A command that did not run, or was killed by a signal (a crash), has no exit status to
  // compare: say so, with what it printed, rather than fail on a status of -1.
  if (r.error || r.status === null) {
    throw new Error(`${cmd} ${args.join(' ')}: ${r.error ? r.error.message : `killed by ${r.signal}`}\n--- stderr ---\n${r.stderr ?? ''}\n--- stdout (end) ---\n${(r.stdout ?? '').slice(-2000)}`);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run the built command line. */
export function banmian(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number; stdout: string; stderr: string } {
  return run(process.execPath, [CLI, ...args], options);
}

export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
