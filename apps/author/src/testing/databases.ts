import { randomBytes } from 'node:crypto';
import knex from 'knex';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { connect, type Database } from '../db/connect.ts';
import { migrateLatest } from '../db/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  kind: DatabaseKind;
  db: Database;
  /** Closes the connection (and drops a Postgres test database). */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of one kind: PGlite in memory, or a new database on the Postgres
 * server at TEST_DATABASE_URL (a server URL whose user may create databases), dropped on close.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = connect({});
    await migrateLatest(db);
    return { kind, db, close: () => db.destroy() };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: no Postgres to test against');
  const name = `eq_test_${randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: TEST_DATABASE_URL, pool: { min: 0, max: 1 } });
  await admin.raw(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = connect({ url: url.toString(), poolMax: 10 });
  await migrateLatest(db);
  return {
    kind,
    db,
    async close() {
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

/**
 * Describes the same tests against PGlite and against a real Postgres, each with its own fresh
 * database for the file's `describe` block. Without TEST_DATABASE_URL the Postgres half fails
 * (it is never skipped): `npm test` and CI start a Postgres and set it.
 */
export function describeEachDatabase(title: string, body: (database: () => TestDatabase) => void): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${title} (${kind})`, () => {
      if (kind === 'postgres' && !TEST_DATABASE_URL) {
        it('needs a Postgres: set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5433/postgres', () => {
          throw new Error('TEST_DATABASE_URL is not set, so these tests did not run against Postgres');
        });
        return;
      }
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('the test database is not open yet');
        return database;
      });
    });
  }
}
