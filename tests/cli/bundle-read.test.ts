/**
 * The launcher's reading of the bundle and its code cache through one piece of memory
 * (bundle-read.cts): the text and the bytes are each file's own whichever is larger, a cache
 * that is missing or cannot be read is none, and a bundle that cannot be read is an error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleFiles } from '../../src/bundle-read.cjs';

function files(bundleText: string, cacheBytes?: Buffer): { bundle: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-bundle-read-'));
  const bundle = join(dir, 'cli.js');
  const cache = join(dir, 'code.bin');
  writeFileSync(bundle, bundleText, 'latin1');
  if (cacheBytes) writeFileSync(cache, cacheBytes);
  return { bundle, cache };
}

/** Bytes unlike text, so that a cache read over the text's memory would show in it. */
function bytes(length: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 7 + 3) & 0xff));
}

describe('the bundle and its code cache read through one piece of memory', () => {
  it.each([
    ['larger', 5000, 20000],
    ['smaller', 20000, 5000],
    ['as large', 8192, 8192],
  ])('gives each file its own contents when the cache is %s than the bundle', (_, textLength, cacheLength) => {
    const text = 'x=1;'.repeat(textLength / 4);
    const { bundle, cache } = files(text, bytes(cacheLength));
    const read = readBundleFiles(bundle, cache);
    expect(read.source).toBe(text);
    expect(read.cachedData?.equals(readFileSync(cache))).toBe(true);
  });

  it('gives no cache when there is none, or none is kept', () => {
    const { bundle, cache } = files('void 0;');
    expect(readBundleFiles(bundle, cache)).toEqual({ source: 'void 0;', cachedData: undefined });
    expect(readBundleFiles(bundle, undefined)).toEqual({ source: 'void 0;', cachedData: undefined });
  });

  it('gives no cache when the cache cannot be read (a folder in its place)', () => {
    const { bundle } = files('void 0;');
    expect(readBundleFiles(bundle, tmpdir()).cachedData).toBeUndefined();
  });

  it('throws when the bundle cannot be read', () => {
    const { cache } = files('void 0;', bytes(10));
    expect(() => readBundleFiles(join(tmpdir(), 'no-such-bundle-here.js'), cache)).toThrow(/ENOENT/);
  });
});
