/**
 * young-generation.cts: held, V8's young generation keeps its size while what is made lives on;
 * released, it grows again; a worker thread's heap, made after the hold, sets V8's growth back
 * (why the command line holds it once its threads are made). Each case in a process of its own,
 * the flags being the process's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers/tools.js';

const MODULE = join(ROOT, 'dist/young-generation.cjs');

/**
 * The new space's size before and after keeping a million small objects, once `setUp` (a
 * script's text) has run and a hundred thousand have been kept (a new space not yet used is
 * reported smaller than its first capacity).
 */
function growth(setUp: string): { before: number; after: number } {
  const script = `
    const v8 = require('node:v8');
    const young = require(${JSON.stringify(MODULE)});
    const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    (async () => {
      ${setUp}
      const kept = [];
      for (let i = 0; i < 1e5; i++) kept.push({ i });
      const before = size();
      for (let i = 0; i < 1e6; i++) kept.push({ i });
      process.stdout.write(JSON.stringify({ before, after: size(), kept: kept.length }));
    })();`;
  const r = run(process.execPath, ['-e', script]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { before: number; after: number };
}

describe('the young generation', () => {
  it('grows as V8 grows it when not held', () => {
    const { before, after } = growth('');
    expect(after).toBeGreaterThan(before);
  });

  it('keeps its size while held', () => {
    const { before, after } = growth('young.holdYoungGeneration();');
    expect(after).toBe(before);
  });

  it('grows again once released', () => {
    const { before, after } = growth('young.holdYoungGeneration(); young.releaseYoungGeneration();');
    expect(after).toBeGreaterThan(before);
  });

  it('grows again after a worker thread is made, and keeps its size when held after that', () => {
    const worker = `const { Worker } = require('node:worker_threads');
      const w = new Worker('0', { eval: true });
      await new Promise((ready) => w.once('online', ready));`;
    const lost = growth(`young.holdYoungGeneration(); ${worker}`);
    expect(lost.after).toBeGreaterThan(lost.before);
    const kept = growth(`${worker} young.holdYoungGeneration();`);
    expect(kept.after).toBe(kept.before);
  });
});
