import { randomUUID } from 'node:crypto';
import type { Submission } from '@eq/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestUser, RUNNER_AUTH, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { exampleQuestionnaire, type SeededVersion, seedPublishedVersion, simulatedSubmission } from './testing.ts';

const census = exampleQuestionnaire('census-household');
const business = exampleQuestionnaire('business-survey');

/** A census household of three, as a runner would deliver it, under a fresh submission id. */
function householdOfThree(overrides: Partial<Submission> = {}): Submission {
  return { ...simulatedSubmission(census, { people: 3, seed: 11 }), submissionId: randomUUID(), ...overrides };
}

describeEachDatabase('POST /api/v1/submissions', (database) => {
  const app = () => testApp(database().db);
  const post = (doc: unknown, headers: Record<string, string> = RUNNER_AUTH) =>
    app()
      .request()
      .post('/api/v1/submissions')
      .set(headers)
      .send(doc as object);
  const rowsOf = (submissionId: string) => database().db('submissions').where({ submission_id: submissionId });
  let censusV1: SeededVersion;

  beforeAll(async () => {
    censusV1 = await seedPublishedVersion(database().db, census);
    const businessV1 = await seedPublishedVersion(database().db, business);
    await seedPublishedVersion(database().db, business, {
      questionnaireId: businessV1.questionnaireId,
      version: 2,
      preview: true,
    });
  });

  it('stores a census household with its members, relationships and the version it names', async () => {
    const doc = householdOfThree({ respondentRef: 'HH-0001' });
    const response = await post(doc).set('Idempotency-Key', doc.submissionId).expect(201);
    expect(response.body).toEqual({ submissionId: doc.submissionId, status: 'created', test: false });
    const [row] = await rowsOf(doc.submissionId);
    expect(row).toMatchObject({
      questionnaire_id: censusV1.questionnaireId,
      slug: 'census-household',
      version: 1,
      response_id: doc.responseId,
      test: false,
    });
    expect(row.submitted_at.toISOString()).toBe(doc.submittedAt);
    expect(row.payload).toEqual(doc);
  });

  it('answers a retry of the same document 200 and keeps the one row', async () => {
    const doc = householdOfThree();
    await post(doc).set('Idempotency-Key', doc.submissionId).expect(201);
    const retry = await post(doc).set('Idempotency-Key', doc.submissionId).expect(200);
    expect(retry.body.status).toBe('duplicate');
    expect(await rowsOf(doc.submissionId)).toHaveLength(1);
  });

  it('refuses a different document under a submission id already stored, keeping the first', async () => {
    const doc = householdOfThree();
    await post(doc).expect(201);
    const changed = { ...doc, respondentRef: 'someone else' };
    const response = await post(changed).expect(409);
    expect(response.body.error.code).toBe('submission_conflict');
    const [row] = await rowsOf(doc.submissionId);
    expect(row.payload).toEqual(doc);
  });

  it('keeps exactly one row when 20 copies of a submission arrive at once', async () => {
    const doc = householdOfThree();
    const { request } = app();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        request().post('/api/v1/submissions').set(RUNNER_AUTH).set('Idempotency-Key', doc.submissionId).send(doc),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(await rowsOf(doc.submissionId)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key that is not the body’s submission id with 400, storing nothing', async () => {
    const doc = householdOfThree();
    const response = await post(doc).set('Idempotency-Key', randomUUID()).expect(400);
    expect(response.body.error.code).toBe('idempotency_key_mismatch');
    expect(await rowsOf(doc.submissionId)).toHaveLength(0);
  });

  it('marks a submission as test when it says so, and every submission of a preview version', async () => {
    const flagged = { ...simulatedSubmission(business, { seed: 3 }), test: true };
    expect((await post(flagged).expect(201)).body.test).toBe(true);
    const preview = simulatedSubmission(business, { seed: 4, version: 2 });
    expect(preview.test).toBeUndefined();
    expect((await post(preview).expect(201)).body.test).toBe(true);
    const [row] = await rowsOf(preview.submissionId);
    expect(row.test).toBe(true);
    const live = simulatedSubmission(business, { seed: 5 });
    expect((await post(live).expect(201)).body.test).toBe(false);
  });

  it('refuses wrong types and unknown fields with 422 naming every problem and its path', async () => {
    const doc = householdOfThree();
    const bad = {
      ...doc,
      questionnaireVersion: 'one',
      submittedAt: 'yesterday',
      sneaky: true,
      answers: [{ ...doc.answers[0], value: { nested: true } }],
    };
    const response = await post(bad).expect(422);
    expect(response.body.error.code).toBe('invalid_submission');
    const paths = response.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['questionnaireVersion', 'submittedAt', 'answers.0.value', '']));
    expect(JSON.stringify(response.body.error.details)).toContain('sneaky');
    expect(await rowsOf(doc.submissionId)).toHaveLength(0);
  });

  it('refuses a questionnaire or version that was never published with 422', async () => {
    const unknownVersion = await post(householdOfThree({ questionnaireVersion: 7 })).expect(422);
    expect(unknownVersion.body.error.code).toBe('unknown_questionnaire_version');
    const unknownSlug = await post(householdOfThree({ questionnaireId: 'no-such-survey' })).expect(422);
    expect(unknownSlug.body.error.code).toBe('unknown_questionnaire_version');
  });

  it('refuses answers that do not fit the version: unknown ids, wrong data codes, items not in their list, bad values', async () => {
    const doc = householdOfThree();
    const person = doc.lists.people?.items[0] ?? '';
    const answers = [
      { answerId: 'favourite-colour', qCode: 'X1', value: 'blue' },
      { answerId: 'bedrooms', qCode: 'A99', value: 2 },
      { answerId: 'sex', qCode: 'P2', listItemId: 'nobody', value: 'female' },
      { answerId: 'sex', qCode: 'P2', value: 'female' },
      { answerId: 'tenure', qCode: 'A6', value: 'castle' },
      { answerId: 'central-heating', qCode: 'A5', value: ['oil', 'dragon-fire'] },
      { answerId: 'relationship', qCode: 'H11', listItemId: person, toListItemId: person, value: 'partner' },
      { answerId: 'cars', qCode: 'A8', value: 1 },
      { answerId: 'cars', qCode: 'A8', value: 2 },
    ];
    const response = await post({ ...doc, answers, lists: { ...doc.lists, pets: { items: [] } } }).expect(422);
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'lists.pets',
      'answers.0.answerId',
      'answers.1.qCode',
      'answers.2.listItemId',
      'answers.3.listItemId',
      'answers.4.value',
      'answers.5.value',
      'answers.6.toListItemId',
      'answers.8',
    ]);
    expect(await rowsOf(doc.submissionId)).toHaveLength(0);
  });

  it('refuses a submission without the launch data its version needs, or with it of another type', async () => {
    const doc = householdOfThree();
    const { address: _address, ...withoutAddress } = doc.metadata;
    const missing = await post({ ...doc, metadata: withoutAddress }).expect(422);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual(['metadata.address']);
    const wrongType = await post({ ...doc, metadata: { ...doc.metadata, address: true } }).expect(422);
    expect(wrongType.body.error.details.map((d: { path: string }) => d.path)).toEqual(['metadata.address']);
    expect(await rowsOf(doc.submissionId)).toHaveLength(0);
  });

  it('refuses text Postgres cannot store (a NUL, a lone surrogate) with 422 rather than failing', async () => {
    for (const text of ['before\u0000after', 'half \ud800 pair']) {
      const doc = householdOfThree();
      const answers = doc.answers.map((a) => (a.answerId === 'first-name' ? { ...a, value: text } : a));
      const response = await post({ ...doc, answers }).expect(422);
      expect(response.body.error.details[0].path).toMatch(/^answers\.\d+\.value$/);
      expect(await rowsOf(doc.submissionId)).toHaveLength(0);
    }
  });

  it('takes submissions only from runners: 401 without credentials, 403 for user tokens of any role', async () => {
    const doc = householdOfThree();
    await app().request().post('/api/v1/submissions').send(doc).expect(401);
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const user = await createTestUser(database().db, role);
      const response = await post(doc, bearer(user)).expect(403);
      expect(response.body.error.code).toBe('forbidden');
    }
    expect(await rowsOf(doc.submissionId)).toHaveLength(0);
  });

  it('refuses an oversized body with 413', async () => {
    const doc = householdOfThree({ respondentRef: 'x'.repeat(6 * 1024 * 1024) });
    const response = await post(doc).expect(413);
    expect(response.body.error.code).toBe('body_too_large');
  });
});

describe('simulatedSubmission', () => {
  it('gives the engine’s document for a household, the same for the same seed', () => {
    const a = simulatedSubmission(census, { people: 2, seed: 9, submissionId: '3f1c9a52-7b4e-4c1d-9a8e-2d5b6c7e8f90' });
    const b = simulatedSubmission(census, { people: 2, seed: 9, submissionId: '3f1c9a52-7b4e-4c1d-9a8e-2d5b6c7e8f90' });
    expect(a.lists.people?.items).toHaveLength(2);
    expect({ ...a, responseId: '' }).toEqual({ ...b, responseId: '' });
  });
});
