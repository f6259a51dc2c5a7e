import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Two production builds, a migration, three processes and whole census journeys, on two cores
    // shared with every other package's tests: generous limits, so only a real fault fails.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
