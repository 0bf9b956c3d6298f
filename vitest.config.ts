import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Soak tests (the large kill-and-resume runs) have their own command: `npm run test:soak`. */
export const SOAK_TESTS = '**/*.soak.test.ts';

/** Tests that replace modules with vi.mock (Electron's API, mostly); they run isolated. */
const MOCKING_TESTS = ['electron/main/**/*.test.ts', 'electron/preload/**/*.test.ts'];

/** Bundles core's process entry once per run for every forked core (test/core/coreEntryBuild.ts). */
export const CORE_ENTRY_BUILD = './test/core/coreEntryBuild.ts';

export default defineConfig({
  plugins: [react()],
  test: {
    testTimeout: 60_000,
    // vitest runs availableParallelism - 1 workers by default: one on a 2-core machine, where
    // much of a test's time is spent waiting on loopback HTTP, forked cores and SQLite. Two
    // workers: 202 s -> 118 s wall for npm test on this 2-core machine, all green.
    maxWorkers: 2,
    hookTimeout: 60_000,
    exclude: [...configDefaults.exclude, SOAK_TESTS],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          globalSetup: [CORE_ENTRY_BUILD],
          include: [
            'electron/**/*.test.ts',
            'shared/**/*.test.ts',
            'test/**/*.test.ts',
            'bench/**/*.test.ts',
            'scripts/**/*.test.ts',
            // The renderer's pure logic (stores, formatting, windows) needs no DOM.
            'renderer/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, SOAK_TESTS, ...MOCKING_TESTS],
          // Test files share a worker's module graph instead of importing core, zod and the
          // fakes again per file: 167 s -> 81 s wall for this project on 2 cores. Files that
          // replace modules (vi.mock) need a fresh graph each: they run in 'main' below.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Main and preload tests stand in for Electron with vi.mock, so each file gets its own
          // module graph.
          name: 'main',
          environment: 'node',
          globalSetup: [CORE_ENTRY_BUILD],
          include: MOCKING_TESTS,
        },
      },
      {
        extends: true,
        test: {
          // Only files that render get a DOM.
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.tsx'],
          // Views the window loads on demand are loaded up front, as the app preloads them.
          setupFiles: ['./test/renderer/loadLazyViews.ts', './test/renderer/asyncUtilTimeout.ts'],
          // One jsdom and one import of React, the stores and core per worker instead of per file
          // (renderWithApi resets the stores, closeAllCoreApis the cores): 86 s -> 26 s wall for
          // this project on 2 cores.
          isolate: false,
        },
      },
    ],
  },
});
