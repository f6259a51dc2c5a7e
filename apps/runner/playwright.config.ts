import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './e2e/chromium.ts';

/**
 * Browser tests of the runner (e2e/*.spec.ts), each journey with JavaScript off and on. The
 * browser is Debian's chromium, never one downloaded by Playwright; e2e/global-setup.ts starts
 * one runner for the whole run and fails with a clear message when chromium is missing.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  outputDir: '../../.data/test-results/playwright',
  // CI has two cores: one runner process and two browsers keep them busy.
  workers: 2,
  fullyParallel: true,
  forbidOnly: process.env.CI === 'true',
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI === 'true' ? 'line' : 'list',
  use: {
    // Set by the global setup, which runs before the workers that read this file again start.
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'no-js', use: { javaScriptEnabled: false } },
    { name: 'js', use: { javaScriptEnabled: true } },
  ],
});
