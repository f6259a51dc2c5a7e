import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // HTTP journeys and real processes: with every package's tests sharing two cores, 5 s is too tight.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
