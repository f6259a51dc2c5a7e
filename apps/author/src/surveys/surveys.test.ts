import { beforeAll, expect, it } from 'vitest';
import { createQuestionnaire } from '../questionnaires/questionnaire-repository.ts';
import { validDefinition } from '../questionnaires/testing.ts';
import { bearer, createTestUser, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('surveys', (database) => {
  const request = () => testApp(database().db).request();
  let editor: TestUser;
  let viewer: TestUser;
  beforeAll(async () => {
    editor = await createTestUser(database().db, 'editor');
    viewer = await createTestUser(database().db, 'viewer');
  });

  const addSurvey = async (surveyRef: string, name = `Survey ${surveyRef}`) => {
    const response = await request().post('/api/v1/surveys').set(bearer(editor)).send({ surveyRef, name }).expect(201);
    return response.body as { id: string; surveyRef: string; name: string };
  };

  const auditOf = (subjectId: string) =>
    database()
      .db('audit_events')
      .where({ subject_id: subjectId })
      .orderBy('id')
      .select('action', 'actor_id', 'details');

  it('adds a survey for an editor, recording who did it', async () => {
    const response = await request()
      .post('/api/v1/surveys')
      .set(bearer(editor))
      .send({ surveyRef: '139', name: 'Monthly Business Survey' })
      .expect(201);
    expect(response.body).toMatchObject({ surveyRef: '139', name: 'Monthly Business Survey' });
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await auditOf(response.body.id)).toEqual([
      { action: 'survey.create', actor_id: editor.id, details: { surveyRef: '139', name: 'Monthly Business Survey' } },
    ]);
  });

  it('refuses a second survey with the same survey id with 409, keeping the first', async () => {
    await addSurvey('dup-1', 'First');
    const response = await request()
      .post('/api/v1/surveys')
      .set(bearer(editor))
      .send({ surveyRef: 'dup-1', name: 'Second' })
      .expect(409);
    expect(response.body.error.code).toBe('survey_ref_taken');
    expect(await database().db('surveys').where({ survey_ref: 'dup-1' }).select('name')).toEqual([{ name: 'First' }]);
  });

  it('lists surveys for a viewer by name, with how many questionnaires each holds', async () => {
    const survey = await addSurvey('list-1', 'AAA first by name');
    await createQuestionnaire(database().db, { surveyId: survey.id, definition: validDefinition() });
    const response = await request().get('/api/v1/surveys').set(bearer(viewer)).expect(200);
    const [first] = response.body.surveys;
    expect(first).toMatchObject({ id: survey.id, surveyRef: 'list-1', questionnaireCount: 1 });
    const names = response.body.surveys.map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort());
  });

  it('reads a survey by id, 404 when there is none and 400 when the id is not a UUID', async () => {
    const survey = await addSurvey('read-1');
    const found = await request().get(`/api/v1/surveys/${survey.id}`).set(bearer(viewer)).expect(200);
    expect(found.body).toMatchObject({ id: survey.id, surveyRef: 'read-1', name: 'Survey read-1' });
    const missing = await request()
      .get('/api/v1/surveys/00000000-0000-4000-8000-000000000000')
      .set(bearer(viewer))
      .expect(404);
    expect(missing.body.error.code).toBe('not_found');
    const invalid = await request().get('/api/v1/surveys/139').set(bearer(viewer)).expect(400);
    expect(invalid.body.error.details).toEqual([{ path: 'params.id', message: 'must be a UUID' }]);
  });

  it('renames a survey and changes its survey id, refusing one that is taken', async () => {
    const survey = await addSurvey('patch-1');
    await addSurvey('patch-2');
    const renamed = await request()
      .patch(`/api/v1/surveys/${survey.id}`)
      .set(bearer(editor))
      .send({ name: 'Renamed', surveyRef: 'patch-3' })
      .expect(200);
    expect(renamed.body).toMatchObject({ id: survey.id, name: 'Renamed', surveyRef: 'patch-3' });
    const taken = await request()
      .patch(`/api/v1/surveys/${survey.id}`)
      .set(bearer(editor))
      .send({ surveyRef: 'patch-2' })
      .expect(409);
    expect(taken.body.error.code).toBe('survey_ref_taken');
    const empty = await request().patch(`/api/v1/surveys/${survey.id}`).set(bearer(editor)).send({}).expect(400);
    expect(empty.body.error.code).toBe('invalid_request');
    await request()
      .patch('/api/v1/surveys/00000000-0000-4000-8000-000000000000')
      .set(bearer(editor))
      .send({ name: 'x' })
      .expect(404);
    expect((await auditOf(survey.id)).map((e) => e.action)).toEqual(['survey.create', 'survey.update']);
  });

  it('deletes an empty survey, but not one that holds questionnaires', async () => {
    const empty = await addSurvey('del-1');
    await request().delete(`/api/v1/surveys/${empty.id}`).set(bearer(editor)).expect(204);
    await request().get(`/api/v1/surveys/${empty.id}`).set(bearer(viewer)).expect(404);
    expect((await auditOf(empty.id)).map((e) => e.action)).toEqual(['survey.create', 'survey.delete']);

    const full = await addSurvey('del-2');
    await createQuestionnaire(database().db, { surveyId: full.id, definition: validDefinition() });
    const refused = await request().delete(`/api/v1/surveys/${full.id}`).set(bearer(editor)).expect(409);
    expect(refused.body.error.code).toBe('survey_not_empty');
    await request().get(`/api/v1/surveys/${full.id}`).set(bearer(viewer)).expect(200);
    await request().delete(`/api/v1/surveys/${empty.id}`).set(bearer(editor)).expect(404);
  });

  it('asks anonymous callers to sign in and refuses writes by viewers', async () => {
    const survey = await addSurvey('access-1');
    await request().get('/api/v1/surveys').expect(401);
    await request().get(`/api/v1/surveys/${survey.id}`).expect(401);
    await request().post('/api/v1/surveys').send({ surveyRef: 'access-2', name: 'x' }).expect(401);
    const attempts = [
      request().post('/api/v1/surveys').send({ surveyRef: 'access-2', name: 'x' }),
      request().patch(`/api/v1/surveys/${survey.id}`).send({ name: 'x' }),
      request().delete(`/api/v1/surveys/${survey.id}`),
    ];
    for (const attempt of attempts) {
      const response = await attempt.set(bearer(viewer)).expect(403);
      expect(response.body.error.code).toBe('forbidden');
    }
    expect(await database().db('surveys').where({ survey_ref: 'access-2' }).first()).toBeUndefined();
    await request()
      .get(`/api/v1/surveys/${survey.id}`)
      .set(bearer(viewer))
      .expect(200, { ...survey });
  });

  it('refuses wrong types, unknown fields and malformed survey ids, naming each problem', async () => {
    const cases: [unknown, string[]][] = [
      [{ surveyRef: 139, name: 'x' }, ['body.surveyRef']],
      [{ surveyRef: '139' }, ['body.name']],
      [{ surveyRef: '1 39', name: 'x' }, ['body.surveyRef']],
      [{ surveyRef: 'x'.repeat(21), name: 'x' }, ['body.surveyRef']],
      [{ surveyRef: '../etc', name: 'x' }, ['body.surveyRef']],
      [{ surveyRef: 'ok-1', name: 'x', admin: true }, ['body']],
      [{ surveyRef: 'ok-1', name: ['x'] }, ['body.name']],
      [{ surveyRef: 'ok-1', name: '   ' }, ['body.name']],
      [{ surveyRef: 'ok-1', name: 'y'.repeat(201) }, ['body.name']],
      [{ surveyRef: 'ok-1', name: 'nul\u0000byte' }, ['body.name']],
      [{ surveyRef: 'ok-1', name: 'two\nlines' }, ['body.name']],
      [{ surveyRef: 'ok-1', name: 'half \ud800 pair' }, ['body.name']],
      [[{ surveyRef: 'ok-1', name: 'x' }], ['body']],
    ];
    for (const [body, paths] of cases) {
      const response = await request()
        .post('/api/v1/surveys')
        .set(bearer(editor))
        .send(body as object)
        .expect(400);
      expect(response.body.error.code).toBe('invalid_request');
      expect(response.body.error.details.map((d: { path: string }) => d.path)).toEqual(paths);
    }
    expect(await database().db('surveys').where({ survey_ref: 'ok-1' }).first()).toBeUndefined();
  });

  it('keeps hostile but storable names exactly as sent', async () => {
    for (const [ref, name] of [
      ['naughty-1', "Robert'); DROP TABLE surveys;--"],
      ['naughty-2', '<script>alert(1)</script>'],
      ['naughty-3', 'Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳'],
      ['naughty-4', '👩‍👩‍👧‍👦 مرحبا ‮reversed'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the hostile text
      ['naughty-5', '${process.exit()} {{7*7}} %s%s%n'],
    ]) {
      const created = await addSurvey(ref as string, name);
      expect(created.name).toBe(name);
      const read = await request().get(`/api/v1/surveys/${created.id}`).set(bearer(viewer)).expect(200);
      expect(read.body.name).toBe(name);
    }
  });
});
