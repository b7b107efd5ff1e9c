/**
 * The interrupt budget and inlining a build runs under (v8-tiers.ts): the start-up ones for an
 * edition of a few pages, lower ones from LONG_EDITION_TEXT_BYTES of page files on. (Importing the module sets
 * its start-up flags in this process too: they change how soon code is optimised, not what it does.)
 */
import { describe, expect, it } from 'vitest';
import { interruptBudgetFor, LONG_EDITION_TEXT_BYTES, maxInlinedBytecodeFor, parallelScavengeFor } from '../../src/v8-tiers.js';

describe('the interrupt budget of a build', () => {
  it('is the start-up budget below a long edition and a lower one from it on', () => {
    const short = interruptBudgetFor(0);
    expect(interruptBudgetFor(LONG_EDITION_TEXT_BYTES - 1)).toBe(short);
    const long = interruptBudgetFor(LONG_EDITION_TEXT_BYTES);
    expect(long).toBeLessThan(short);
    expect(interruptBudgetFor(10 * LONG_EDITION_TEXT_BYTES)).toBe(long);
  });

  it("inlines smaller functions from a long edition on, and V8's default below it", () => {
    const short = maxInlinedBytecodeFor(0);
    expect(maxInlinedBytecodeFor(LONG_EDITION_TEXT_BYTES - 1)).toBe(short);
    const long = maxInlinedBytecodeFor(LONG_EDITION_TEXT_BYTES);
    expect(long).toBeLessThan(short);
    expect(maxInlinedBytecodeFor(10 * LONG_EDITION_TEXT_BYTES)).toBe(long);
  });

  it('collects a long edition\'s young generation on the calling thread alone', () => {
    expect(parallelScavengeFor(0)).toBe(true);
    expect(parallelScavengeFor(LONG_EDITION_TEXT_BYTES - 1)).toBe(true);
    expect(parallelScavengeFor(LONG_EDITION_TEXT_BYTES)).toBe(false);
  });
});
