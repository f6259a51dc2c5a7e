/**
 * Development start (`pnpm --filter @eq/author dev`; `npm start` runs it with the runner): PGlite
 * under DATA_DIR unless DATABASE_URL is set, keys shared with the development runner through
 * DATA_DIR, the schema migrated, an admin account to sign in with, and the bundled examples
 * published as demo data on a fresh database. Logs JSON lines, as in production.
 */
import { createApp } from './app.ts';
import { readEnvironmentOrExit } from './config.ts';
import { migrateLatest } from './db/migrate.ts';
import { developmentAdmin } from './demo/admin.ts';
import { seedDemoData } from './demo/seed.ts';
import { serve } from './serve.ts';
import { authorKeys, createServices } from './services.ts';
import { ensureAdmin } from './users/ensure-admin.ts';

const env = readEnvironmentOrExit(process.env);
if (env.NODE_ENV === 'production') {
  process.stderr.write('src/dev.ts is the development start: in production build, migrate, then `node dist/main.js`\n');
  process.exit(1);
}
const admin = await developmentAdmin(env);
const services = createServices(
  { ...env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
  await authorKeys(env),
);
const { logger, db } = services;

const ran = await migrateLatest(db);
if (ran.length > 0) logger.info({ migrations: ran }, 'database migrated');
await ensureAdmin(services);
// The password itself never reaches a log line: `npm start` prints it from the file.
logger.info(
  { email: admin.email, passwordFrom: admin.from },
  'development admin: sign in with this email and password',
);

const user = await db('users').whereRaw('lower(email) = lower(?)', [admin.email]).first<{ id: string }>('id');
const seeded = await seedDemoData(db, user && { id: user.id, email: admin.email });
if (seeded)
  logger.info({ questionnaires: seeded.map(({ slug, version }) => `${slug} v${version}`) }, 'demo data published');

await serve(createApp(services), services);
