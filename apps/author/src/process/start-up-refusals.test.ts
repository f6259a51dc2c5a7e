import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltAuthor, buildAuthor, runToEnd } from './author-process.ts';
import { createFreshDatabase, type FreshDatabase } from './fresh-database.ts';
import { productionSetup } from './production-env.ts';

/** `node dist/main.js` in production refuses to start, saying why, rather than serve in a bad state. */
describe('the built author app refuses to start in production', () => {
  let built: BuiltAuthor | undefined;
  let database: FreshDatabase | undefined;
  let dataDir = '';

  beforeAll(async () => {
    built = buildAuthor();
    database = await createFreshDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'eq-author-refusals-'));
  }, 60_000);

  afterAll(async () => {
    await database?.drop();
    built?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const main = () => {
    if (!built) throw new Error('not built');
    return built.main;
  };

  it('without its production configuration, listing every problem, with no stack trace', async () => {
    const result = await runToEnd([main()], { NODE_ENV: 'production', PORT: 'eighty', DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'invalid configuration:',
      expect.stringMatching(/^ {2}- PORT: /),
      '  - DATABASE_URL: required in production',
      '  - RUNNER_API_TOKEN: required in production',
      '  - ACCESS_CODE_KEY: required in production',
      '  - LAUNCH_SIGNING_KEY: required in production',
    ]);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('with invalid values, naming each', async () => {
    const setup = await productionSetup({ databaseUrl: 'mysql://db/eq', dataDir });
    const result = await runToEnd([main()], {
      ...setup.env,
      ACCESS_CODE_KEY: 'short',
      DATABASE_POOL_MAX: '0',
      ADMIN_PASSWORD: '',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(result.stderr).toContain('ACCESS_CODE_KEY: must be at least 32 characters');
    expect(result.stderr).toContain('DATABASE_POOL_MAX: ');
    expect(result.stderr).toContain('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('on a database that has not been migrated, saying which migrations to run, and changing nothing', async () => {
    if (!database) throw new Error('no database');
    const setup = await productionSetup({ databaseUrl: database.url, dataDir });
    const result = await runToEnd([main()], setup.env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^the database schema is behind this release: \d+ migrations have not run \(0001_initial/,
    );
    expect(result.stderr).toContain('node dist/migrate.js');
    expect(await database.query("select tablename from pg_tables where schemaname = 'public'")).toEqual([]);
  });

  it('on a database one migration behind, naming that migration', async () => {
    if (!database || !built) throw new Error('no database');
    const setup = await productionSetup({ databaseUrl: database.url, dataDir });
    expect((await runToEnd([built.migrate], setup.env)).status).toBe(0);
    const [last] = await database.query<{ name: string }>(
      'delete from knex_migrations where id = (select max(id) from knex_migrations) returning name',
    );
    const result = await runToEnd([main()], setup.env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`1 migrations have not run (${last?.name})`);
  });

  it('when the database cannot be reached', async () => {
    const closedPort = await unusedPort();
    const setup = await productionSetup({ databaseUrl: `postgres://postgres@127.0.0.1:${closedPort}/eq`, dataDir });
    const result = await runToEnd([main()], setup.env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^cannot reach the database: .*ECONNREFUSED/);
  });
});

/** A port nothing listens on (just released by a listener of ours). */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}
