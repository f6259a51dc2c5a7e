import { join, resolve } from 'node:path';
import { ensureDevKeys, ensureDevLaunchKeys } from '@eq/dev-keys';
import type { Environment } from './config.ts';
import { connect, type Database, type DatabaseLocation } from './db/connect.ts';
import { createLogger, type Logger } from './logger.ts';

/** Secrets the app works with, from the environment (or generated for development). */
export interface AuthorKeys {
  /** The credential runners present (their AUTHOR_API_TOKEN). */
  runnerToken: string;
  /** Shared with runners: access codes are issued with it. */
  accessCodeKey: string;
  /** The private JSON Web Key that signs launch tokens, as JSON text. */
  launchSigningKey: string;
}

/** Everything the routes need, built once at start-up (and by tests, with their own parts). */
export interface Services {
  env: Environment;
  logger: Logger;
  db: Database;
  keys: AuthorKeys;
  now: () => Date;
}

/** Postgres at DATABASE_URL, else PGlite under DATA_DIR. */
export function databaseLocation(env: Environment): DatabaseLocation {
  return env.DATABASE_URL
    ? { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX }
    : { pgliteDir: resolve(join(env.DATA_DIR, 'author-db')) };
}

/**
 * The keys from the environment. Outside production a key not set there comes from the files in
 * DATA_DIR that a development runner reads too (see @eq/dev-keys), so the two apps trust each
 * other with no set-up; in production the configuration has already required all of them.
 */
export async function authorKeys(env: Environment): Promise<AuthorKeys> {
  const development = env.NODE_ENV !== 'production';
  const shared =
    development && !(env.RUNNER_API_TOKEN && env.ACCESS_CODE_KEY) ? await ensureDevKeys(env.DATA_DIR) : undefined;
  const launch = development && !env.LAUNCH_SIGNING_KEY ? await ensureDevLaunchKeys(env.DATA_DIR) : undefined;
  const required = (value: string | undefined, name: string): string => {
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  return {
    runnerToken: required(env.RUNNER_API_TOKEN ?? shared?.runnerToken, 'RUNNER_API_TOKEN'),
    accessCodeKey: required(env.ACCESS_CODE_KEY ?? shared?.accessCodeKey, 'ACCESS_CODE_KEY'),
    launchSigningKey: required(
      env.LAUNCH_SIGNING_KEY ?? (launch && JSON.stringify(launch.privateJwk)),
      'LAUNCH_SIGNING_KEY',
    ),
  };
}

export function createServices(env: Environment, keys: AuthorKeys, overrides: Partial<Services> = {}): Services {
  return {
    env,
    logger: overrides.logger ?? createLogger(env.LOG_LEVEL),
    db: overrides.db ?? connect(databaseLocation(env)),
    keys,
    now: overrides.now ?? (() => new Date()),
  };
}
