/**
 * The release step that brings the database's schema up to date (DATABASE_URL, or PGlite under
 * DATA_DIR): `node dist/migrate.js` (`pnpm --filter @eq/author migrate`) after a build, or
 * `pnpm --filter @eq/author migrate:dev` from source. A development start migrates by itself; a
 * production instance refuses to start until this has run.
 */
import { readEnvironmentOrExit } from '../config.ts';
import { databaseLocation } from '../services.ts';
import { connect } from './connect.ts';
import { migrateLatest } from './migrate.ts';

const env = readEnvironmentOrExit(process.env);
const db = connect(databaseLocation(env));
try {
  const ran = await migrateLatest(db);
  console.log(ran.length ? `ran ${ran.length} migrations: ${ran.join(', ')}` : 'the database is up to date');
} catch (error) {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
