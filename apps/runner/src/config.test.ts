import { describe, expect, it } from 'vitest';
import { ConfigError, readEnvironment } from './config.ts';

const KEY = 'k'.repeat(32);

/** Every value production requires, each valid. */
const PRODUCTION = {
  NODE_ENV: 'production',
  REDIS_URL: 'redis://redis.internal:6379',
  SESSION_KEY: KEY,
  ANSWER_KEY: KEY,
  ACCESS_CODE_KEY: KEY,
  LAUNCH_JWKS: '{"keys":[]}',
  AUTHOR_API_URL: 'https://author.internal',
  AUTHOR_API_TOKEN: 't'.repeat(16),
} as const;

const REQUIRED = Object.keys(PRODUCTION).filter((name) => name !== 'NODE_ENV');

function problemsOf(env: Record<string, string>): string[] {
  try {
    readEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

function without(...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(PRODUCTION).filter(([name]) => !names.includes(name)));
}

describe('the runner configuration', () => {
  it('starts in development with nothing set, on safe defaults', () => {
    const config = readEnvironment({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3001,
      RESPONSE_TTL_DAYS: 28,
      SESSION_TIMEOUT_MINUTES: 45,
      REDIS_KEY_PREFIX: 'eq:',
    });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('accepts a production environment with every required value', () => {
    const config = readEnvironment({ ...PRODUCTION, PORT: '8080', SESSION_TIMEOUT_MINUTES: '30' });
    expect(config.NODE_ENV).toBe('production');
    expect(config.PORT).toBe(8080);
    expect(config.SESSION_TIMEOUT_MINUTES).toBe(30);
    expect(config.REDIS_URL).toBe(PRODUCTION.REDIS_URL);
  });

  it.each(REQUIRED)('refuses production without %s, naming it', (name) => {
    expect(problemsOf(without(name))).toEqual([`${name}: required in production`]);
  });

  it('lists every missing value at once in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([...REQUIRED].sort());
  });

  it('lists the missing values together with the invalid ones', () => {
    const problems = problemsOf({ ...without('REDIS_URL', 'LAUNCH_JWKS'), SESSION_KEY: 'short', PORT: 'eighty' });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        'REDIS_URL: required in production',
        'LAUNCH_JWKS: required in production',
        expect.stringMatching(/^SESSION_KEY: must be at least 32 characters/),
        expect.stringMatching(/^PORT: /),
      ]),
    );
  });

  it('says what is wrong in the error message, one problem a line, without the values', () => {
    const secret = 's3cr3t-but-too-short';
    let message = '';
    try {
      readEnvironment({ ...without('REDIS_URL'), ANSWER_KEY: secret });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'invalid configuration:',
      expect.stringMatching(/^ {2}- ANSWER_KEY: must be at least 32 characters/),
      '  - REDIS_URL: required in production',
    ]);
    expect(message).not.toContain(secret);
  });

  it('refuses out-of-range numbers and unknown values in any environment', () => {
    expect(problemsOf({ SESSION_TIMEOUT_MINUTES: '2' })).toEqual([expect.stringMatching(/^SESSION_TIMEOUT_MINUTES: /)]);
    expect(problemsOf({ NODE_ENV: 'staging' })).toEqual([expect.stringMatching(/^NODE_ENV: /)]);
    expect(problemsOf({ REDIS_URL: 'not a url' })).toEqual([expect.stringMatching(/^REDIS_URL: /)]);
  });

  it('writes records in the bytes form unless told to keep to the text form for a rolling deploy', () => {
    expect(readEnvironment({}).RESPONSE_SEALED_FORM).toBe('bytes');
    expect(readEnvironment({ RESPONSE_SEALED_FORM: 'text' }).RESPONSE_SEALED_FORM).toBe('text');
    expect(problemsOf({ RESPONSE_SEALED_FORM: 'base64' })).toEqual([expect.stringMatching(/^RESPONSE_SEALED_FORM: /)]);
  });

  it('does not require production values in development or tests', () => {
    expect(problemsOf({ NODE_ENV: 'test' })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'development', REDIS_URL: 'redis://localhost:6379' })).toEqual([]);
  });
});
