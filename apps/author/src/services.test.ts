import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeys, ensureDevLaunchKeys } from '@eq/dev-keys';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnvironment } from './config.ts';
import { authorKeys, databaseLocation } from './services.ts';
import { TEST_KEYS } from './testing/app.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eq-author-keys-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the author app’s keys', () => {
  it('in development are the ones a development runner reads from DATA_DIR, even when both start at once', async () => {
    const env = readEnvironment({ DATA_DIR: dataDir });
    const [keys, runner, runnerLaunch] = await Promise.all([
      authorKeys(env),
      ensureDevKeys(dataDir),
      ensureDevLaunchKeys(dataDir),
    ]);
    expect(keys).toEqual({
      runnerToken: runner.runnerToken,
      accessCodeKey: runner.accessCodeKey,
      launchSigningKey: JSON.stringify(runnerLaunch.privateJwk),
    });
    expect(await authorKeys(env)).toEqual(keys);
  });

  it('come from the environment when set there, and then no file is written', async () => {
    const env = readEnvironment({
      DATA_DIR: dataDir,
      RUNNER_API_TOKEN: 'runner-token-from-the-environment',
      ACCESS_CODE_KEY: 'k'.repeat(32),
      LAUNCH_SIGNING_KEY: TEST_KEYS.launchSigningKey,
    });
    expect(await authorKeys(env)).toEqual({
      runnerToken: 'runner-token-from-the-environment',
      accessCodeKey: 'k'.repeat(32),
      launchSigningKey: TEST_KEYS.launchSigningKey,
    });
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('the database location', () => {
  it('is Postgres with the configured pool size when DATABASE_URL is set, else PGlite under DATA_DIR', () => {
    const postgres = readEnvironment({ DATABASE_URL: 'postgres://db/eq', DATABASE_POOL_MAX: '4' });
    expect(databaseLocation(postgres)).toEqual({ url: 'postgres://db/eq', poolMax: 4 });
    expect(databaseLocation(readEnvironment({ DATA_DIR: '/srv/eq' }))).toEqual({ pgliteDir: '/srv/eq/author-db' });
  });
});
