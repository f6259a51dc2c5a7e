import { expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { sessionCookieOf, signIn } from '../auth/testing.ts';
import { bearer, createTestUser, RUNNER_AUTH, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

const NEW_USER = {
  email: 'Ada.Lovelace@Example.test',
  name: 'Ada Lovelace',
  role: 'editor',
  password: 'analytical-engine-1843',
};

describeEachDatabase('managing users', (database) => {
  const app = () => testApp(database().db);

  it('lets an admin create a user, who can then sign in with any case of their email', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const created = await app().request().post('/api/v1/users').set(bearer(admin)).send(NEW_USER).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: 'ada.lovelace@example.test',
      name: 'Ada Lovelace',
      role: 'editor',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const stored = await db('users').where({ id: created.body.id }).first();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    await app()
      .request()
      .post('/api/v1/auth/sign-in')
      .send({ email: NEW_USER.email, password: NEW_USER.password })
      .expect(200);
    const event = await db('audit_events').where({ action: 'user.create', subject_id: created.body.id }).first();
    expect(event.actor_id).toBe(admin.id);
    expect(JSON.stringify(event)).not.toContain(NEW_USER.password);
  });

  it('refuses a second user with the same email in another case with 409', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const existing = await createTestUser(db, 'viewer');
    const response = await app()
      .request()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...NEW_USER, email: existing.email.toUpperCase() })
      .expect(409);
    expect(response.body.error.code).toBe('email_taken');
  });

  it('lists users for admins only', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const editor = await createTestUser(db, 'editor');
    const viewer = await createTestUser(db, 'viewer');
    const list = await app().request().get('/api/v1/users').set(bearer(admin)).expect(200);
    const emails = list.body.users.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining([admin.email, editor.email, viewer.email]));
    expect(JSON.stringify(list.body)).not.toContain('argon2');
    for (const user of [editor, viewer]) {
      const refused = await app().request().get('/api/v1/users').set(bearer(user)).expect(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    await app().request().get('/api/v1/users').set(RUNNER_AUTH).expect(403);
    await app().request().get('/api/v1/users').expect(401);
  });

  it('refuses editors and viewers every change to users, changing nothing', async () => {
    const { db } = database();
    const editor = await createTestUser(db, 'editor');
    const viewer = await createTestUser(db, 'viewer');
    const before = await db('users').count({ n: '*' }).first();
    for (const user of [editor, viewer]) {
      await app().request().post('/api/v1/users').set(bearer(user)).send(NEW_USER).expect(403);
      await app().request().patch(`/api/v1/users/${user.id}`).set(bearer(user)).send({ role: 'admin' }).expect(403);
    }
    expect((await db('users').where({ id: editor.id }).first()).role).toBe('editor');
    expect(await db('users').count({ n: '*' }).first()).toEqual(before);
  });

  it('changes a user’s name and role, recording what changed', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const user = await createTestUser(db, 'viewer');
    const changed = await app()
      .request()
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin))
      .send({ name: 'Grace Hopper', role: 'editor' })
      .expect(200);
    expect(changed.body).toMatchObject({ id: user.id, name: 'Grace Hopper', role: 'editor', active: true });
    const me = await app().request().get('/api/v1/auth/session').set(bearer(user)).expect(200);
    expect(me.body.user.role).toBe('editor');
    const event = await db('audit_events').where({ action: 'user.update', subject_id: user.id }).first();
    expect(event.details.changes).toEqual({
      name: { from: user.name, to: 'Grace Hopper' },
      role: { from: 'viewer', to: 'editor' },
    });
  });

  it('deactivates a user: their cookie session and their API token stop working at once', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const user = await createTestUser(db, 'editor');
    const agent = app().request();
    await signIn(agent, user);
    await agent.get('/api/v1/auth/session').expect(200);
    await app().request().get('/api/v1/tokens').set(bearer(user)).expect(200);

    const changed = await app()
      .request()
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin))
      .send({ active: false })
      .expect(200);
    expect(changed.body.active).toBe(false);
    await agent.get('/api/v1/auth/session').expect(401);
    const byToken = await app().request().get('/api/v1/tokens').set(bearer(user)).expect(401);
    expect(byToken.body.error.code).toBe('invalid_token');
    await app().request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(401);
    expect(await db('sessions').where({ user_id: user.id })).toHaveLength(0);
    const event = await db('audit_events').where({ action: 'user.deactivate', subject_id: user.id }).first();
    expect(event.details).toMatchObject({ changes: { active: { from: true, to: false } }, sessionsEnded: 1 });

    await app().request().patch(`/api/v1/users/${user.id}`).set(bearer(admin)).send({ active: true }).expect(200);
    await app().request().get('/api/v1/tokens').set(bearer(user)).expect(200);
  });

  it('refuses a deactivated user’s session even when its cookie is replayed', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const user = await createTestUser(db, 'viewer');
    const agent = app().request();
    const response = await agent
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    const token = sessionCookieOf(response).get('value');
    await app().request().patch(`/api/v1/users/${user.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    await app().request().get('/api/v1/auth/session').set('Cookie', `${SESSION_COOKIE}=${token}`).expect(401);
  });

  it('sets a new password: the old one stops working and the user’s sessions end', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const user = await createTestUser(db, 'viewer');
    const agent = app().request();
    await signIn(agent, user);
    await app()
      .request()
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin))
      .send({ password: 'a-brand-new-passphrase' })
      .expect(200);
    await agent.get('/api/v1/auth/session').expect(401);
    await app().request().post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(401);
    await app()
      .request()
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: 'a-brand-new-passphrase' })
      .expect(200);
    const event = await db('audit_events').where({ action: 'user.update', subject_id: user.id }).first();
    expect(event.details.changes).toEqual({ password: 'changed' });
    expect(JSON.stringify(event)).not.toContain('a-brand-new-passphrase');
  });

  it('lets an admin with a cookie session manage users only with the CSRF token', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const agent = app().request();
    const csrfToken = await signIn(agent, admin);
    const body = { ...NEW_USER, email: 'csrf.check@example.test' };
    await agent.post('/api/v1/users').send(body).expect(403);
    expect(await db('users').where({ email: body.email })).toHaveLength(0);
    await agent.post('/api/v1/users').set('X-CSRF-Token', csrfToken).send(body).expect(201);
  });

  it('answers 404 for a user that does not exist', async () => {
    const admin = await createTestUser(database().db, 'admin');
    await app()
      .request()
      .patch('/api/v1/users/00000000-0000-4000-8000-000000000000')
      .set(bearer(admin))
      .send({ name: 'Nobody' })
      .expect(404);
  });

  it.each([
    ['a short password', { ...NEW_USER, password: 'short-pass' }],
    ['an overlong password', { ...NEW_USER, password: 'p'.repeat(1025) }],
    ['an unknown role', { ...NEW_USER, role: 'superuser' }],
    ['a number for the name', { ...NEW_USER, name: 12 }],
    ['an overlong name', { ...NEW_USER, name: 'n'.repeat(201) }],
    ['markup in the name', { ...NEW_USER, name: '<script>alert(1)</script>' }],
    ['SQL for the email', { ...NEW_USER, email: "'; drop table users; --" }],
    ['an unknown field', { ...NEW_USER, active: false }],
    ['a missing email', { name: 'A', role: 'viewer', password: 'long-enough-password' }],
  ])('refuses to create a user with %s (400), creating nothing', async (_case, body) => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const before = await db('users').count({ n: '*' }).first();
    const response = await app().request().post('/api/v1/users').set(bearer(admin)).send(body).expect(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.details.length).toBeGreaterThan(0);
    expect(await db('users').count({ n: '*' }).first()).toEqual(before);
  });

  it.each([
    ['no change at all', {}],
    ['a string for active', { active: 'false' }],
    ['an email change', { email: 'new@example.test' }],
    ['a short password', { password: 'short' }],
    ['SQL for the role', { role: "admin'; --" }],
  ])('refuses to change a user with %s (400), changing nothing', async (_case, body) => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const user = await createTestUser(db, 'viewer');
    const before = await db('users').where({ id: user.id }).first();
    await app().request().patch(`/api/v1/users/${user.id}`).set(bearer(admin)).send(body).expect(400);
    expect(await db('users').where({ id: user.id }).first()).toEqual(before);
  });

  it('keeps SQL in a name as plain text', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const name = "Robert'); drop table users; --";
    const created = await app()
      .request()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...NEW_USER, email: 'bobby.tables@example.test', name })
      .expect(201);
    expect((await db('users').where({ id: created.body.id }).first()).name).toBe(name);
  });
});

describeEachDatabase('the last active admin', (database) => {
  const app = () => testApp(database().db);

  it('cannot be demoted or deactivated, by themself, while no other admin is active', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    for (const change of [{ active: false }, { role: 'editor' }, { role: 'viewer', name: 'Still here' }]) {
      const refused = await app()
        .request()
        .patch(`/api/v1/users/${admin.id}`)
        .set(bearer(admin))
        .send(change)
        .expect(409);
      expect(refused.body.error).toMatchObject({ code: 'last_admin' });
      expect(refused.body.error.message).toMatch(/last active admin/);
    }
    const stored = await db('users').where({ id: admin.id }).first();
    expect(stored).toMatchObject({ role: 'admin', active: true, name: admin.name });
    await app()
      .request()
      .patch(`/api/v1/users/${admin.id}`)
      .set(bearer(admin))
      .send({ name: 'Renamed admin' })
      .expect(200);
  });

  it('can step down once another admin is active, and then that admin is the last one', async () => {
    const { db } = database();
    const [first] = await db('users').where({ role: 'admin', active: true }).select('id');
    const second = await createTestUser(db, 'admin');
    await app().request().patch(`/api/v1/users/${first.id}`).set(bearer(second)).send({ role: 'editor' }).expect(200);
    await app().request().patch(`/api/v1/users/${second.id}`).set(bearer(second)).send({ active: false }).expect(409);
  });

  it('is never lost when two admins demote each other at the same time', async () => {
    const { db } = database();
    // A few rounds, as the two requests interleave differently each time.
    for (let round = 0; round < 5; round++) {
      await db('users').where({ role: 'admin' }).update({ active: false });
      const one = await createTestUser(db, 'admin');
      const two = await createTestUser(db, 'admin');
      const answers = await Promise.all([
        app().request().patch(`/api/v1/users/${two.id}`).set(bearer(one)).send({ role: 'viewer' }),
        app().request().patch(`/api/v1/users/${one.id}`).set(bearer(two)).send({ role: 'viewer' }),
      ]);
      // The later one is refused: as the last admin (409), or as no longer an admin (403).
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await db('users').where({ role: 'admin', active: true })).toHaveLength(1);
    }
  });
});
