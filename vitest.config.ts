import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Whole-edition builds load 25 MB of fonts and subset them: give them time.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: builds in parallel files fight for them; run files one after another.
    fileParallelism: false,
  },
});
