import { beforeAll, expect, it } from 'vitest';
import { bearer, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { type SurveyFixture, surveyFixture, validDefinition } from './testing.ts';

/** Arrays nested `depth` deep around a value. */
function nested(depth: number, inner: unknown = 'junk'): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describeEachDatabase('questionnaires refuse bad input', (database) => {
  const request = () => testApp(database().db).request();
  let f: SurveyFixture;
  let id: string;
  beforeAll(async () => {
    f = await surveyFixture(database().db);
    const created = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition: validDefinition() })
      .expect(201);
    id = created.body.id;
  });

  /** Nothing changed: still revision 1 with its first definition, and no other questionnaire added. */
  const unchanged = async () => {
    const rows = await database().db('questionnaires').where({ survey_id: f.surveyId }).select('id', 'revision');
    expect(rows).toEqual([{ id, revision: 1 }]);
    const read = await request().get(`/api/v1/questionnaires/${id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body.definition).toEqual(validDefinition());
  };

  const save = (body: unknown) =>
    request()
      .put(`/api/v1/questionnaires/${id}`)
      .set(bearer(f.editor))
      .send(body as object);
  const create = (body: unknown) =>
    request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send(body as object);

  it('refuses wrong types and unknown or missing fields with 400, naming each', async () => {
    const cases: [unknown, string[]][] = [
      [{ definition: validDefinition(), baseRevision: '1' }, ['body.baseRevision']],
      [{ definition: validDefinition(), baseRevision: 1.5 }, ['body.baseRevision']],
      [{ definition: validDefinition(), baseRevision: 0 }, ['body.baseRevision']],
      [{ definition: validDefinition(), baseRevision: 2 ** 31 }, ['body.baseRevision']],
      [{ definition: validDefinition() }, ['body.baseRevision']],
      [{ baseRevision: 1 }, ['body.definition']],
      [{ definition: validDefinition(), baseRevision: 1, revision: 5 }, ['body']],
      [{ definition: validDefinition(), baseRevision: null }, ['body.baseRevision']],
    ];
    for (const [body, paths] of cases) {
      const response = await save(body).expect(400);
      expect(response.body.error.code).toBe('invalid_request');
      expect(response.body.error.details.map((d: { path: string }) => d.path)).toEqual(paths);
    }
    for (const body of [{}, { definition: validDefinition(), surveyId: f.surveyId }]) {
      const response = await create(body).expect(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
    await unchanged();
  });

  it('refuses ids that are not UUIDs with 400, changing nothing', async () => {
    for (const bad of ['1', 'abc', "1' or '1'='1", '00000000-0000-4000-8000-00000000000g', '%00']) {
      const path = `/api/v1/questionnaires/${encodeURIComponent(bad)}`;
      const response = await request().get(path).set(bearer(f.viewer)).expect(400);
      expect(response.body.error.details).toEqual([{ path: 'params.id', message: 'must be a UUID' }]);
      await request()
        .put(path)
        .set(bearer(f.editor))
        .send({ definition: validDefinition(), baseRevision: 1 })
        .expect(400);
      await request().get(`${path}/revisions`).set(bearer(f.viewer)).expect(400);
      await request()
        .post(`/api/v1/surveys/${encodeURIComponent(bad)}/questionnaires`)
        .set(bearer(f.editor))
        .send({ definition: validDefinition() })
        .expect(400);
    }
    await unchanged();
  });

  it('answers a definition that is not an object with 422 at the root', async () => {
    for (const definition of ['questionnaire', 42, null, true, [], [validDefinition()]]) {
      for (const response of [await create({ definition }), await save({ definition, baseRevision: 1 })]) {
        expect(response.status).toBe(422);
        expect(response.body.error.code).toBe('invalid_questionnaire');
        expect(response.body.error.details).toEqual([expect.objectContaining({ path: '', code: 'schema-invalid' })]);
      }
    }
    await unchanged();
  });

  it('answers deeply nested junk with 422, without crashing', async () => {
    // Extremely deep JSON may already fail to parse (the body parser's 400) rather than reach the checks.
    const extreme = await save({ definition: nested(5_000), baseRevision: 1 });
    expect([400, 422]).toContain(extreme.status);
    expect(['malformed_json', 'invalid_questionnaire']).toContain(extreme.body.error.code);
    for (const definition of [nested(150), { ...validDefinition(), title: nested(500) }, { a: nested(200, {}) }]) {
      const response = await save({ definition, baseRevision: 1 }).expect(422);
      expect(response.body.error.code).toBe('invalid_questionnaire');
      expect(response.body.error.details.length).toBeGreaterThan(0);
    }
    const wide = { ...validDefinition(), junk: Array.from({ length: 50_000 }, (_, i) => ({ i })) };
    const response = await save({ definition: wide, baseRevision: 1 }).expect(422);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: '' })]);
    await unchanged();
  });

  it('refuses text Postgres cannot store (NUL, half a surrogate pair) with 422 and its path', async () => {
    const cases: [unknown, string][] = [
      [validDefinition({ title: 'before\u0000after' }), '/title'],
      [validDefinition({ description: 'half \ud83d pair' }), '/description'],
      [validDefinition({ title: { en: 'x', cy: 'y\udc00' }, languages: ['en', 'cy'] }), '/title/cy'],
    ];
    for (const [definition, path] of cases) {
      const response = await save({ definition, baseRevision: 1 }).expect(422);
      expect(response.body.error.code).toBe('invalid_questionnaire');
      expect(response.body.error.details.map((p: { path: string }) => p.path)).toContain(path);
    }
    await unchanged();
  });

  it('keeps hostile but storable text exactly as sent', async () => {
    const created = await create({ definition: validDefinition({ title: 'placeholder' }) }).expect(201);
    const hostile = [
      "'; DROP TABLE questionnaires; --",
      '<img src=x onerror=alert(1)>',
      '\\u0000 is written with a backslash here',
      '👩‍👩‍👧‍👦 مرحبا ‮ Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
      '{{constructor.constructor("return process")()}}',
      '__proto__',
    ];
    for (const [n, title] of hostile.entries()) {
      const definition = validDefinition({ title, description: { en: title } });
      await request()
        .put(`/api/v1/questionnaires/${created.body.id}`)
        .set(bearer(f.editor))
        .send({ definition, baseRevision: n + 1 })
        .expect(200);
      const read = await request().get(`/api/v1/questionnaires/${created.body.id}`).set(bearer(f.viewer)).expect(200);
      expect(read.body).toMatchObject({ title, definition });
    }
    await request().delete(`/api/v1/questionnaires/${created.body.id}`).set(bearer(f.editor)).expect(204);
    await unchanged();
  });

  it('refuses a body that is not JSON, or a bare JSON string, without a trace', async () => {
    const form = await request()
      .put(`/api/v1/questionnaires/${id}`)
      .set(bearer(f.editor))
      .type('form')
      .send('definition=x&baseRevision=1')
      .expect(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    const bare = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires/import`)
      .set(bearer(f.editor))
      .type('json')
      .send('"questionnaire"')
      .expect(400);
    expect(bare.body.error.code).toBe('malformed_json');
    expect(JSON.stringify(bare.body)).not.toMatch(/at .*\.ts/);
    await unchanged();
  });
});
