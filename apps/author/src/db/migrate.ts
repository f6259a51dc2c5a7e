import type { Knex } from 'knex';
import { migrations } from './migrations/index.ts';

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
  const [, names] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
  return names;
}
