import { defineConfig } from 'vitest/config';

/**
 * `npm run fuzz`: the property test of tests/check/property.test.ts over thousands of generated
 * editions (BANMIAN_FUZZ, default 2000), without the suite's shared builds.
 */
export default defineConfig({
  test: {
    include: ['tests/check/property.test.ts'],
    env: { BANMIAN_FUZZ: process.env.BANMIAN_FUZZ ?? '2000' },
    testTimeout: 120_000,
  },
});
