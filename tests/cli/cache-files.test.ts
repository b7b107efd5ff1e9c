/**
 * The records kept per edition folder (src/cache-files.ts): of a kind, those of other bundles
 * go, and of this bundle's only the MAX_RECORDS most recently written stay; records of another
 * kind are not touched.
 */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetEdition, MAX_RECORDS, tidyRecords, type RecordKind } from '../../src/cache-files.js';

const savedCacheDir = process.env.BANMIAN_CACHE_DIR;
afterEach(() => {
  if (savedCacheDir === undefined) delete process.env.BANMIAN_CACHE_DIR;
  else process.env.BANMIAN_CACHE_DIR = savedCacheDir;
});

describe('the records kept per edition folder', () => {
  it.each<[RecordKind, RecordKind]>([
    ['images', 'layouts'],
    ['layouts', 'words'],
    ['words', 'fonts'],
    ['fonts', 'book-fonts'],
    ['book-fonts', 'fonts'],
    ['fonts', 'images'],
    ['cover', 'book-fonts'],
    ['pages', 'images'],
  ])('keeps this bundle\'s most recent records of %s and nothing of other bundles, and leaves the %s', (kind, other) => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-records-'));
    const now = Math.floor(Date.now() / 1000);
    const names: string[] = [];
    for (let i = 0; i < MAX_RECORDS + 5; i++) {
      const name = `${kind}-aaaa-${String(i).padStart(8, '0')}.json`;
      writeFileSync(join(dir, name), '{}');
      // Record i written i seconds after the first.
      utimesSync(join(dir, name), now - 1000 + i, now - 1000 + i);
      names.push(name);
    }
    writeFileSync(join(dir, `${kind}-bbbb-00000000.json`), '{}');
    const untouched = [`${other}-aaaa-00000000.json`, `${other}-bbbb-00000000.json`, 'code-aaaa-v20.0.0-x64.bin'];
    for (const name of untouched) writeFileSync(join(dir, name), '');
    tidyRecords(dir, 'aaaa', kind);
    expect(readdirSync(dir).sort()).toEqual([...untouched, ...names.slice(5)].sort());
  });

  it('forgets one edition folder\'s records, of every kind and bundle, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-records-'));
    process.env.BANMIAN_CACHE_DIR = dir;
    const part = (folder: string): string => crc32(resolve(folder)).toString(16).padStart(8, '0');
    const forgotten = part('content');
    const kept = part('other-edition');
    for (const name of [`images-aaaa-${forgotten}.json`, `layouts-aaaa-${forgotten}.json`, `words-bbbb-${forgotten}.json`, `fonts-aaaa-${forgotten}.json`, `book-fonts-bbbb-${forgotten}.json`, `cover-aaaa-${forgotten}.json`, `pages-bbbb-${forgotten}.json`]) writeFileSync(join(dir, name), '{}');
    const untouched = [`images-aaaa-${kept}.json`, `words-aaaa-${kept}.json`, `fonts-aaaa-${kept}.json`, `book-fonts-aaaa-${kept}.json`, `cover-aaaa-${kept}.json`, `pages-aaaa-${kept}.json`, 'code-aaaa-v20.0.0-x64.bin'];
    for (const name of untouched) writeFileSync(join(dir, name), '');
    forgetEdition('content');
    expect(readdirSync(dir).sort()).toEqual(untouched.sort());
  });
});
