/**
 * The records of photos found whole, one per edition folder (src/cache-files.ts): those of other
 * bundles go, and of this bundle's only the MAX_RECORDS most recently written stay.
 */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECORDS, tidyRecords } from '../../src/cache-files.js';

describe('the records of photos found whole', () => {
  it('keeps this bundle\'s most recent records and nothing of other bundles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-records-'));
    const now = Math.floor(Date.now() / 1000);
    const names: string[] = [];
    for (let i = 0; i < MAX_RECORDS + 5; i++) {
      const name = `images-aaaa-${String(i).padStart(8, '0')}.json`;
      writeFileSync(join(dir, name), '{}');
      // Record i written i seconds after the first.
      utimesSync(join(dir, name), now - 1000 + i, now - 1000 + i);
      names.push(name);
    }
    writeFileSync(join(dir, 'images-bbbb-00000000.json'), '{}');
    writeFileSync(join(dir, 'code-aaaa-v20.0.0-x64.bin'), '');
    tidyRecords(dir, 'aaaa');
    expect(readdirSync(dir).sort()).toEqual(['code-aaaa-v20.0.0-x64.bin', ...names.slice(5)].sort());
  });
});
