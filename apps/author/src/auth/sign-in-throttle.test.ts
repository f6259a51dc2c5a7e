import { beforeEach, expect, it } from 'vitest';
import { createTestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { countAttempt, PER_EMAIL_AND_IP, PER_IP, throttleKeys } from './sign-in-throttle.ts';

describeEachDatabase('sign-in throttling', (database) => {
  beforeEach(async () => {
    await database().db('sign_in_throttle').delete();
  });

  const failTimes = async (request: ReturnType<typeof testApp>['request'], email: string, times: number) => {
    for (let i = 0; i < times; i++) {
      await request()
        .post('/api/v1/auth/sign-in')
        .send({ email, password: `wrong-guess-${i}` })
        .expect(401);
    }
  };

  it('refuses the attempt after ten failures for one account from one place with 429 and Retry-After, even with the right password', async () => {
    const user = await createTestUser(database().db, 'viewer');
    const { request } = testApp(database().db);
    await failTimes(request, user.email, PER_EMAIL_AND_IP.failures);
    const refused = await request()
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(429);
    expect(refused.body.error.code).toBe('too_many_attempts');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(PER_EMAIL_AND_IP.windowMs / 1000);
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it('counts the account in any case of its email', async () => {
    const user = await createTestUser(database().db, 'viewer');
    const { request } = testApp(database().db);
    await failTimes(request, user.email.toUpperCase(), PER_EMAIL_AND_IP.failures);
    await request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(429);
  });

  it('still lets other accounts sign in from the same place', async () => {
    const user = await createTestUser(database().db, 'viewer');
    const other = await createTestUser(database().db, 'viewer');
    const { request } = testApp(database().db);
    await failTimes(request, user.email, PER_EMAIL_AND_IP.failures);
    await request().post('/api/v1/auth/sign-in').send({ email: other.email, password: other.password }).expect(200);
  });

  it('starts the account’s count again after a successful sign-in', async () => {
    const user = await createTestUser(database().db, 'viewer');
    const { request } = testApp(database().db);
    await failTimes(request, user.email, PER_EMAIL_AND_IP.failures - 1);
    await request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
    await failTimes(request, user.email, PER_EMAIL_AND_IP.failures - 1);
    await request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
  });

  it('lets the account try again once the window has ended', async () => {
    const user = await createTestUser(database().db, 'viewer');
    let clock = new Date();
    const { request } = testApp(database().db, { now: () => clock });
    await failTimes(request, user.email, PER_EMAIL_AND_IP.failures);
    await request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(429);
    clock = new Date(clock.getTime() + PER_EMAIL_AND_IP.windowMs + 1);
    await request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
  });

  it('refuses every account from a place that has failed a hundred times', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const { request } = testApp(db);
    // Where the tests' requests come from, as the app sees it (the audit log says).
    await failTimes(request, 'nobody@example.test', 1);
    const { details } = await db('audit_events').where({ action: 'sign-in-failed' }).orderBy('id', 'desc').first();
    // As if a hundred guesses at many accounts had come from there (each guess is tested above).
    await db('sign_in_throttle')
      .where({ key: throttleKeys('anyone@example.test', details.ip).ip })
      .update({ failures: PER_IP.failures });
    const refused = await request()
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // A forged X-Forwarded-For does not get round it: proxies are not trusted unless configured.
    await request()
      .post('/api/v1/auth/sign-in')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ email: user.email, password: user.password })
      .expect(429);
  });

  it('never lets a burst of parallel attempts past the limit', async () => {
    const { db } = database();
    const keys = throttleKeys('burst@example.test', '198.51.100.7');
    const at = new Date();
    const limits = { emailAndIp: { failures: 5, windowMs: 60_000 }, ip: { failures: 100, windowMs: 60_000 } };
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => countAttempt(db, keys, at, limits)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.filter((v) => !v.allowed).every((v) => !v.allowed && v.retryAfterMs === 60_000)).toBe(true);
  });
});
