import { mkdirSync } from 'node:fs';
import knex, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';

// Postgres `bigint` (counts, ids from sequences) as a JavaScript number: every one we use is far
// below 2^53. `numeric` stays a string.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export type Database = Knex;

export type DatabaseLocation =
  /** A Postgres server. */
  | { url: string; poolMax?: number }
  /** PGlite (Postgres in WebAssembly) in a folder, or in memory without one. */
  | { pgliteDir?: string };

/**
 * A knex instance on Postgres or on PGlite. The same queries and migrations run on both; PGlite
 * has one connection, so on it transactions run one at a time.
 */
export function connect(location: DatabaseLocation): Database {
  if ('url' in location) {
    return knex({
      client: 'pg',
      connection: location.url,
      pool: { min: 0, max: location.poolMax ?? 10 },
      // A query waits this long for a connection, then fails: /readyz answers 503 in good time
      // when the database is unreachable, and a busy pool sheds load rather than queueing for a minute.
      acquireConnectionTimeout: 10_000,
    });
  }
  if (location.pgliteDir) mkdirSync(location.pgliteDir, { recursive: true });
  return knex({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: location.pgliteDir ? { filename: location.pgliteDir } : {},
  });
}
