import { randomUUID } from 'node:crypto';
import type { Submission } from '@eq/schema';
import { beforeAll, expect, it } from 'vitest';
import {
  exampleQuestionnaire,
  type SeededVersion,
  seedPublishedVersion,
  simulatedSubmission,
} from '../submissions/testing.ts';
import { bearer, createTestUser, RUNNER_AUTH, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { deliver } from './testing.ts';

const business = exampleQuestionnaire('business-survey');
const base = simulatedSubmission(business, { seed: 2 });

/** Seven responses: two pairs submitted at the same instant (paging must not lose either), one a test. */
const TIMES = [
  '2025-06-01T08:00:00.000Z',
  '2025-06-01T09:00:00.000Z',
  '2025-06-01T09:00:00.000Z',
  '2025-06-02T12:30:00.000Z',
  '2025-06-02T12:30:00.000Z',
  '2025-06-03T07:00:00.000Z',
  '2025-06-04T07:00:00.000Z',
];

describeEachDatabase('GET /api/v1/questionnaires/:id/responses', (database) => {
  const app = () => testApp(database().db);
  let v1: SeededVersion;
  let viewer: TestUser;
  const responses: Submission[] = [];
  const list = (query = '', user: { token: string } = viewer) =>
    app().request().get(`/api/v1/questionnaires/${v1.questionnaireId}/responses${query}`).set(bearer(user));

  beforeAll(async () => {
    v1 = await seedPublishedVersion(database().db, business);
    await seedPublishedVersion(database().db, business, { questionnaireId: v1.questionnaireId, version: 2 });
    viewer = await createTestUser(database().db, 'viewer');
    TIMES.forEach((submittedAt, i) => {
      responses.push({
        ...base,
        submissionId: randomUUID(),
        responseId: `resp-${i}`,
        respondentRef: `RU-${i}`,
        submittedAt,
        questionnaireVersion: i < 4 ? 1 : 2,
        ...(i === 6 ? { test: true } : {}),
      });
    });
    await deliver(app().request, responses);
  });

  /** The live (not test) responses, newest first, ties broken by submission id, as the API orders them. */
  const newestFirst = () =>
    responses
      .filter((r) => !r.test)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.submissionId.localeCompare(a.submissionId));

  it('lists the metadata of live responses newest first, without answers', async () => {
    const response = await list().expect(200);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.responses.map((r: { submissionId: string }) => r.submissionId)).toEqual(
      newestFirst().map((r) => r.submissionId),
    );
    const first = response.body.responses[0];
    const doc = newestFirst()[0];
    expect(Object.keys(first).sort()).toEqual(
      ['receivedAt', 'respondentRef', 'responseId', 'submissionId', 'submittedAt', 'test', 'version'].sort(),
    );
    expect(first).toMatchObject({
      submissionId: doc?.submissionId,
      responseId: doc?.responseId,
      version: doc?.questionnaireVersion,
      submittedAt: doc?.submittedAt,
      test: false,
      respondentRef: doc?.respondentRef,
    });
    expect(Date.parse(first.receivedAt)).not.toBeNaN();
  });

  it('pages with a cursor through responses submitted at the same instant, missing and repeating none', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await list(query).expect(200)).body;
      expect(page.responses.length).toBeLessThanOrEqual(2);
      seen.push(...page.responses.map((r: { submissionId: string }) => r.submissionId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(newestFirst().map((r) => r.submissionId));
  });

  it('filters by version, by submission time and by the test flag', async () => {
    const ids = async (query: string) =>
      (await list(query).expect(200)).body.responses.map((r: { responseId: string }) => r.responseId).sort();
    expect(await ids('?version=2')).toEqual(['resp-4', 'resp-5']);
    expect(await ids('?from=2025-06-01T09:00:00Z&to=2025-06-02T12:30:00Z')).toEqual(['resp-1', 'resp-2']);
    expect(await ids('?test=true')).toEqual(['resp-6']);
    expect(await ids('?test=all')).toHaveLength(7);
  });

  it('refuses a limit over 500, a cursor it did not give, unknown parameters and wrong types with 400', async () => {
    for (const query of [
      '?limit=501',
      '?limit=0',
      '?cursor=bm9wZQ',
      '?colour=red',
      '?version=two',
      '?test=maybe',
      '?from=yesterday',
    ]) {
      const response = await list(query).expect(400);
      expect(['invalid_request', 'invalid_cursor']).toContain(response.body.error.code);
      expect(response.body.error.details[0].path).toMatch(/^query/);
    }
    const exportWithPaging = await list('?format=csv&limit=5').expect(400);
    expect(exportWithPaging.body.error.code).toBe('invalid_request');
  });

  it('gives one response’s whole submission document', async () => {
    const doc = responses[3] as Submission;
    const response = await list(`/${doc.submissionId}`).expect(200);
    expect(response.body).toEqual(doc);
    // In the canonical document's order, whatever order the database keeps keys in.
    expect(Object.keys(response.body)).toEqual([
      'formatVersion',
      'submissionId',
      'responseId',
      'questionnaireId',
      'questionnaireVersion',
      'surveyId',
      'respondentRef',
      'language',
      'startedAt',
      'submittedAt',
      'metadata',
      'lists',
      'answers',
    ]);
    await list(`/${randomUUID()}`).expect(404);
    const other = await seedPublishedVersion(database().db, { ...business, id: 'other-survey' });
    await app()
      .request()
      .get(`/api/v1/questionnaires/${other.questionnaireId}/responses/${doc.submissionId}`)
      .set(bearer(viewer))
      .expect(404);
  });

  it('answers 404 for a questionnaire that does not exist, in the list and the export', async () => {
    const missing = randomUUID();
    for (const path of ['responses', 'responses/export?format=csv', 'responses?format=jsonl']) {
      const response = await app()
        .request()
        .get(`/api/v1/questionnaires/${missing}/${path}`)
        .set(bearer(viewer))
        .expect(404);
      expect(response.body.error.code).toBe('not_found');
    }
  });

  it('lets viewers and above read responses, not runners nor anonymous callers', async () => {
    for (const role of ['editor', 'admin'] as const) {
      await list('', await createTestUser(database().db, role)).expect(200);
    }
    const paths = ['', '/export?format=csv', `/${responses[0]?.submissionId}`];
    for (const path of paths) {
      const url = `/api/v1/questionnaires/${v1.questionnaireId}/responses${path}`;
      expect((await app().request().get(url).expect(401)).body.error.code).toBe('unauthenticated');
      expect((await app().request().get(url).set(RUNNER_AUTH).expect(403)).body.error.code).toBe('forbidden');
    }
    const audits = await database().db('audit_events').where({ action: 'responses.export' });
    expect(audits).toEqual([]);
  });
});
