import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests are CPU-bound: with every package's tests sharing two cores, the 5 s default is too tight.
    testTimeout: 30_000,
  },
});
