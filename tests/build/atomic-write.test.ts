/**
 * Files written whole or not at all (atomic-write.ts): bytes, or pieces written one after
 * another as they are, give the same file under its final name and leave no part behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PartFiles } from '../../src/atomic-write.js';

const dir = mkdtempSync(join(tmpdir(), 'banmian-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PartFiles.write', () => {
  it('writes pieces as the file their bytes joined make, empty pieces and more pieces than one write takes included', () => {
    const pieces = Array.from({ length: 2500 }, (_, i) => Buffer.alloc(i % 7, i & 0xff));
    const file = join(dir, 'pieces.bin');
    new PartFiles().write(file, pieces);
    expect(readFileSync(file).equals(Buffer.concat(pieces))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.includes('.part-'))).toEqual([]);
  });

  it('writes bytes whole, and replaces what was there', () => {
    const file = join(dir, 'bytes.bin');
    new PartFiles().write(file, [Buffer.from('old file, longer than the new one')]);
    new PartFiles().write(file, Buffer.from('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('leaves nothing under either name when the folder is not there', () => {
    const file = join(dir, 'missing', 'x.bin');
    expect(() => new PartFiles().write(file, [Buffer.from('x')])).toThrow();
    expect(readdirSync(dir).some((name) => name.startsWith('missing'))).toBe(false);
  });
});
