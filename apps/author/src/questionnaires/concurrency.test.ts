import { beforeAll, expect, it } from 'vitest';
import { bearer, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { type SurveyFixture, surveyFixture, validDefinition } from './testing.ts';

describeEachDatabase('concurrent saves', (database) => {
  const request = () => testApp(database().db).request();
  let f: SurveyFixture;
  beforeAll(async () => {
    f = await surveyFixture(database().db);
  });

  it('lets exactly one of several saves on the same revision win; the others get 409 with the new revision', async () => {
    const created = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition: validDefinition() })
      .expect(201);
    const id = created.body.id as string;
    const editors = 8;
    const responses = await Promise.all(
      Array.from({ length: editors }, (_, n) =>
        request()
          .put(`/api/v1/questionnaires/${id}`)
          .set(bearer(f.editor))
          .send({ definition: validDefinition({ title: `Edit ${n}` }), baseRevision: 1 }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(editors - 1).fill(409)]);
    for (const stale of responses.filter((r) => r.status === 409)) {
      expect(stale.body.error).toMatchObject({ code: 'stale_revision', details: { currentRevision: 2 } });
    }

    const winner = responses.find((r) => r.status === 200);
    const winningTitle = `Edit ${responses.indexOf(winner as (typeof responses)[number])}`;
    const read = await request().get(`/api/v1/questionnaires/${id}`).set(bearer(f.viewer)).expect(200);
    expect(read.body).toMatchObject({ revision: 2, title: winningTitle });
    const history = await database().db('questionnaire_revisions').where({ questionnaire_id: id }).orderBy('revision');
    expect(history.map((r) => [r.revision, (r.definition as { title: string }).title])).toEqual([
      [1, 'Shop survey'],
      [2, winningTitle],
    ]);
    const saves = await database().db('audit_events').where({ subject_id: id, action: 'questionnaire.save' });
    expect(saves).toHaveLength(1);
  });

  it('keeps every save of one editor working in turn, each on the revision the last returned', async () => {
    const created = await request()
      .post(`/api/v1/surveys/${f.surveyId}/questionnaires`)
      .set(bearer(f.editor))
      .send({ definition: validDefinition() })
      .expect(201);
    let revision = 1;
    for (let n = 0; n < 5; n++) {
      const saved = await request()
        .put(`/api/v1/questionnaires/${created.body.id}`)
        .set(bearer(f.editor))
        .send({ definition: validDefinition({ title: `Step ${n}` }), baseRevision: revision })
        .expect(200);
      expect(saved.body.revision).toBe(revision + 1);
      revision = saved.body.revision;
    }
  });
});
