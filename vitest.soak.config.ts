// `npm run test:soak`: the large kill-and-resume runs (200,000, 50,000 and 20,000 followers) that
// `npm test` runs only small. CI runs both.
import { defineConfig } from 'vitest/config';
import { CORE_ENTRY_BUILD, SOAK_TESTS } from './vitest.config';

export default defineConfig({
  test: {
    name: 'soak',
    environment: 'node',
    include: [SOAK_TESTS],
    globalSetup: [CORE_ENTRY_BUILD],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
