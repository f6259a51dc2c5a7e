/**
 * Production entry point (`node dist/main.js`): configuration from the environment, checked before
 * anything starts; the schema migrated beforehand by the release step (`node dist/migrate.js`),
 * never here; then the admin account of ADMIN_EMAIL, the server, and a graceful stop on SIGTERM.
 */
import { createApp } from './app.ts';
import { readEnvironmentOrExit } from './config.ts';
import { pendingMigrations } from './db/migrate.ts';
import { serve } from './serve.ts';
import { authorKeys, createServices, type Services } from './services.ts';
import { ensureAdmin } from './users/ensure-admin.ts';

const env = readEnvironmentOrExit(process.env);
const services = createServices(env, await authorKeys(env));
await refuseUnlessSchemaCurrent(services);
await ensureAdmin(services);
await serve(createApp(services), services);

/** Exits 1 with a clear message when the database is unreachable or its schema is behind this code. */
async function refuseUnlessSchemaCurrent({ db }: Services): Promise<void> {
  let pending: string[];
  try {
    pending = await pendingMigrations(db);
  } catch (error) {
    await fail(`cannot reach the database: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (pending.length > 0) {
    await fail(
      `the database schema is behind this release: ${pending.length} migrations have not run (${pending.join(', ')}).\n` +
        'Run the release step first: `node dist/migrate.js` (pnpm --filter @eq/author migrate).',
    );
  }

  async function fail(message: string): Promise<void> {
    process.stderr.write(`${message}\n`);
    await db.destroy();
    process.exit(1);
  }
}
