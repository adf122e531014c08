import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`npm run test:e2e`): Chromium through playwright-core against a real Homeward started by
 * global-setup.ts. One file at a time: a 2-core machine runs one browser well, and the files share the demo
 * accounts (a TOTP code is accepted once per account). The JSON report is read by scripts/ci-summary.mjs.
 */
export default defineConfig({
  root: `${import.meta.dirname}/..`,
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    retry: 0,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/e2e-browser.json' },
  },
});
