import { join, resolve } from 'node:path';
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
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { pgliteDir: resolve(join(env.DATA_DIR, 'author-db')) };
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
