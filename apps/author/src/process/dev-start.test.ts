import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCode } from '@eq/access-code';
import { ensureDevKeys, ensureDevLaunchKeys } from '@eq/dev-keys';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledExamples } from '../demo/examples.ts';
import { type AuthorProcess, DEV_START, startAuthor } from './author-process.ts';

/**
 * `pnpm --filter @eq/author dev` (what `npm start` runs) on a fresh DATA_DIR, started at the same
 * moment as a development runner reads its keys there.
 */
describe('the development start on a fresh DATA_DIR', () => {
  let dataDir = '';
  let author: AuthorProcess | undefined;
  let runnerKeys: Awaited<ReturnType<typeof ensureDevKeys>>;
  let runnerLaunchKeys: Awaited<ReturnType<typeof ensureDevLaunchKeys>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'eq-author-dev-'));
    // What the runner calls as it starts, racing the author app for the same files.
    [author, runnerKeys, runnerLaunchKeys] = await Promise.all([
      startAuthor(DEV_START, devEnv()),
      ensureDevKeys(dataDir),
      ensureDevLaunchKeys(dataDir),
    ]);
  }, 120_000);

  afterAll(async () => {
    await author?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const devEnv = () => ({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  const running = () => {
    if (!author) throw new Error('the author app did not start');
    return author;
  };

  it('migrates the database and publishes every bundled example as version 1', async () => {
    const { logs } = running();
    expect(logs.some((line) => line.msg === 'database migrated')).toBe(true);
    const published = logs.find((line) => line.msg === 'demo data published');
    expect(published?.questionnaires).toEqual(bundledExamples().map(({ name }) => `${name} v1`));
  });

  it('creates an admin whose generated password, kept in DATA_DIR, signs in (and is never logged)', async () => {
    const { email, password } = JSON.parse(await readFile(join(dataDir, 'author-admin.json'), 'utf8'));
    const { user } = await signIn({ email, password });
    expect(user).toMatchObject({ email: 'admin@example.com', role: 'admin' });
    expect(JSON.stringify(running().logs)).not.toContain(password);
  });

  it('accepts the development runner’s token for the runner API', async () => {
    const response = await fetch(`${running().url}/api/v1/published/social-survey`, {
      headers: { authorization: `Bearer ${runnerKeys.runnerToken}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ slug: 'social-survey', version: 1, openAccess: true });
  });

  it('issues launch tokens and access codes that the development runner’s keys verify', async () => {
    const session = await signIn(JSON.parse(await readFile(join(dataDir, 'author-admin.json'), 'utf8')));
    const questionnaireId = await questionnaireIdOf(session, 'social-survey');

    const launch = await call(session, 'POST', `/api/v1/questionnaires/${questionnaireId}/launch-tokens`, {});
    expect(launch.status).toBe(201);
    const { token } = (await launch.json()) as { token: string };
    const { payload } = await jwtVerify(token, createLocalJWKSet(JSON.parse(runnerLaunchKeys.jwks)));
    expect(payload).toMatchObject({ questionnaire: 'social-survey' });

    const issued = await call(session, 'POST', `/api/v1/questionnaires/${questionnaireId}/access-codes`, { count: 1 });
    expect(issued.status).toBe(201);
    const { codes, series } = (await issued.json()) as { codes: string[]; series: number };
    expect(verifyCode(runnerKeys.accessCodeKey, codes[0])).toMatchObject({ ok: true, series });
  });

  it('keeps its data on a second start, which neither migrates nor seeds again', async () => {
    expect(await running().stop()).toEqual({ code: 0, signal: null });
    author = await startAuthor(DEV_START, devEnv());
    const messages = author.logs.map((line) => line.msg);
    expect(messages).not.toContain('database migrated');
    expect(messages).not.toContain('demo data published');
    const session = await signIn(JSON.parse(await readFile(join(dataDir, 'author-admin.json'), 'utf8')));
    const surveys = await call(session, 'GET', '/api/v1/surveys');
    const refs = ((await surveys.json()) as { surveys: { surveyRef: string }[] }).surveys.map((s) => s.surveyRef);
    expect(refs.sort()).toEqual(['009', 'census', 'demo']);
  }, 120_000);

  interface Session {
    user: { email: string; role: string };
    cookie: string;
    csrfToken: string;
  }

  async function signIn(credentials: { email: string; password: string }): Promise<Session> {
    const response = await fetch(`${running().url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: credentials.email, password: credentials.password }),
    });
    expect(response.status).toBe(200);
    const { user, csrfToken } = (await response.json()) as Omit<Session, 'cookie'>;
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { user, cookie, csrfToken };
  }

  function call(session: Session, method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${running().url}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** The questionnaire published under the slug, found as an editor would: survey by survey. */
  async function questionnaireIdOf(session: Session, slug: string): Promise<string> {
    const { surveys } = (await (await call(session, 'GET', '/api/v1/surveys')).json()) as { surveys: { id: string }[] };
    for (const survey of surveys) {
      const listed = await call(session, 'GET', `/api/v1/surveys/${survey.id}/questionnaires`);
      const { questionnaires } = (await listed.json()) as { questionnaires: { id: string; slug?: string | null }[] };
      for (const { id } of questionnaires) {
        const settings = await call(session, 'GET', `/api/v1/questionnaires/${id}/settings`);
        if (((await settings.json()) as { slug: string | null }).slug === slug) return id;
      }
    }
    throw new Error(`no questionnaire has the slug ${slug}`);
  }
});
