/**
 * `pnpm --filter @eq/author migrate`: the release step that brings the database's schema up to
 * date (DATABASE_URL, or PGlite under DATA_DIR). A development start runs it by itself.
 */
import { readEnvironment } from '../config.ts';
import { databaseLocation } from '../services.ts';
import { connect } from './connect.ts';
import { migrateLatest } from './migrate.ts';

const env = readEnvironment(process.env);
const db = connect(databaseLocation(env));
try {
  const ran = await migrateLatest(db);
  console.log(ran.length ? `ran ${ran.length} migrations: ${ran.join(', ')}` : 'the database is up to date');
} finally {
  await db.destroy();
}
