import { expect, it } from 'vitest';
import { bearer, createTestUser, RUNNER_AUTH, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { recordAudit } from './record.ts';

describeEachDatabase('reading the audit log', (database) => {
  const app = () => testApp(database().db);

  it('shows admins the newest events first, a page at a time, until the last page', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    for (let i = 0; i < 5; i++) {
      await recordAudit(db, {
        action: 'survey.create',
        actor: admin,
        subjectType: 'survey',
        subjectId: `page-test-${i}`,
      });
    }
    const seen: string[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const query: Record<string, string | number> = { limit: 2, action: 'survey.create', actor: admin.id };
      if (before !== null) query.before = before;
      const page = await app().request().get('/api/v1/audit').query(query).set(bearer(admin)).expect(200);
      seen.push(...page.body.events.map((e: { subjectId: string }) => e.subjectId));
      before = page.body.nextBefore;
      pages++;
    } while (before !== null);
    expect(seen).toEqual(['page-test-4', 'page-test-3', 'page-test-2', 'page-test-1', 'page-test-0']);
    expect(pages).toBe(3);
  });

  it('describes each event: when, who, what, on what, with its details', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    await recordAudit(db, {
      action: 'questionnaire.publish',
      actor: admin,
      subjectType: 'questionnaire',
      subjectId: 'q-1',
      details: { version: 3 },
    });
    const page = await app().request().get('/api/v1/audit').query({ limit: 1 }).set(bearer(admin)).expect(200);
    expect(page.body.events).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        actor: { id: admin.id, email: admin.email },
        action: 'questionnaire.publish',
        subjectType: 'questionnaire',
        subjectId: 'q-1',
        details: { version: 3 },
      },
    ]);
  });

  it('filters by action, and by actor given as an id or an email in any case', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const editor = await createTestUser(db, 'editor');
    await app().request().post('/api/v1/tokens').set(bearer(editor)).send({ name: 'for the audit' }).expect(201);
    await app().request().patch(`/api/v1/users/${editor.id}`).set(bearer(admin)).send({ name: 'Audited' }).expect(200);
    const byEmail = await app()
      .request()
      .get('/api/v1/audit')
      .query({ actor: editor.email.toUpperCase() })
      .set(bearer(admin))
      .expect(200);
    expect(byEmail.body.events.map((e: { action: string }) => e.action)).toEqual(['token.create']);
    const byId = await app()
      .request()
      .get('/api/v1/audit')
      .query({ actor: admin.id, action: 'user.update' })
      .set(bearer(admin))
      .expect(200);
    expect(byId.body.events).toHaveLength(1);
    expect(byId.body.events[0]).toMatchObject({
      subjectId: editor.id,
      details: { changes: { name: { to: 'Audited' } } },
    });
  });

  it('is for admins only', async () => {
    const { db } = database();
    for (const role of ['viewer', 'editor'] as const) {
      const user = await createTestUser(db, role);
      const refused = await app().request().get('/api/v1/audit').set(bearer(user)).expect(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    await app().request().get('/api/v1/audit').set(RUNNER_AUTH).expect(403);
    await app().request().get('/api/v1/audit').expect(401);
  });

  it.each([
    ['a limit of zero', { limit: '0' }],
    ['a limit above 200', { limit: '201' }],
    ['a word for before', { before: 'yesterday' }],
    ['SQL for the action', { action: "sign-in' or '1'='1" }],
    ['markup for the actor', { actor: '<script>alert(1)</script>' }],
    ['an unknown parameter', { order: 'asc' }],
  ])('refuses %s with 400', async (_case, query) => {
    const admin = await createTestUser(database().db, 'admin');
    const response = await app().request().get('/api/v1/audit').query(query).set(bearer(admin)).expect(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.details[0].path).toMatch(/^query/);
  });
});
