import { describe, expect, it } from 'vitest';
import { ConfigError, readEnvironment } from './config.ts';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    readEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('the configuration', () => {
  it('has safe defaults in development: PGlite under .data, port 3000, a pool of 10', () => {
    expect(readEnvironment({})).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATA_DIR: '.data',
      DATABASE_POOL_MAX: 10,
      RUNNER_URL: 'http://localhost:3001',
    });
    expect(readEnvironment({}).DATABASE_URL).toBeUndefined();
  });

  it('requires the database, the keys and the runners’ token in production, listing every missing one', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: required in production',
      'RUNNER_API_TOKEN: required in production',
      'ACCESS_CODE_KEY: required in production',
      'LAUNCH_SIGNING_KEY: required in production',
    ]);
  });

  it('refuses a launch signing key that is not a private ES256 or RS256 JSON Web Key, saying so', () => {
    expect(problemsOf({ LAUNCH_SIGNING_KEY: 'secret' })).toEqual([
      'LAUNCH_SIGNING_KEY: is not JSON: give a private JSON Web Key',
    ]);
    expect(problemsOf({ LAUNCH_SIGNING_KEY: JSON.stringify({ kty: 'oct', k: 'abc' }) })).toEqual([
      'LAUNCH_SIGNING_KEY: must be a private EC P-256 (ES256) or RSA (RS256) JSON Web Key',
    ]);
  });

  it('reads the Postgres pool size, within 1 to 100', () => {
    expect(readEnvironment({ DATABASE_POOL_MAX: '25' }).DATABASE_POOL_MAX).toBe(25);
    expect(problemsOf({ DATABASE_POOL_MAX: '0' })).toEqual([expect.stringMatching(/^DATABASE_POOL_MAX: /)]);
    expect(problemsOf({ DATABASE_POOL_MAX: 'lots' })).toEqual([expect.stringMatching(/^DATABASE_POOL_MAX: /)]);
  });

  it('names each invalid value alongside the missing ones', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'mysql://x', ADMIN_EMAIL: 'a@example.org' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL: must be a postgres:// URL',
        'RUNNER_API_TOKEN: required in production',
        'ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither',
      ]),
    );
  });
});
