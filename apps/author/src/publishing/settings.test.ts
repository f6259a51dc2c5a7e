import { beforeAll, expect, it } from 'vitest';
import { bearer, createTestUser, RUNNER_AUTH, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { definition, seedQuestionnaire, uniqueId } from './testing.ts';

describeEachDatabase('publishing settings', (database) => {
  const db = () => database().db;
  const request = () => testApp(db()).request();
  let editor: TestUser;
  beforeAll(async () => {
    editor = await createTestUser(db(), 'editor');
  });

  const read = (id: string, user: TestUser = editor) =>
    request().get(`/api/v1/questionnaires/${id}/settings`).set(bearer(user));
  const change = (id: string, body: unknown, user: TestUser = editor) =>
    request()
      .put(`/api/v1/questionnaires/${id}/settings`)
      .set(bearer(user))
      .send(body as object);
  const seed = (id = uniqueId('q')) => seedQuestionnaire(db(), definition('social-survey', id));

  it('reads the defaults of a new questionnaire, with the slug the first publish would take', async () => {
    const id = uniqueId('social');
    const q = await seed(id);
    const response = await read(q.id).expect(200);
    expect(response.body).toEqual({
      slug: null,
      defaultSlug: id,
      slugFixed: false,
      openAccess: false,
      opensAt: null,
      closesAt: null,
      sessionTimeoutMinutes: null,
      latestVersion: null,
      series: expect.any(Number),
    });
  });

  it('changes every setting, and keeps fields left out', async () => {
    const q = await seed();
    const slug = uniqueId('my-slug');
    const changed = await change(q.id, {
      slug,
      openAccess: true,
      opensAt: '2031-03-01T09:00:00+01:00',
      closesAt: '2031-04-01T00:00:00Z',
      sessionTimeoutMinutes: 60,
    }).expect(200);
    expect(changed.body).toMatchObject({
      slug,
      openAccess: true,
      opensAt: '2031-03-01T08:00:00.000Z',
      closesAt: '2031-04-01T00:00:00.000Z',
      sessionTimeoutMinutes: 60,
    });
    const kept = await change(q.id, { openAccess: false }).expect(200);
    expect(kept.body).toMatchObject({ slug, openAccess: false, sessionTimeoutMinutes: 60 });
    expect(kept.body.closesAt).toBe('2031-04-01T00:00:00.000Z');
    expect((await read(q.id).expect(200)).body).toEqual(kept.body);
  });

  it('clears a setting with null', async () => {
    const q = await seed();
    await change(q.id, { closesAt: '2031-04-01T00:00:00Z', sessionTimeoutMinutes: 30 }).expect(200);
    const cleared = await change(q.id, { closesAt: null, sessionTimeoutMinutes: null }).expect(200);
    expect(cleared.body).toMatchObject({ closesAt: null, sessionTimeoutMinutes: null });
  });

  it('refuses a closing time that is not after the opening time, also against the stored one', async () => {
    const q = await seed();
    const both = await change(q.id, { opensAt: '2031-03-01T09:00:00Z', closesAt: '2031-03-01T09:00:00Z' }).expect(400);
    expect(both.body.error.details).toEqual([{ path: 'body.closesAt', message: 'must be after opensAt' }]);
    await change(q.id, { opensAt: '2031-03-01T09:00:00Z' }).expect(200);
    await change(q.id, { closesAt: '2031-02-01T09:00:00Z' }).expect(400);
    expect((await read(q.id)).body.closesAt).toBeNull();
  });

  it('refuses bad input naming each problem, and changes nothing', async () => {
    const q = await seed();
    const response = await change(q.id, {
      slug: 'Not A Slug',
      openAccess: 'yes',
      opensAt: '1 March 2031',
      closesAt: '2031-03-01T09:00:00',
      sessionTimeoutMinutes: 2,
      colour: 'blue',
    }).expect(400);
    expect(response.body.error.code).toBe('invalid_request');
    const paths = response.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual([
      'body',
      'body.closesAt',
      'body.openAccess',
      'body.opensAt',
      'body.sessionTimeoutMinutes',
      'body.slug',
    ]);
    for (const slug of ['series', 'census--preview', 'x'.repeat(81), '']) {
      await change(q.id, { slug }).expect(400);
    }
    await change(q.id, { sessionTimeoutMinutes: 481 }).expect(400);
    await change(q.id, { sessionTimeoutMinutes: 30.5 }).expect(400);
    await change(q.id, []).expect(400);
    const after = await read(q.id).expect(200);
    expect(after.body).toMatchObject({ slug: null, openAccess: false, opensAt: null, sessionTimeoutMinutes: null });
  });

  it('refuses a slug another questionnaire has (409)', async () => {
    const slug = uniqueId('shared');
    const first = await seed();
    const second = await seed();
    await change(first.id, { slug }).expect(200);
    const refused = await change(second.id, { slug }).expect(409);
    expect(refused.body.error.code).toBe('slug_taken');
    expect((await read(second.id)).body.slug).toBeNull();
  });

  it('lets one of two questionnaires claiming one slug at once have it', async () => {
    const slug = uniqueId('race');
    const [a, b] = [await seed(), await seed()];
    const responses = await Promise.all([change(a.id, { slug }), change(b.id, { slug })]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db()('questionnaires').where({ slug }).count('* as n')).toEqual([{ n: 1 }]);
  });

  it('fixes the slug once a version is published (409), but still changes the rest', async () => {
    const id = uniqueId('fixed');
    const q = await seed(id);
    await request().post(`/api/v1/questionnaires/${q.id}/publish`).set(bearer(editor)).send({}).expect(201);
    const settings = await read(q.id).expect(200);
    expect(settings.body).toMatchObject({ slug: id, slugFixed: true, latestVersion: 1 });
    const refused = await change(q.id, { slug: uniqueId('moved') }).expect(409);
    expect(refused.body.error.code).toBe('slug_fixed');
    await change(q.id, { slug: null }).expect(409);
    await change(q.id, { slug: id, openAccess: true }).expect(200);
    expect((await read(q.id)).body).toMatchObject({ slug: id, openAccess: true });
  });

  it('records changes in the audit log', async () => {
    const q = await seed();
    await change(q.id, { openAccess: true }).expect(200);
    const event = await db()('audit_events').where({ action: 'questionnaire.settings', subject_id: q.id }).first();
    expect(event).toMatchObject({ actor_id: editor.id });
    expect(event.details).toEqual({ changed: ['openAccess'], openAccess: true });
  });

  it('is changed by editors and read by viewers: runners 403, anonymous 401, unknown questionnaire 404', async () => {
    const viewer = await createTestUser(db(), 'viewer');
    const q = await seed();
    await read(q.id, viewer).expect(200);
    await change(q.id, { openAccess: true }, viewer).expect(403);
    await request().get(`/api/v1/questionnaires/${q.id}/settings`).set(RUNNER_AUTH).expect(403);
    await request().put(`/api/v1/questionnaires/${q.id}/settings`).send({ openAccess: true }).expect(401);
    await read('00000000-0000-4000-8000-000000000000').expect(404);
    await change('00000000-0000-4000-8000-000000000000', { openAccess: true }).expect(404);
    expect((await read(q.id)).body.openAccess).toBe(false);
  });
});
