import { beforeAll, expect, it } from 'vitest';
import { bearer, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { type SurveyFixture, surveyFixture, validDefinition } from './testing.ts';

describeEachDatabase('questionnaire revisions', (database) => {
  const request = () => testApp(database().db).request();
  let f: SurveyFixture;
  beforeAll(async () => {
    f = await surveyFixture(database().db);
  });

  /** A questionnaire saved three times: titles "Title 1" (revision 1) to "Title 3". */
  const withHistory = async () => {
    const created = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition: validDefinition({ title: 'Title 1' }) })
      .expect(201);
    const id = created.body.id as string;
    for (const revision of [1, 2]) {
      await request()
        .put(`/api/v1/questionnaires/${id}`)
        .set(bearer(f.editor))
        .send({ definition: validDefinition({ title: `Title ${revision + 1}` }), baseRevision: revision })
        .expect(200);
    }
    return id;
  };

  it('lists who saved each revision and when, newest first, without definitions', async () => {
    const id = await withHistory();
    const response = await request().get(`/api/v1/questionnaires/${id}/revisions`).set(bearer(f.viewer)).expect(200);
    expect(response.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
    for (const revision of response.body.revisions) {
      expect(revision).toEqual({
        revision: expect.any(Number),
        savedAt: expect.any(String),
        savedBy: { id: f.editor.id, name: f.editor.name },
        restoredFrom: null,
      });
    }
  });

  it('pages back through a long history', async () => {
    const id = await withHistory();
    const first = await request()
      .get(`/api/v1/questionnaires/${id}/revisions?limit=2`)
      .set(bearer(f.viewer))
      .expect(200);
    expect(first.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([3, 2]);
    const next = await request()
      .get(`/api/v1/questionnaires/${id}/revisions?limit=2&before=2`)
      .set(bearer(f.viewer))
      .expect(200);
    expect(next.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1]);
    for (const query of ['limit=0', 'limit=501', 'limit=x', 'before=-1', 'before=1.5', 'other=1']) {
      const response = await request()
        .get(`/api/v1/questionnaires/${id}/revisions?${query}`)
        .set(bearer(f.viewer))
        .expect(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
  });

  it('reads one revision with its definition', async () => {
    const id = await withHistory();
    const response = await request().get(`/api/v1/questionnaires/${id}/revisions/2`).set(bearer(f.viewer)).expect(200);
    expect(response.body).toMatchObject({ revision: 2, definition: validDefinition({ title: 'Title 2' }) });
    await request().get(`/api/v1/questionnaires/${id}/revisions/4`).set(bearer(f.viewer)).expect(404);
    for (const revision of ['0', 'two', '1.5', '99999999999']) {
      await request().get(`/api/v1/questionnaires/${id}/revisions/${revision}`).set(bearer(f.viewer)).expect(400);
    }
  });

  it('restores an earlier revision as a new one, remembering which it restored', async () => {
    const id = await withHistory();
    const restored = await request()
      .post(`/api/v1/questionnaires/${id}/revisions/1/restore`)
      .set(bearer(f.editor))
      .send({ baseRevision: 3 })
      .expect(200);
    expect(restored.body).toMatchObject({
      id,
      revision: 4,
      problems: [],
      definition: validDefinition({ title: 'Title 1' }),
    });

    const read = await request().get(`/api/v1/questionnaires/${id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body).toMatchObject({ revision: 4, title: 'Title 1' });
    const list = await request()
      .get(`/api/v1/questionnaires/${id}/revisions?limit=1`)
      .set(bearer(f.viewer))
      .expect(200);
    expect(list.body.revisions[0]).toMatchObject({ revision: 4, restoredFrom: 1 });
    const actions = await database().db('audit_events').where({ subject_id: id }).orderBy('id').pluck('action');
    expect(actions).toEqual([
      'questionnaire.create',
      'questionnaire.save',
      'questionnaire.save',
      'questionnaire.restore',
    ]);
  });

  it('refuses a restore on a stale revision, and of a revision that does not exist', async () => {
    const id = await withHistory();
    const stale = await request()
      .post(`/api/v1/questionnaires/${id}/revisions/1/restore`)
      .set(bearer(f.editor))
      .send({ baseRevision: 2 })
      .expect(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_revision', details: { currentRevision: 3 } });
    await request()
      .post(`/api/v1/questionnaires/${id}/revisions/9/restore`)
      .set(bearer(f.editor))
      .send({ baseRevision: 3 })
      .expect(404);
    await request()
      .post(`/api/v1/questionnaires/${id}/revisions/1/restore`)
      .set(bearer(f.editor))
      .send({ baseRevision: '3' })
      .expect(400);
    await request()
      .post('/api/v1/questionnaires/00000000-0000-4000-8000-000000000000/revisions/1/restore')
      .set(bearer(f.editor))
      .send({ baseRevision: 1 })
      .expect(404);
    const read = await request().get(`/api/v1/questionnaires/${id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body.revision).toBe(3);
  });

  it('answers 404 for the history of a questionnaire that does not exist', async () => {
    const missing = '/api/v1/questionnaires/00000000-0000-4000-8000-000000000000';
    await request().get(`${missing}/revisions`).set(bearer(f.viewer)).expect(404);
    await request().get(`${missing}/revisions/1`).set(bearer(f.viewer)).expect(404);
  });
});
