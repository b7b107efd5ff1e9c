import { defineConfig } from 'vitest/config';
import SharedWorkLast from './tests/setup/sequencer.js';

export default defineConfig({
  // TypeScript's CommonJS modules (src/*.cts, which the launcher shares) are TypeScript too.
  esbuild: { include: /\.[cm]?tsx?$/ },
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the sample and fixture editions once, in the background, and checks every EPUB of
    // the run with one EPUBCheck; tests wait for what they read (tests/setup/runs.ts).
    globalSetup: ['tests/setup/global-setup.ts'],
    sequence: { sequencer: SharedWorkLast },
    // Whole-edition builds load 25 MB of fonts and subset them: give them time.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: the shared builds take one, the test files run one after another on the other.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
