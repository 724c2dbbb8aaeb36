import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the built site in headless Chromium: `npx vitest run -c vitest.e2e.config.ts`.
 * The global setup rebuilds `dist/` when it is older than its sources (`E2E_REBUILD=1` forces a
 * build, `E2E_NO_BUILD=1` skips it) and serves it on 127.0.0.1.
 */
export default defineConfig({
  test: {
    // The gates over dist/ (budgets, links, the /lr/ build) run here, one file at a time, like the
    // browser tests: they build and drive Chromium too.
    include: ['test/e2e/**/*.test.ts', 'test/gates/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // One browser per test file is plenty; running files one at a time keeps timings stable.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
