/**
 * The interrupt budget, inlining and scavenges a build runs under (v8-tiers.ts): the start-up
 * ones for an edition of a few pages, a long edition's from LONG_EDITION_TEXT_BYTES of page files
 * on. (Importing the module sets its start-up flags in this process too: they change how soon
 * code is optimised and how the young generation is collected, not what the code does.)
 */
import { describe, expect, it } from 'vitest';
import { interruptBudgetFor, LONG_EDITION_TEXT_BYTES, maxInlinedBytecodeFor, parallelScavengeFor } from '../../src/v8-tiers.js';

describe("a build's V8 tiers", () => {
  it.each([
    ['interrupt budget', interruptBudgetFor],
    ['largest function inlined', maxInlinedBytecodeFor],
  ])('has the start-up %s below a long edition and a lower one from it on', (_, of) => {
    const short = of(0);
    expect(of(LONG_EDITION_TEXT_BYTES - 1)).toBe(short);
    const long = of(LONG_EDITION_TEXT_BYTES);
    expect(long).toBeLessThan(short);
    expect(of(10 * LONG_EDITION_TEXT_BYTES)).toBe(long);
  });

  it("collects a long edition's young generation on the calling thread alone", () => {
    expect(parallelScavengeFor(0)).toBe(true);
    expect(parallelScavengeFor(LONG_EDITION_TEXT_BYTES - 1)).toBe(true);
    expect(parallelScavengeFor(LONG_EDITION_TEXT_BYTES)).toBe(false);
  });
});
