import { expect, it } from 'vitest';
import { readEnvironment } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createServices } from '../services.ts';
import { createTestUser, TEST_KEYS, testApp } from '../testing/app.ts';
import { describeEachDatabase, type TestDatabase } from '../testing/databases.ts';
import { ensureAdmin } from './ensure-admin.ts';

const PASSWORD = 'seeded-admin-password';

function servicesWith(database: TestDatabase, env: Record<string, string>) {
  return createServices(readEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }), TEST_KEYS, {
    db: database.db,
    logger: createLogger('silent'),
  });
}

describeEachDatabase('the admin account from ADMIN_EMAIL and ADMIN_PASSWORD', (database) => {
  it('does nothing when they are not set', async () => {
    const { db } = database();
    const before = await db('users').count({ n: '*' }).first();
    await ensureAdmin(servicesWith(database(), {}));
    expect(await db('users').count({ n: '*' }).first()).toEqual(before);
  });

  it('creates the admin, who can then sign in', async () => {
    await ensureAdmin(servicesWith(database(), { ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: PASSWORD }));
    const response = await testApp(database().db)
      .request()
      .post('/api/v1/auth/sign-in')
      .send({ email: 'root@example.test', password: PASSWORD })
      .expect(200);
    expect(response.body.user).toMatchObject({ email: 'root@example.test', role: 'admin' });
  });

  it('is idempotent: a second start-up leaves one account', async () => {
    const services = servicesWith(database(), { ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: PASSWORD });
    await ensureAdmin(services);
    await ensureAdmin(services);
    expect(await database().db('users').whereRaw("lower(email) = 'root@example.test'")).toHaveLength(1);
  });

  it('makes an existing account (in another case) an active admin with that password', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    await db('users').where({ id: user.id }).update({ active: false });
    await ensureAdmin(servicesWith(database(), { ADMIN_EMAIL: user.email.toUpperCase(), ADMIN_PASSWORD: PASSWORD }));
    expect(await db('users').where({ id: user.id }).first()).toMatchObject({ role: 'admin', active: true });
    const { request } = testApp(db);
    await request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(401);
    await request().post('/api/v1/auth/sign-in').send({ email: user.email, password: PASSWORD }).expect(200);
  });
});
