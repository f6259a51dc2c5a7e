import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file opens its own databases (PGlite takes seconds to open on a busy machine).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
