/**
 * The page builder's per-build cache (src/compose/line-cache.ts): what it makes once and what it
 * makes again. Loosening (loosen.ts) is kept per article and columns: the measuring and
 * setting steps ask for the same one.
 */
import { describe, expect, it } from 'vitest';
import { LineCache, type Loosened } from '../../src/compose/line-cache.js';

describe('LineCache.loosened', () => {
  const made = (): { make: () => Loosened; calls: () => number } => {
    let calls = 0;
    return {
      make: () => {
        calls++;
        return { slabs: [], flow: null };
      },
      calls: () => calls,
    };
  };

  it('makes an article loosened into the same columns once, and gives the same result again', () => {
    const cache = new LineCache();
    const article = {};
    const { make, calls } = made();
    const first = cache.loosened(article, '117|18|0:0|0:40,0:40', make);
    expect(cache.loosened(article, '117|18|0:0|0:40,0:40', make)).toBe(first);
    expect(calls()).toBe(1);
  });

  it('makes it again for other columns or another article', () => {
    const cache = new LineCache();
    const article = {};
    const { make, calls } = made();
    cache.loosened(article, '117|18|0:0|0:40,0:40', make);
    cache.loosened(article, '117|18|0:0|0:40,0:39', make);
    cache.loosened({}, '117|18|0:0|0:40,0:40', make);
    expect(calls()).toBe(3);
  });
});
