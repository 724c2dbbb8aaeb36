import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the built site in headless Chromium: `npx vitest run -c vitest.e2e.config.ts`.
 * The global setup rebuilds `dist/` when it is older than its sources (`E2E_REBUILD=1` forces a
 * build, `E2E_NO_BUILD=1` skips it) and serves it on 127.0.0.1.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // One browser per test file is plenty; running files one at a time keeps timings stable.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
