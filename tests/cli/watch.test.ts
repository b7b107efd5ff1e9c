/**
 * `banmian build --watch`: the first build, then another on every save, saves by rename (as
 * editors make them) included; a content error is printed and the watch goes on; Ctrl-C stops
 * it with 130.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JUMP } from '../helpers/runs.js';
import { CLI } from '../helpers/tools.js';

const WAIT_MS = 20_000;
const tmp = mkdtempSync(join(tmpdir(), 'banmian-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Save as an editor does: a new file renamed over the old. */
function save(file: string, change: (text: string) => string): void {
  const next = `${file}.swp`;
  writeFileSync(next, change(readFileSync(file, 'utf8')));
  renameSync(next, file);
}

describe('banmian build --watch', () => {
  it('builds again on each save, reports a broken page and goes on, and stops on Ctrl-C', async () => {
    const dir = join(tmp, 'edition');
    cpSync(JUMP, dir, { recursive: true });
    const child = spawn(process.execPath, [CLI, 'build', dir, '--out', join(tmp, 'out'), '--format', 'pdf', '--watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = async (what: () => boolean): Promise<void> => {
      const started = Date.now();
      while (!what()) {
        if (Date.now() - started > WAIT_MS) throw new Error(`timed out; stdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    // A build is counted once its check line is out (the line before it is written apart).
    const builds = (): number => (stdout.match(/check: .* 0 error\(s\)/g) ?? []).length;
    const page = join(dir, '1.md');
    try {
      await until(() => stdout.includes('banmian: watching'));
      expect(builds()).toBe(1);
      save(page, (t) => t.replace('# 敢啃“硬骨头”', '# 新敢啃“硬骨头”'));
      await until(() => builds() === 2);
      expect(stdout).toContain('characters placed 5,942/5,942');
      save(page, (t) => t.replace(/^columns: (.*)$/m, 'columns: [$1'));
      await until(() => /1\.md:\d+: invalid YAML/.test(stderr));
      save(page, (t) => t.replace(/^columns: \[(.*)$/m, 'columns: $1'));
      await until(() => builds() === 3);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
  }, 60_000);
});
