import { beforeAll, expect, it } from 'vitest';
import { bearer, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { draftWithProblem, type SurveyFixture, surveyFixture, validDefinition } from './testing.ts';

describeEachDatabase('duplicating, exporting and importing questionnaires', (database) => {
  const request = () => testApp(database().db).request();
  let f: SurveyFixture;
  beforeAll(async () => {
    f = await surveyFixture(database().db);
  });

  const create = async (definition: unknown, surveyId = f.surveyId) => {
    const response = await request()
      .post(`/api/v1/surveys/${surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition })
      .expect(201);
    return response.body.id as string;
  };

  const duplicate = async (id: string, body: object = {}) =>
    (await request().post(`/api/v1/questionnaires/${id}/duplicate`).set(bearer(f.editor)).send(body).expect(201)).body;

  it('duplicates a questionnaire under a new definition id that stays valid, at revision 1', async () => {
    const id = await create(validDefinition({ id: 'retail' }));
    await request()
      .put(`/api/v1/questionnaires/${id}`)
      .set(bearer(f.editor))
      .send({ definition: validDefinition({ id: 'retail', title: 'Retail' }), baseRevision: 1 })
      .expect(200);

    const copy = await duplicate(id);
    expect(copy).toMatchObject({ surveyId: f.surveyId, revision: 1, problems: [] });
    expect(copy.id).not.toBe(id);
    expect(copy.definition).toEqual(validDefinition({ id: 'retail-copy', title: 'Retail' }));
    const read = await request().get(`/api/v1/questionnaires/${copy.id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body).toMatchObject({
      revision: 1,
      definition: validDefinition({ id: 'retail-copy', title: 'Retail' }),
    });

    expect((await duplicate(id)).definition.id).toBe('retail-copy-2');
    expect((await duplicate(copy.id)).definition.id).toBe('retail-copy-3');
    const actions = await database().db('audit_events').where({ subject_id: copy.id }).pluck('details');
    expect(actions).toEqual([expect.objectContaining({ duplicatedFrom: id, definitionId: 'retail-copy' })]);
  });

  it('duplicates into another survey, keeping the draft’s problems', async () => {
    const other = await surveyFixture(database().db);
    const id = await create(draftWithProblem());
    const copy = await duplicate(id, { surveyId: other.surveyId });
    expect(copy.surveyId).toBe(other.surveyId);
    expect(copy.problems.map((p: { code: string }) => p.code)).toEqual(['unknown-page']);
    await request()
      .post(`/api/v1/questionnaires/${id}/duplicate`)
      .set(bearer(f.editor))
      .send({ surveyId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    await request()
      .post(`/api/v1/questionnaires/${id}/duplicate`)
      .set(bearer(f.editor))
      .send({ surveyId: 'elsewhere' })
      .expect(400);
    await request()
      .post('/api/v1/questionnaires/00000000-0000-4000-8000-000000000000/duplicate')
      .set(bearer(f.editor))
      .send({})
      .expect(404);
  });

  it('exports the definition as a JSON download named after its id', async () => {
    const definition = validDefinition({
      id: 'export-me',
      title: { en: 'Export', cy: 'Allforio' },
      languages: ['en', 'cy'],
    });
    const id = await create(definition);
    const response = await request().get(`/api/v1/questionnaires/${id}/export`).set(bearer(f.viewer)).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe('attachment; filename=export-me.json');
    expect(JSON.parse(response.text)).toEqual(definition);
    expect(Object.keys(JSON.parse(response.text))).toEqual(Object.keys(definition));
    await request()
      .get('/api/v1/questionnaires/00000000-0000-4000-8000-000000000000/export')
      .set(bearer(f.viewer))
      .expect(404);
  });

  it('imports an exported document as a new questionnaire, as it was', async () => {
    const id = await create(validDefinition({ id: 'round-trip' }));
    const exported = await request().get(`/api/v1/questionnaires/${id}/export`).set(bearer(f.viewer)).expect(200);
    const other = await surveyFixture(database().db);
    const imported = await request()
      .post(`/api/v1/surveys/${other.surveyId}/questionnaires/import`)
      .set(bearer(f.editor))
      .type('json')
      .send(exported.text)
      .expect(201);
    expect(imported.body).toMatchObject({ surveyId: other.surveyId, revision: 1, problems: [] });
    const read = await request().get(`/api/v1/questionnaires/${imported.body.id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body.definition).toEqual(validDefinition({ id: 'round-trip' }));
  });

  it('refuses to import an invalid document, with every problem, adding nothing', async () => {
    const before = await database().db('questionnaires').count({ n: '*' }).first();
    const response = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires/import`)
      .set(bearer(f.editor))
      .send({ ...validDefinition(), id: 'Not Valid', flow: { type: 'spiral' } })
      .expect(422);
    expect(response.body.error.code).toBe('invalid_questionnaire');
    expect(response.body.error.details.map((p: { path: string }) => p.path)).toEqual(['/flow/type', '/id']);
    for (const body of [[], [validDefinition()], { definition: validDefinition() }]) {
      const refused = await request()
        .post(`/api/v1/surveys/${f.surveyId}/questionnaires/import`)
        .set(bearer(f.editor))
        .send(body)
        .expect(422);
      expect(refused.body.error.code).toBe('invalid_questionnaire');
    }
    const empty = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires/import`)
      .set(bearer(f.editor))
      .expect(422);
    expect(empty.body.error.code).toBe('invalid_questionnaire');
    await request()
      .post('/api/v1/surveys/00000000-0000-4000-8000-000000000000/questionnaires/import')
      .set(bearer(f.editor))
      .send(validDefinition())
      .expect(404);
    expect(await database().db('questionnaires').count({ n: '*' }).first()).toEqual(before);
  });
});
