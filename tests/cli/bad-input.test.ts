/**
 * Bad input, as a careless or hostile user would feed it: every case gets exit 0 with the right
 * text, or exit 1 (content) / 2 (usage) with file:line where there is a file and a hint — never
 * a stack trace, never exit 3, never a file left in `--out`.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { banmian } from '../helpers/tools.js';

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';

/** `n` characters of Han text, deterministic. */
function han(n: number, seed = 1): string {
  let s = '';
  let a = seed;
  for (let i = 0; i < n; i++) {
    a = (a * 1103515245 + 12345) % 2147483648;
    s += HAN[a % HAN.length];
  }
  return s;
}

const FRONT = `---
paper: 测试报
date: 2024-11-25
page: 1
section: 要闻
size: A4
columns: 4
areas:
  - a a a a
rows: [auto]
---
`;

/** An edition folder with these files (text or bytes); returns the folder. */
function edition(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-bad-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

/** Build `dir` and expect a refusal: the exit status, a message at file:line and a hint, no stack, nothing written. */
function refused(dir: string, status: 1 | 2, where: RegExp | undefined, message: RegExp, args: readonly string[] = []): string {
  const out = join(dir, 'out');
  const r = banmian(['build', dir, '--out', out, ...args]);
  expect(r.status, r.stderr).toBe(status);
  if (where) expect(r.stderr).toMatch(where);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/hint: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  return r.stderr;
}

describe('deep inputs', () => {
  it('a 5 MB paragraph is refused at its line, at once, with what to do', () => {
    const dir = edition({ '1.md': `${FRONT}\n::: article a\n\n# 标题\n\n${han(1_700_000)}。\n\n:::\n` });
    refused(dir, 1, /1\.md:17: /, /this paragraph has 1,700,001 characters, more than the 30,000 a block may hold/);
  });

  it('10,000 paragraphs: set, and refused as overset with the characters to cut (no recursion, no spread that grows with the input)', () => {
    const paragraphs = Array.from({ length: 10_000 }, (_, i) => `${han(20 + (i % 100), i + 1)}。`);
    const dir = edition({ '1.md': `${FRONT}\n::: article a\n\n# 标题\n\n${paragraphs.join('\n\n')}\n\n:::\n` });
    refused(dir, 1, /1\.md:\d+: /, /article "a" does not fit its area on page 1: \d+ characters left over/);
  });
});
