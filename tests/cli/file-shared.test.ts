/**
 * file-shared.ts: a file's bytes in shared memory, the same bytes readFileSync gives, posted to a
 * worker thread without a copy; a missing file is the same error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readFileShared } from '../../src/file-shared.js';

function file(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'banmian-file-shared-')), 'photo.jpg');
  writeFileSync(path, bytes);
  return path;
}

describe('a file read into shared memory', () => {
  it('holds the bytes readFileSync gives, over a SharedArrayBuffer', () => {
    const path = file(Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff)));
    const bytes = readFileShared(path);
    expect(bytes.equals(readFileSync(path))).toBe(true);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('reads an empty file as no bytes', () => {
    expect(readFileShared(file(Buffer.alloc(0))).length).toBe(0);
  });

  it('is posted to a thread without a copy: what the thread writes, this one reads', async () => {
    const bytes = readFileShared(file(Buffer.from([1, 2, 3])));
    const worker = new Worker("require('node:worker_threads').parentPort.once('message', (b) => { b[0] = 9; process.exit(0); });", { eval: true });
    const exited = new Promise((done) => worker.once('exit', done));
    worker.postMessage(bytes);
    expect(await exited).toBe(0);
    expect([...bytes]).toEqual([9, 2, 3]);
  });

  it('fails on a missing file as readFileSync does', () => {
    expect(() => readFileShared(join(tmpdir(), 'no-such-photo-here.jpg'))).toThrow(/ENOENT/);
  });
});
