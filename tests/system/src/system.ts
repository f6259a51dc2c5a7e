import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';
import {
  type AuthorProcess,
  type BuiltAuthor,
  buildAuthor,
  runToEnd,
  startAuthor,
} from '../../../apps/author/src/process/author-process.ts';
import { createFreshDatabase, type FreshDatabase } from '../../../apps/author/src/process/fresh-database.ts';
import { productionSetup as authorProductionSetup } from '../../../apps/author/src/process/production-env.ts';
import { productionSetup as runnerProductionSetup } from '../../../apps/runner/src/process/production-env.ts';
import {
  type BuiltRunner,
  buildRunner,
  type RunnerProcess,
  startRunner,
} from '../../../apps/runner/src/process/runner-process.ts';
import { freePort } from '../../../packages/http-server/src/testing/free-port.ts';

/**
 * The real system, as deployed: both apps built for production (`node dist/...`), the author on a
 * fresh Postgres database migrated by its release step, a runner on Redis (a key prefix of its
 * own) reading published questionnaires from the author and delivering submissions to it. The two
 * share what they must: the runners' service credential, ACCESS_CODE_KEY, and the launch-signing
 * key (the author holds the private half, the runner trusts the public one).
 */
export interface System {
  author: AuthorProcess;
  runner: RunnerProcess;
  /** The admin account ADMIN_EMAIL/ADMIN_PASSWORD made at start-up. */
  admin: { email: string; password: string };
  /** The runners' credential, RUNNER_API_TOKEN of the author and AUTHOR_API_TOKEN of the runner. */
  runnerToken: string;
  /** ACCESS_CODE_KEY, shared by the two apps. */
  accessCodeKey: string;
  database: FreshDatabase;
  stop(): Promise<void>;
}

export async function startSystem(redisUrl: string): Promise<System> {
  const disposals: (() => unknown)[] = [];
  // Everything started is stopped and removed, in reverse order, even when one step fails.
  const stop = async () => {
    const failures: unknown[] = [];
    for (const dispose of disposals.splice(0).reverse())
      await Promise.resolve(dispose()).catch((e) => failures.push(e));
    if (failures.length > 0) throw new AggregateError(failures, 'the system did not stop cleanly');
  };
  try {
    const runnerBuild: BuiltRunner = buildRunner();
    disposals.push(() => runnerBuild.dispose());
    const authorBuild: BuiltAuthor = buildAuthor();
    disposals.push(() => authorBuild.dispose());

    const database = await createFreshDatabase();
    disposals.push(() => database.drop());
    const dataDir = await mkdtemp(join(tmpdir(), 'eq-system-'));
    disposals.push(() => rm(dataDir, { recursive: true, force: true }));

    // Each app needs the other's URL: the runner's port is chosen first, the author's after it starts.
    const runnerPort = await freePort();
    const authorSetup = await authorProductionSetup({ databaseUrl: database.url, dataDir });
    const keyPrefix = `test:system:${randomUUID()}:`;
    const runnerSetup = await runnerProductionSetup({
      redisUrl,
      authorApiUrl: 'http://127.0.0.1:1',
      authorApiToken: authorSetup.runnerToken,
      keyPrefix,
    });
    disposals.push(() => deleteKeys(redisUrl, keyPrefix));
    const authorEnv = {
      ...authorSetup.env,
      ACCESS_CODE_KEY: runnerSetup.env.ACCESS_CODE_KEY ?? '',
      LAUNCH_SIGNING_KEY: JSON.stringify(runnerSetup.launchKey),
      RUNNER_URL: `http://127.0.0.1:${runnerPort}`,
    };

    const migrated = await runToEnd([authorBuild.migrate], authorEnv);
    if (migrated.status !== 0) throw new Error(`the release step failed:\n${migrated.stdout}${migrated.stderr}`);
    const author = await startAuthor([authorBuild.main], authorEnv);
    disposals.push(() => author.stop());
    const runner = await startRunner({
      main: runnerBuild.main,
      env: {
        ...runnerSetup.env,
        AUTHOR_API_URL: author.url,
        PORT: String(runnerPort),
        LOG_LEVEL: 'info',
        // Behind a balancer, as deployed: each respondent's address comes in X-Forwarded-For.
        TRUST_PROXY: 'loopback',
      },
    });
    disposals.push(() => runner.stop());
    return {
      author,
      runner,
      admin: authorSetup.admin,
      runnerToken: authorSetup.runnerToken,
      accessCodeKey: authorEnv.ACCESS_CODE_KEY,
      database,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Removes what the runner kept in Redis under its key prefix. */
async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/**
 * Describes tests of the real system. Without TEST_DATABASE_URL and TEST_REDIS_URL they cannot
 * run, and a failing test says so: a silent skip would let CI pass without ever running them.
 */
export function describeSystem(name: string, body: (redisUrl: string) => void): void {
  const redisUrl = process.env.TEST_REDIS_URL;
  const missing = ['TEST_DATABASE_URL', 'TEST_REDIS_URL'].filter((variable) => !process.env[variable]);
  if (redisUrl && missing.length === 0) {
    describe(name, () => body(redisUrl));
    return;
  }
  describe(name, () => {
    it('needs a Postgres and a Redis: set TEST_DATABASE_URL and TEST_REDIS_URL', () => {
      throw new Error(`${missing.join(' and ')} not set, so the system was not tested`);
    });
  });
}
