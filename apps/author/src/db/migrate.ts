import type { Knex } from 'knex';
import { migrations } from './migrations/index.ts';

/** Knex's own record of the migrations it ran. */
const MIGRATIONS_TABLE = 'knex_migrations';

/** Knex reads migrations from this list, so they work from source and from a bundle alike. */
const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    return migration;
  },
};

/** Brings the database's schema up to date; returns the names of the migrations it ran. */
export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, names] = (await db.migrate.latest({ migrationSource: source, tableName: MIGRATIONS_TABLE })) as [
    number,
    string[],
  ];
  return names;
}

/**
 * The migrations this code has that the database has not run, in order. Only reads (knex's own
 * `migrate.list` would create its tables): a production instance checks this at start-up and
 * refuses to serve an older schema. Migrations the database has and this code lacks (a newer
 * release migrated first) are not a reason to refuse: migrations keep the previous release working.
 */
export async function pendingMigrations(db: Knex): Promise<string[]> {
  const known = await source.getMigrations([]);
  if (!(await db.schema.hasTable(MIGRATIONS_TABLE))) return known;
  const ran = new Set((await db(MIGRATIONS_TABLE).select<{ name: string }[]>('name')).map((row) => row.name));
  return known.filter((name) => !ran.has(name));
}
