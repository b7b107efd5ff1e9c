/** Shared helpers for tests that check built files with outside tools. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(ROOT, 'dist/cli.js');

/** typocheck.py beside the checkout (../shared/tools), or where BANMIAN_TYPOCHECK points. */
export function typocheckPath(): string {
  const candidates = [process.env.BANMIAN_TYPOCHECK, join(ROOT, '../shared/tools/typocheck.py')].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`typocheck.py not found (looked in ${candidates.join(', ')}); set BANMIAN_TYPOCHECK`);
  return found;
}

export interface TypocheckResult {
  readonly lines: number;
  readonly start_violations: number;
  readonly end_violations: number;
  readonly split_pairs: number;
  readonly flush_ratio: number | null;
  readonly grid_ratio: number | null;
  readonly han_recall?: number;
  readonly han_missing?: number;
}

export function typocheck(pdf: string, source?: string): TypocheckResult {
  const args = [typocheckPath(), pdf, ...(source ? ['--source', source] : [])];
  return JSON.parse(execFileSync('python3', args, { encoding: 'utf8' })) as TypocheckResult;
}

export function run(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Run the built command line. */
export function banmian(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number; stdout: string; stderr: string } {
  return run(process.execPath, [CLI, ...args], options);
}

export function epubcheck(file: string): { status: number; output: string } {
  const r = run('java', ['-jar', '/usr/share/java/epubcheck.jar', file]);
  return { status: r.status, output: r.stdout + r.stderr };
}

export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
