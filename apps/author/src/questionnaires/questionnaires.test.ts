import { beforeAll, expect, it } from 'vitest';
import { bearer, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { draftWithProblem, type SurveyFixture, surveyFixture, validDefinition } from './testing.ts';

describeEachDatabase('questionnaires', (database) => {
  const request = () => testApp(database().db).request();
  let f: SurveyFixture;
  beforeAll(async () => {
    f = await surveyFixture(database().db);
  });

  const create = async (definition: unknown = validDefinition()) => {
    const response = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition })
      .expect(201);
    return response.body as { id: string; revision: number };
  };

  const auditOf = (subjectId: string) =>
    database().db('audit_events').where({ subject_id: subjectId }).orderBy('id').pluck('action');

  it('adds a questionnaire at revision 1 and reads it back with its settings', async () => {
    const definition = validDefinition();
    const created = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition })
      .expect(201);
    expect(created.body).toMatchObject({ surveyId: f.surveyId, revision: 1, definition, problems: [] });

    const read = await request().get(`/api/v1/questionnaires/${created.body.id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body).toMatchObject({
      id: created.body.id,
      surveyId: f.surveyId,
      title: 'Shop survey',
      revision: 1,
      definition,
      problems: [],
      updatedBy: { id: f.editor.id, name: f.editor.name },
      slug: null,
      openAccess: false,
      opensAt: null,
      closesAt: null,
      sessionTimeoutMinutes: null,
      latestVersion: null,
    });
    expect(Date.parse(read.body.updatedAt)).not.toBeNaN();
    expect(await auditOf(created.body.id)).toEqual(['questionnaire.create']);
  });

  it('gives back the definition with its keys in the order of the format, not the database’s', async () => {
    const { id } = await create();
    const read = await request().get(`/api/v1/questionnaires/${id}`).set(bearer(f.viewer)).expect(200);
    expect(Object.keys(read.body.definition)).toEqual(Object.keys(validDefinition()));
  });

  it('keeps a draft with semantic problems and returns them with it', async () => {
    const created = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition: draftWithProblem() })
      .expect(201);
    const problem = {
      code: 'unknown-page',
      severity: 'error',
      path: '/sections/0/pages/0/routing/0/goTo/page',
      message: expect.stringContaining('"nowhere"'),
    };
    expect(created.body.problems).toEqual([problem]);
    const read = await request().get(`/api/v1/questionnaires/${created.body.id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body.problems).toEqual([problem]);
  });

  it('refuses a structurally invalid definition with 422 listing every problem, saving nothing', async () => {
    const before = await database().db('questionnaires').count({ n: '*' }).first();
    const definition = { ...validDefinition(), formatVersion: 2, languages: 'en', colour: 'red' };
    const response = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition })
      .expect(422);
    expect(response.body.error.code).toBe('invalid_questionnaire');
    expect(response.body.error.details.map((p: { path: string }) => p.path).sort()).toEqual([
      '',
      '/formatVersion',
      '/languages',
    ]);
    for (const problem of response.body.error.details) {
      expect(problem).toMatchObject({ code: 'schema-invalid', severity: 'error', message: expect.any(String) });
    }
    expect(await database().db('questionnaires').count({ n: '*' }).first()).toEqual(before);
  });

  it('lists a survey’s questionnaires without their definitions', async () => {
    const fixture = await surveyFixture(database().db);
    const a = await request()
      .post(`/api/v1/surveys/${fixture.surveyId}/questionnaires`)
      .set(bearer(fixture.editor))
      .send({ definition: validDefinition({ title: 'B questionnaire' }) })
      .expect(201);
    const b = await request()
      .post(`/api/v1/surveys/${fixture.surveyId}/questionnaires`)
      .set(bearer(fixture.editor))
      .send({
        definition: validDefinition({ title: { en: 'A questionnaire', cy: 'Holiadur A' }, languages: ['en', 'cy'] }),
      })
      .expect(201);
    const list = await request()
      .get(`/api/v1/surveys/${fixture.surveyId}/questionnaires`)
      .set(bearer(fixture.viewer))
      .expect(200);
    expect(list.body.questionnaires).toEqual([
      {
        id: b.body.id,
        title: 'A questionnaire',
        revision: 1,
        updatedAt: expect.any(String),
        updatedBy: { id: fixture.editor.id, name: fixture.editor.name },
        slug: null,
        latestVersion: null,
      },
      expect.objectContaining({ id: a.body.id, title: 'B questionnaire' }),
    ]);
    await request()
      .get('/api/v1/surveys/00000000-0000-4000-8000-000000000000/questionnaires')
      .set(bearer(fixture.viewer))
      .expect(404);
  });

  it('adds nothing to a survey that does not exist', async () => {
    const response = await request()
      .post('/api/v1/surveys/00000000-0000-4000-8000-000000000000/questionnaires')
      .set(bearer(f.editor))
      .send({ definition: validDefinition() })
      .expect(404);
    expect(response.body.error).toEqual({ code: 'not_found', message: 'survey not found' });
  });

  it('saves a new revision on the current one, and refuses a stale save with the current revision', async () => {
    const { id } = await create();
    const changed = validDefinition({ title: 'Shop survey 2026' });
    const saved = await request()
      .put(`/api/v1/questionnaires/${id}`)
      .set(bearer(f.editor))
      .send({ definition: changed, baseRevision: 1 })
      .expect(200);
    expect(saved.body).toEqual({ id, revision: 2, problems: [], updatedAt: expect.any(String) });

    const stale = await request()
      .put(`/api/v1/questionnaires/${id}`)
      .set(bearer(f.editor))
      .send({ definition: validDefinition({ title: 'Lost edit' }), baseRevision: 1 })
      .expect(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_revision', details: { currentRevision: 2 } });

    const read = await request().get(`/api/v1/questionnaires/${id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body).toMatchObject({ revision: 2, title: 'Shop survey 2026', definition: changed });
    expect(await auditOf(id)).toEqual(['questionnaire.create', 'questionnaire.save']);
  });

  it('returns the problems of the draft it saved, and refuses an invalid one leaving the last revision', async () => {
    const { id } = await create();
    const saved = await request()
      .put(`/api/v1/questionnaires/${id}`)
      .set(bearer(f.editor))
      .send({ definition: draftWithProblem(), baseRevision: 1 })
      .expect(200);
    expect(saved.body.problems.map((p: { code: string }) => p.code)).toEqual(['unknown-page']);

    const invalid = await request()
      .put(`/api/v1/questionnaires/${id}`)
      .set(bearer(f.editor))
      .send({ definition: { ...validDefinition(), sections: [] }, baseRevision: 2 })
      .expect(422);
    expect(invalid.body.error.details).toEqual([expect.objectContaining({ path: '/sections' })]);
    const read = await request().get(`/api/v1/questionnaires/${id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body).toMatchObject({ revision: 2, definition: draftWithProblem() });
  });

  it('answers 404 for saving, reading or deleting a questionnaire that does not exist', async () => {
    const missing = '/api/v1/questionnaires/00000000-0000-4000-8000-000000000000';
    await request().get(missing).set(bearer(f.viewer)).expect(404);
    await request()
      .put(missing)
      .set(bearer(f.editor))
      .send({ definition: validDefinition(), baseRevision: 1 })
      .expect(404);
    await request().delete(missing).set(bearer(f.editor)).expect(404);
  });

  it('deletes a questionnaire with its history, but not once it has a published version', async () => {
    const { id } = await create();
    await request().delete(`/api/v1/questionnaires/${id}`).set(bearer(f.editor)).expect(204);
    await request().get(`/api/v1/questionnaires/${id}`).set(bearer(f.viewer)).expect(404);
    expect(await database().db('questionnaire_revisions').where({ questionnaire_id: id }).first()).toBeUndefined();
    expect(await auditOf(id)).toEqual(['questionnaire.create', 'questionnaire.delete']);

    const published = await create();
    await database()
      .db('published_versions')
      .insert({
        questionnaire_id: published.id,
        slug: `published-${published.id.slice(0, 8)}`,
        version: 1,
        definition: JSON.stringify(validDefinition()),
        checksum: 'test',
      });
    const refused = await request().delete(`/api/v1/questionnaires/${published.id}`).set(bearer(f.editor)).expect(409);
    expect(refused.body.error.code).toBe('questionnaire_published');
    await request().get(`/api/v1/questionnaires/${published.id}`).set(bearer(f.viewer)).expect(200);
  });

  it('asks anonymous callers to sign in and refuses every write by a viewer, changing nothing', async () => {
    const { id } = await create();
    const base = `/api/v1/questionnaires/${id}`;
    for (const path of [base, `${base}/revisions`, `${base}/revisions/1`, `${base}/export`]) {
      await request().get(path).expect(401);
    }
    await request().get(`/api/v1/surveys/${f.surveyId}/questionnaires`).expect(401);
    const writes = () => [
      request().post(`/api/v1/surveys/${f.surveyId}/questionnaires`).send({ definition: validDefinition() }),
      request().post(`/api/v1/surveys/${f.surveyId}/questionnaires/import`).send(validDefinition()),
      request()
        .put(base)
        .send({ definition: validDefinition({ title: 'x' }), baseRevision: 1 }),
      request().delete(base),
      request().post(`${base}/revisions/1/restore`).send({ baseRevision: 1 }),
      request().post(`${base}/duplicate`).send({}),
    ];
    const questionnaires = () =>
      database().db('questionnaires').where({ survey_id: f.surveyId }).orderBy('id').select('id', 'revision');
    const before = await questionnaires();
    for (const write of writes()) await write.expect(401);
    for (const write of writes()) {
      const response = await write.set(bearer(f.viewer)).expect(403);
      expect(response.body.error.code).toBe('forbidden');
    }
    expect(await questionnaires()).toEqual(before);
  });
});
