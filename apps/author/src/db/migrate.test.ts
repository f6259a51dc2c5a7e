import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/databases.ts';
import { connect } from './connect.ts';
import { migrateLatest, pendingMigrations } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const ALL = Object.keys(migrations).sort();

describe('pending migrations of a database never migrated', () => {
  it('are all of them, and checking creates nothing', async () => {
    const db = connect({});
    try {
      expect(await pendingMigrations(db)).toEqual(ALL);
      expect(await db.schema.hasTable('knex_migrations')).toBe(false);
      expect(await migrateLatest(db)).toEqual(ALL);
      expect(await pendingMigrations(db)).toEqual([]);
      expect(await migrateLatest(db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

describeEachDatabase('pending migrations', (database) => {
  it('are none once migrated', async () => {
    expect(await pendingMigrations(database().db)).toEqual([]);
  });

  it('name exactly the migrations the database has not run, and ignore ones it ran that this code lacks', async () => {
    const { db } = database();
    const last = ALL.at(-1) ?? '';
    await db('knex_migrations').where({ name: last }).delete();
    await db('knex_migrations').insert({ name: '9999_from_a_newer_release', batch: 99, migration_time: new Date() });
    expect(await pendingMigrations(db)).toEqual([last]);
  });
});
