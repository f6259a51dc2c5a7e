import { defineConfig } from 'vitest/config';

// `npm test` runs every package's tests in one Vitest run.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests/*'],
  },
});
