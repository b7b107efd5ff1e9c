/**
 * An edition whose photo is too large to take is refused at once by the command line: exit 1,
 * the page file's line and the limit named, and no output written.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { banmian } from '../helpers/tools.js';
import { hugeDeclaredPng } from '../parse/image-files.js';

const PAGE = `---
paper: 测试报
date: 2024-11-25
page: 1
section: 要闻
size: A4
columns: 4
areas:
  - a a a a
---

::: article a
# 标题

![图表](images/huge.png "图说")

正文一段。
:::
`;

describe('banmian build with a huge image', () => {
  it('exits 1 within seconds, naming the page line and the limit, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-cli-image-'));
    mkdirSync(join(dir, 'images'));
    writeFileSync(join(dir, 'images', 'huge.png'), hugeDeclaredPng(30000, 30000, 6));
    writeFileSync(join(dir, '1.md'), PAGE);
    const out = join(dir, 'out');
    const start = performance.now();
    const r = banmian(['build', dir, '--out', out]);
    // Before the check, this file took 10.5 GB of memory and 108 s, and exited 0.
    expect(performance.now() - start).toBeLessThan(15_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1\.md:15: image images\/huge\.png is 30000 × 30000 pixels \(900 megapixels\): more than the 60 megapixels a picture may have/);
    expect(r.stderr).toMatch(/hint: scale the picture down/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(() => readdirSync(out)).toThrow();
  });
});
