import { defineConfig } from 'vitest/config';

// End-to-end specs drive Debian's Chromium (playwright-core) against the browser harness.
// One file at a time: each spec starts its own core + harness and a browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
