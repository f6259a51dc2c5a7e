import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { slowRequest } from '@eq/http-server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorProcess, type BuiltAuthor, buildAuthor, runToEnd, startAuthor } from './author-process.ts';
import { createFreshDatabase, type FreshDatabase } from './fresh-database.ts';
import { type ProductionSetup, productionSetup } from './production-env.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

/**
 * The built app as deployed: `node dist/migrate.js` as the release step, then `node dist/main.js`
 * in production mode against a real Postgres (reached through a proxy the test can cut).
 */
describe('the built author app (node dist/main.js) in production', () => {
  let built: BuiltAuthor | undefined;
  let database: FreshDatabase | undefined;
  let proxy: TcpProxy | undefined;
  let dataDir = '';
  let setup: ProductionSetup;
  let author: AuthorProcess;

  beforeAll(async () => {
    built = buildAuthor();
    database = await createFreshDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'eq-author-production-'));
    const server = new URL(database.url);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    setup = await productionSetup({ databaseUrl: viaProxy.toString(), dataDir });

    const migrated = await runToEnd([built.migrate], setup.env);
    expect(migrated.stderr).toBe('');
    expect(migrated.stdout).toMatch(/^ran \d+ migrations: 0001_initial/);
    expect(migrated.status).toBe(0);
    author = await startAuthor([built.main], setup.env);
  }, 120_000);

  afterAll(async () => {
    await author?.stop();
    await proxy?.close();
    await database?.drop();
    built?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('is what the PaaS manifest runs: the release step, then the server', async () => {
    if (!built) throw new Error('not built');
    const procfile = await readFile(new URL('../../../../infra/author/Procfile', import.meta.url), 'utf8');
    const commands = Object.fromEntries(
      procfile
        .trim()
        .split('\n')
        .map((line) => line.split(/:\s*/, 2)),
    );
    expect(commands).toEqual({
      release: `cd apps/author && exec node dist/${basename(built.migrate)}`,
      web: `cd apps/author && exec node dist/${basename(built.main)}`,
    });
  });

  it('migrates once: the release step run again has nothing to do', async () => {
    if (!built) throw new Error('not built');
    const again = await runToEnd([built.migrate], setup.env);
    expect(again).toMatchObject({ status: 0, stdout: 'the database is up to date\n', stderr: '' });
  });

  it('is healthy and ready, and logs JSON lines', async () => {
    expect(await (await fetch(`${author.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${author.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
    expect(author.logs.find((line) => line.msg === 'author listening')).toMatchObject({ env: 'production' });
    expect(author.stderr()).toBe('');
  });

  it('serves the OpenAPI document of the API', async () => {
    const response = await fetch(`${author.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/sign-in', '/api/v1/surveys', '/api/v1/submissions']),
    );
  });

  it('has made ADMIN_EMAIL an admin who signs in with ADMIN_PASSWORD, over a Secure cookie', async () => {
    const response = await signIn(setup.admin);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: unknown }).user).toMatchObject({
      email: setup.admin.email,
      role: 'admin',
    });
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/);
    expect(author.logs.some((line) => line.msg === 'admin account created' && line.email === setup.admin.email)).toBe(
      true,
    );
  });

  it('accepts the runners’ token from RUNNER_API_TOKEN, and no other', async () => {
    const as = (token: string) =>
      fetch(`${author.url}/api/v1/openapi.json`, { headers: { authorization: `Bearer ${token}` } });
    expect((await as(setup.runnerToken)).status).toBe(200);
    expect((await as(`${setup.runnerToken}x`)).status).toBe(401);
  });

  it('writes nothing into DATA_DIR: production keys come from the environment', async () => {
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('is not ready while the database is unreachable, and ready again once it is back', async () => {
    if (!proxy) throw new Error('no proxy');
    await proxy.cut();
    const unready = await fetch(`${author.url}/readyz`);
    expect(unready.status).toBe(503);
    expect(await unready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    expect((await fetch(`${author.url}/healthz`)).status).toBe(200);
    await proxy.restore();
    expect((await fetch(`${author.url}/readyz`)).status).toBe(200);
  });

  // Last: it stops the process.
  it('on SIGTERM finishes the request in flight, refuses new connections, then exits 0', async () => {
    const body = JSON.stringify(setup.admin);
    const half = Math.floor(body.length / 2);
    const slow = slowRequest(
      `${author.url}/api/v1/auth/sign-in`,
      'POST',
      { 'content-type': 'application/json' },
      body.length,
    );
    // The server's "100 Continue" says it has the request: from now on it is in flight.
    await slow.continued;
    slow.write(body.slice(0, half));

    author.kill('SIGTERM');
    await author.waitForLog((line) => line.msg === 'shutting down: finishing requests in flight');
    await expect(fetch(`${author.url}/healthz`)).rejects.toThrow();
    expect(author.logs.some((line) => line.msg === 'stopped')).toBe(false);

    slow.write(body.slice(half));
    const response = await slow.response;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).user).toMatchObject({ email: setup.admin.email });
    expect(response.connection).toBe('close');

    expect(await author.exited).toEqual({ code: 0, signal: null });
    const messages = author.logs.map((line) => line.msg);
    expect(messages.slice(messages.indexOf('shutting down: finishing requests in flight'))).toEqual(
      expect.arrayContaining(['request completed', 'stopped']),
    );
  });

  function signIn(credentials: { email: string; password: string }): Promise<Response> {
    return fetch(`${author.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
  }
});
