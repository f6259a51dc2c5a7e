import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { readEnvironment } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createServices } from '../services.ts';
import { bearer, createTestUser, TEST_KEYS, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { SESSION_COOKIE, SESSION_IDLE_MS } from './authenticate.ts';
import { hashSecret } from './secrets.ts';
import { sessionCookieOf, signIn } from './testing.ts';

describeEachDatabase('signing in and out', (database) => {
  const app = () => testApp(database().db);

  it('signs in with email and password, answering the user and a CSRF token', async () => {
    const user = await createTestUser(database().db, 'editor');
    const response = await app()
      .request()
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    expect(response.body).toEqual({
      user: { id: user.id, email: user.email, name: user.name, role: 'editor' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie for the idle lifetime, not Secure outside production', async () => {
    const user = await createTestUser(database().db, 'viewer');
    const response = await app()
      .request()
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    const cookie = sessionCookieOf(response);
    expect(cookie.has('httponly')).toBe(true);
    expect(cookie.get('samesite')).toBe('Strict');
    expect(cookie.get('path')).toBe('/');
    expect(cookie.get('max-age')).toBe(String(SESSION_IDLE_MS / 1000));
    expect(cookie.has('secure')).toBe(false);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('keeps only the SHA-256 of the session token in the database', async () => {
    const user = await createTestUser(database().db, 'viewer');
    const response = await app()
      .request()
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    const token = sessionCookieOf(response).get('value') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);
    const sessions = await database().db('sessions').where({ user_id: user.id }).select('id', 'csrf_token');
    expect(sessions).toEqual([{ id: hashSecret(token), csrf_token: response.body.csrfToken }]);
  });

  it('replaces the browser’s session when it signs in again (which, being signed in, needs the CSRF token)', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const agent = app().request();
    const csrfToken = await signIn(agent, user);
    const credentials = { email: user.email, password: user.password };
    await agent.post('/api/v1/auth/sign-in').send(credentials).expect(403);
    const again = await agent.post('/api/v1/auth/sign-in').set('X-CSRF-Token', csrfToken).send(credentials).expect(200);
    expect(again.body.csrfToken).not.toBe(csrfToken);
    const sessions = await db('sessions').where({ user_id: user.id }).select('csrf_token');
    expect(sessions).toEqual([{ csrf_token: again.body.csrfToken }]);
    expect((await agent.get('/api/v1/auth/session').expect(200)).body.csrfToken).toBe(again.body.csrfToken);
  });

  it('matches the email in any case', async () => {
    const user = await createTestUser(database().db, 'viewer');
    await app()
      .request()
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email.toUpperCase(), password: user.password })
      .expect(200);
  });

  it('gives one answer for an unknown email, a wrong password and a deactivated account', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const deactivated = await createTestUser(db, 'viewer');
    await db('users').where({ id: deactivated.id }).update({ active: false });
    const { request } = app();
    const answers = [
      await request()
        .post('/api/v1/auth/sign-in')
        .send({ email: 'nobody@example.test', password: user.password })
        .expect(401),
      await request()
        .post('/api/v1/auth/sign-in')
        .send({ email: user.email, password: 'not-the-password' })
        .expect(401),
      await request()
        .post('/api/v1/auth/sign-in')
        .send({ email: deactivated.email, password: deactivated.password })
        .expect(401),
    ];
    for (const answer of answers) {
      expect(answer.body).toEqual({
        error: { code: 'sign_in_refused', message: 'the email or password is not right' },
      });
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('records sign-ins and refusals in the audit log, never the password', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const { request } = app();
    await request()
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: 'wrong-password-123' })
      .expect(401);
    await request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
    const events = await db('audit_events')
      .where({ subject_id: user.id })
      .orderBy('id')
      .select('action', 'actor_id', 'details');
    expect(events.map((e) => [e.action, e.actor_id, e.details.reason])).toEqual([
      ['sign-in-failed', null, 'wrong-password'],
      ['sign-in', user.id, undefined],
    ]);
    const everything = JSON.stringify(await db('audit_events').select());
    expect(everything).not.toContain('wrong-password-123');
    expect(everything).not.toContain(user.password);
  });

  it('answers who is signed in, with the CSRF token for a cookie session and without for a token', async () => {
    const user = await createTestUser(database().db, 'editor');
    const agent = app().request();
    const csrfToken = await signIn(agent, user);
    const bySession = await agent.get('/api/v1/auth/session').expect(200);
    expect(bySession.body).toEqual({
      user: { id: user.id, email: user.email, name: user.name, role: 'editor' },
      via: 'session',
      csrfToken,
    });
    const byToken = await app().request().get('/api/v1/auth/session').set(bearer(user)).expect(200);
    expect(byToken.body).toEqual({
      user: { id: user.id, email: user.email, name: user.name, role: 'editor' },
      via: 'token',
    });
  });

  it('refuses anonymous callers with 401', async () => {
    const { request } = app();
    expect((await request().get('/api/v1/auth/session').expect(401)).body.error.code).toBe('unauthenticated');
    expect((await request().post('/api/v1/auth/sign-out').expect(401)).body.error.code).toBe('unauthenticated');
  });

  it('signs out only with the CSRF token, then ends the session and clears the cookie', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const agent = app().request();
    const csrfToken = await signIn(agent, user);
    const missing = await agent.post('/api/v1/auth/sign-out').expect(403);
    expect(missing.body.error.code).toBe('csrf_token_invalid');
    await agent.post('/api/v1/auth/sign-out').set('X-CSRF-Token', `${csrfToken}x`).expect(403);
    await agent.get('/api/v1/auth/session').expect(200);

    const signedOut = await agent.post('/api/v1/auth/sign-out').set('X-CSRF-Token', csrfToken).expect(204);
    const cleared = sessionCookieOf(signedOut);
    expect(cleared.get('value')).toBe('');
    expect(new Date(cleared.get('expires') ?? '').getTime()).toBeLessThan(Date.now());
    expect(await db('sessions').where({ user_id: user.id }).count({ n: '*' }).first()).toEqual({ n: 0 });
    const events = await db('audit_events').where({ actor_id: user.id, action: 'sign-out' });
    expect(events).toHaveLength(1);
  });

  it('no longer accepts a signed-out session token, even when it is sent again', async () => {
    const user = await createTestUser(database().db, 'viewer');
    const agent = app().request();
    const response = await agent
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    const token = sessionCookieOf(response).get('value');
    await agent.post('/api/v1/auth/sign-out').set('X-CSRF-Token', response.body.csrfToken).expect(204);
    await app().request().get('/api/v1/auth/session').set('Cookie', `${SESSION_COOKIE}=${token}`).expect(401);
  });

  it('refuses sign-out for a bearer token, which has no session to end', async () => {
    const user = await createTestUser(database().db, 'viewer');
    const response = await app().request().post('/api/v1/auth/sign-out').set(bearer(user)).expect(400);
    expect(response.body.error.code).toBe('not_a_session');
  });

  it('ends a session once its idle lifetime has passed', async () => {
    const user = await createTestUser(database().db, 'viewer');
    let clock = new Date();
    const { request } = testApp(database().db, { now: () => clock });
    const agent = request();
    await signIn(agent, user);
    clock = new Date(clock.getTime() + SESSION_IDLE_MS - 1000);
    await agent.get('/api/v1/auth/session').expect(200);
    // That request moved the session's end on: a full idle lifetime after it, it has ended.
    clock = new Date(clock.getTime() + SESSION_IDLE_MS + 1000);
    await agent.get('/api/v1/auth/session').expect(401);
  });

  it.each([
    ['no body', undefined],
    ['a missing password', { email: 'a@example.test' }],
    ['a number for the email', { email: 42, password: 'x' }],
    ['an unknown field', { email: 'a@example.test', password: 'long-enough-password', admin: true }],
    ['a hostile email', { email: "'; drop table users; --", password: 'long-enough-password' }],
    ['markup for the email', { email: '<script>alert(1)</script>@example.test', password: 'long-enough-password' }],
    ['an overlong password', { email: 'a@example.test', password: 'x'.repeat(1025) }],
    ['an overlong email', { email: `${'a'.repeat(250)}@example.test`, password: 'long-enough-password' }],
  ])('refuses sign-in with %s as 400, recording nothing', async (_case, body) => {
    const { db } = database();
    const before = [await db('audit_events').count({ n: '*' }).first(), await db('sessions').count({ n: '*' }).first()];
    const response = await app().request().post('/api/v1/auth/sign-in').send(body).expect(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.details.length).toBeGreaterThan(0);
    const after = [await db('audit_events').count({ n: '*' }).first(), await db('sessions').count({ n: '*' }).first()];
    expect(after).toEqual(before);
  });
});

describe('the session cookie in production', () => {
  it('is Secure', async () => {
    const { openTestDatabase } = await import('../testing/databases.ts');
    const database = await openTestDatabase('pglite');
    try {
      const env = readEnvironment({
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        DATABASE_URL: 'postgres://unused.invalid/eq',
        RUNNER_API_TOKEN: TEST_KEYS.runnerToken,
        ACCESS_CODE_KEY: TEST_KEYS.accessCodeKey,
        LAUNCH_SIGNING_KEY: TEST_KEYS.launchSigningKey,
      });
      const services = createServices(env, TEST_KEYS, { db: database.db, logger: createLogger('silent') });
      const user = await createTestUser(database.db, 'viewer');
      const response = await supertest(createApp(services))
        .post('/api/v1/auth/sign-in')
        .send({ email: user.email, password: user.password })
        .expect(200);
      const cookie = sessionCookieOf(response);
      expect(cookie.has('secure')).toBe(true);
      expect(cookie.has('httponly')).toBe(true);
      expect(cookie.get('samesite')).toBe('Strict');
    } finally {
      await database.close();
    }
  });
});
