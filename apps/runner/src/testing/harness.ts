import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Submission } from '@eq/schema';
import type { Express } from 'express';
import { pino } from 'pino';
import { createApp } from '../app.ts';
import { readEnvironment } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createServices, type ServiceOverrides, type Services } from '../services.ts';

export interface TestRunner {
  app: Express;
  services: Services;
  /** Submissions the fake author endpoint received, in order. */
  delivered: Submission[];
  dataDir: string;
  close(): Promise<void>;
}

export interface TestRunnerOptions {
  /** A logger of the test's own, e.g. one that keeps its lines (questionnaires/testing/capture-logger.ts). */
  logger?: Logger;
}

/**
 * A runner app for tests: development defaults (fixtures and examples from the folder source,
 * generated keys in a temporary DATA_DIR, the memory store unless one is given) and a fake
 * author endpoint that records every submission.
 */
export async function testRunner(
  env: Record<string, string> = {},
  overrides: ServiceOverrides = {},
  options: TestRunnerOptions = {},
): Promise<TestRunner> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eq-runner-test-'));
  const config = readEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const delivered: Submission[] = [];
  const services = await createServices(config, options.logger ?? pino({ level: 'silent' }), {
    deliver: async (submission) => {
      delivered.push(submission);
      return { outcome: 'delivered', status: 201 };
    },
    ...overrides,
  });
  return {
    app: createApp(services),
    services,
    delivered,
    dataDir,
    async close() {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
