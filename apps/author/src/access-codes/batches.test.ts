import { beforeAll, expect, it } from 'vitest';
import { bearer, createTestUser, RUNNER_AUTH, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { issueJson, seedQuestionnaire } from './testing.ts';

const batchesPath = (id: string) => `/api/v1/questionnaires/${id}/access-codes/batches`;

describeEachDatabase('listing batches of access codes', (database) => {
  const app = () => testApp(database().db);
  let editor: TestUser;
  let viewer: TestUser;
  beforeAll(async () => {
    editor = await createTestUser(database().db, 'editor', 'Eddie Editor');
    viewer = await createTestUser(database().db, 'viewer');
  });

  it('lists batches newest first with their counts, issuer and revoked counts, never the codes', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const other = await seedQuestionnaire(database().db);
    const { request } = app();
    const first = await issueJson(request, bearer(editor), questionnaire.id, 4);
    const second = await issueJson(request, bearer(editor), questionnaire.id, 6);
    await issueJson(request, bearer(editor), other.id, 2);
    await request()
      .post(`/api/v1/questionnaires/${questionnaire.id}/access-codes/revoke`)
      .set(bearer(editor))
      .send({ codes: [first.codes[0], first.codes[3], second.codes[5]] })
      .expect(200);

    const response = await request().get(batchesPath(questionnaire.id)).set(bearer(viewer)).expect(200);
    const issuedBy = { id: editor.id, name: 'Eddie Editor', email: editor.email };
    expect(response.body).toEqual({
      series: questionnaire.series,
      batches: [
        { batchId: second.batchId, count: 6, firstSerial: 4, revoked: 1, issuedAt: expect.any(String), issuedBy },
        { batchId: first.batchId, count: 4, firstSerial: 0, revoked: 2, issuedAt: expect.any(String), issuedBy },
      ],
    });
    expect(Date.parse(response.body.batches[0].issuedAt)).toBeGreaterThan(Date.now() - 60_000);
    const text = JSON.stringify(response.body);
    for (const code of [...first.codes, ...second.codes]) expect(text).not.toContain(code.replaceAll(' ', ''));
  });

  it('lists no batches for a questionnaire without codes', async () => {
    const questionnaire = await seedQuestionnaire(database().db, { state: 'draft' });
    const response = await app().request().get(batchesPath(questionnaire.id)).set(bearer(viewer)).expect(200);
    expect(response.body).toEqual({ series: questionnaire.series, batches: [] });
  });

  it('is refused without credentials (401) and to runners (403), and 404 for no questionnaire', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const { request } = app();
    await request().get(batchesPath(questionnaire.id)).expect(401);
    await request().get(batchesPath(questionnaire.id)).set(RUNNER_AUTH).expect(403);
    await request().get(batchesPath('00000000-0000-4000-8000-000000000000')).set(bearer(viewer)).expect(404);
  });
});
