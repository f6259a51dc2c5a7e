import { expect, it } from 'vitest';
import { bearer, createTestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { hashSecret } from './secrets.ts';
import { signIn } from './testing.ts';

describeEachDatabase('personal API tokens', (database) => {
  const app = () => testApp(database().db);

  it('creates a token shown once, keeping only its hash, that then works as a bearer token', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const created = await app()
      .request()
      .post('/api/v1/tokens')
      .set(bearer(user))
      .send({ name: 'CI pipeline' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'CI pipeline',
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      token: expect.stringMatching(/^eqa_[A-Za-z0-9_-]{43}$/),
    });
    expect(created.headers['cache-control']).toBe('no-store');
    const stored = await db('api_tokens').where({ id: created.body.id }).first();
    expect(stored.token_hash).toBe(hashSecret(created.body.token));
    expect(JSON.stringify(stored)).not.toContain(created.body.token);
    const me = await app().request().get('/api/v1/auth/session').set(bearer(created.body)).expect(200);
    expect(me.body.user.id).toBe(user.id);
    const events = await db('audit_events').where({ action: 'token.create', subject_id: created.body.id });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(created.body.token);
  });

  it('lists only the caller’s own tokens, never the tokens themselves, with when each was last used', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'editor');
    const other = await createTestUser(db, 'editor');
    const created = await app().request().post('/api/v1/tokens').set(bearer(user)).send({ name: 'laptop' }).expect(201);
    await app().request().get('/api/v1/auth/session').set(bearer(created.body)).expect(200);
    const list = await app().request().get('/api/v1/tokens').set(bearer(user)).expect(200);
    expect(list.body.tokens.map((t: { name: string }) => t.name).sort()).toEqual(['laptop', 'tests']);
    const laptop = list.body.tokens.find((t: { name: string }) => t.name === 'laptop');
    expect(Object.keys(laptop).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
    expect(laptop.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const others = await app().request().get('/api/v1/tokens').set(bearer(other)).expect(200);
    expect(others.body.tokens.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
  });

  it('revokes a token at once, and says so in the list', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const created = await app().request().post('/api/v1/tokens').set(bearer(user)).send({ name: 'script' }).expect(201);
    await app().request().delete(`/api/v1/tokens/${created.body.id}`).set(bearer(user)).expect(204);
    await app().request().get('/api/v1/auth/session').set(bearer(created.body)).expect(401);
    const list = await app().request().get('/api/v1/tokens').set(bearer(user)).expect(200);
    expect(list.body.tokens.find((t: { id: string }) => t.id === created.body.id).revokedAt).not.toBeNull();
    // Revoking again changes nothing and records nothing more.
    await app().request().delete(`/api/v1/tokens/${created.body.id}`).set(bearer(user)).expect(204);
    expect(await db('audit_events').where({ action: 'token.revoke', subject_id: created.body.id })).toHaveLength(1);
  });

  it('does not let a user revoke, or learn of, someone else’s token; an admin may revoke it', async () => {
    const { db } = database();
    const owner = await createTestUser(db, 'editor');
    const intruder = await createTestUser(db, 'editor');
    const admin = await createTestUser(db, 'admin');
    const created = await app().request().post('/api/v1/tokens').set(bearer(owner)).send({ name: 'mine' }).expect(201);
    const refused = await app().request().delete(`/api/v1/tokens/${created.body.id}`).set(bearer(intruder)).expect(404);
    expect(refused.body.error.code).toBe('not_found');
    await app().request().get('/api/v1/auth/session').set(bearer(created.body)).expect(200);
    await app().request().delete(`/api/v1/tokens/${created.body.id}`).set(bearer(admin)).expect(204);
    await app().request().get('/api/v1/auth/session').set(bearer(created.body)).expect(401);
    const event = await db('audit_events').where({ action: 'token.revoke', subject_id: created.body.id }).first();
    expect(event.actor_id).toBe(admin.id);
    expect(event.details.owner).toBe(owner.id);
  });

  it('answers 404 for a token that does not exist and 400 for an id that is not one', async () => {
    const user = await createTestUser(database().db, 'viewer');
    await app().request().delete('/api/v1/tokens/00000000-0000-4000-8000-000000000000').set(bearer(user)).expect(404);
    const bad = await app().request().delete("/api/v1/tokens/1'%20or%20'1'='1").set(bearer(user)).expect(400);
    expect(bad.body.error.details[0].path).toBe('params.id');
  });

  it('needs the CSRF token for a cookie-authenticated write, but none for a bearer one', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const agent = app().request();
    const csrfToken = await signIn(agent, user);
    const before = await db('api_tokens').where({ user_id: user.id }).count({ n: '*' }).first();
    const missing = await agent.post('/api/v1/tokens').send({ name: 'from the browser' }).expect(403);
    expect(missing.body.error.code).toBe('csrf_token_invalid');
    const wrong = await agent
      .post('/api/v1/tokens')
      .set('X-CSRF-Token', 'not-the-token')
      .send({ name: 'from the browser' })
      .expect(403);
    expect(wrong.body.error.code).toBe('csrf_token_invalid');
    expect(await db('api_tokens').where({ user_id: user.id }).count({ n: '*' }).first()).toEqual(before);
    await agent.post('/api/v1/tokens').set('X-CSRF-Token', csrfToken).send({ name: 'from the browser' }).expect(201);
    await app().request().post('/api/v1/tokens').set(bearer(user)).send({ name: 'from a script' }).expect(201);
    const list = await agent.get('/api/v1/tokens').expect(200);
    expect(list.body.tokens.map((t: { name: string }) => t.name).sort()).toEqual([
      'from a script',
      'from the browser',
      'tests',
    ]);
  });

  it('refuses anonymous callers with 401', async () => {
    const { request } = app();
    await request().get('/api/v1/tokens').expect(401);
    await request().post('/api/v1/tokens').send({ name: 'x' }).expect(401);
    await request().delete('/api/v1/tokens/00000000-0000-4000-8000-000000000000').expect(401);
  });

  it.each([
    ['no name', {}],
    ['a blank name', { name: '   ' }],
    ['a number for the name', { name: 7 }],
    ['an overlong name', { name: 'n'.repeat(101) }],
    ['markup in the name', { name: '<script>alert(1)</script>' }],
    ['a control character in the name', { name: 'line\nbreak' }],
    ['an unknown field', { name: 'ok', userId: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses a token with %s as 400, creating nothing', async (_case, body) => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const response = await app().request().post('/api/v1/tokens').set(bearer(user)).send(body).expect(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(await db('api_tokens').where({ user_id: user.id }).count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('keeps SQL in a token name as plain text', async () => {
    const { db } = database();
    const user = await createTestUser(db, 'viewer');
    const name = "'; drop table users; --";
    const created = await app().request().post('/api/v1/tokens').set(bearer(user)).send({ name }).expect(201);
    expect(created.body.name).toBe(name);
    expect(await db('users').where({ id: user.id }).first()).toBeDefined();
  });
});
