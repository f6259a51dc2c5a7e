import { issueCode } from '@eq/access-code';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestUser, TEST_KEYS, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { codeRowsOf, issueJson, seedQuestionnaire } from './testing.ts';

const revokePath = (id: string) => `/api/v1/questionnaires/${id}/access-codes/revoke`;

describeEachDatabase('revoking access codes', (database) => {
  const app = () => testApp(database().db);
  let editor: TestUser;
  let viewer: TestUser;
  beforeAll(async () => {
    editor = await createTestUser(database().db, 'editor');
    viewer = await createTestUser(database().db, 'viewer');
  });

  const revokedSerials = async (questionnaireId: string) =>
    (await codeRowsOf(database().db, questionnaireId))
      .filter((row) => row.revocation !== null)
      .map((row) => row.serial);

  it('revokes codes however they are spelt, and reports codes revoked already', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const { request } = app();
    const issued = await issueJson(request, bearer(editor), questionnaire.id, 5);
    const [a = '', b = '', c = ''] = issued.codes;
    const response = await request()
      .post(revokePath(questionnaire.id))
      .set(bearer(editor))
      .send({ codes: [a.toLowerCase(), b.replaceAll(' ', '-'), a] })
      .expect(200);
    expect(response.body).toEqual({ revoked: 2, alreadyRevoked: 0 });
    expect(await revokedSerials(questionnaire.id)).toEqual([0, 1]);

    const again = await request()
      .post(revokePath(questionnaire.id))
      .set(bearer(editor))
      .send({ codes: [b, c] })
      .expect(200);
    expect(again.body).toEqual({ revoked: 1, alreadyRevoked: 1 });
    const row = await database().db('access_codes').where({ questionnaire_id: questionnaire.id, serial: 2 }).first();
    expect(row).toMatchObject({ revoked_by: editor.id, revoked_at: expect.any(Date) });
  });

  it('revokes a whole batch, alone or with codes of other batches', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const { request } = app();
    const first = await issueJson(request, bearer(editor), questionnaire.id, 3);
    const second = await issueJson(request, bearer(editor), questionnaire.id, 4);
    const response = await request()
      .post(revokePath(questionnaire.id))
      .set(bearer(editor))
      .send({ batchId: second.batchId, codes: [first.codes[1], second.codes[0]] })
      .expect(200);
    expect(response.body).toEqual({ revoked: 5, alreadyRevoked: 0 });
    expect(await revokedSerials(questionnaire.id)).toEqual([1, 3, 4, 5, 6]);
  });

  it('records the revocation in the audit log, without the codes', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const { request } = app();
    const issued = await issueJson(request, bearer(editor), questionnaire.id, 2);
    await request().post(revokePath(questionnaire.id)).set(bearer(editor)).send({ codes: issued.codes }).expect(200);
    const event = await database()
      .db('audit_events')
      .where({ action: 'access-codes.revoke', subject_id: questionnaire.id })
      .first();
    expect(event).toMatchObject({ actor_id: editor.id, subject_type: 'questionnaire' });
    expect(event.details).toMatchObject({ revoked: 2, alreadyRevoked: 0, codesNamed: 2 });
    for (const code of issued.codes) expect(JSON.stringify(event)).not.toContain(code.replaceAll(' ', ''));
  });

  describe('refuses, revoking nothing', () => {
    it('codes that are not codes, of another questionnaire or not issued yet, listing each (422)', async () => {
      const questionnaire = await seedQuestionnaire(database().db);
      const other = await seedQuestionnaire(database().db);
      const { request } = app();
      const issued = await issueJson(request, bearer(editor), questionnaire.id, 2);
      const foreign = await issueJson(request, bearer(editor), other.id, 1);
      const good = issued.codes[0] ?? '';
      const typo = `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`;
      const response = await request()
        .post(revokePath(questionnaire.id))
        .set(bearer(editor))
        .send({
          codes: [
            good,
            'not a code',
            typo,
            foreign.codes[0],
            issueCode(TEST_KEYS.accessCodeKey, questionnaire.series, 99),
            issueCode('another-key-of-another-deployment-0123', questionnaire.series, 1),
          ],
        })
        .expect(422);
      expect(response.body.error).toEqual({
        code: 'invalid_codes',
        message: 'some of the codes cannot be revoked, so none was',
        details: [
          { path: 'body.codes.1', message: 'is not an access code (16 letters and digits)' },
          { path: 'body.codes.2', message: 'is not an access code: a character is wrong or two are swapped' },
          { path: 'body.codes.3', message: 'is a code of another questionnaire' },
          { path: 'body.codes.4', message: 'has not been issued yet' },
          { path: 'body.codes.5', message: 'was not issued by this system' },
        ],
      });
      expect(await revokedSerials(questionnaire.id)).toEqual([]);
      expect(await revokedSerials(other.id)).toEqual([]);
    });

    it('a batch of another questionnaire (422)', async () => {
      const questionnaire = await seedQuestionnaire(database().db);
      const other = await seedQuestionnaire(database().db);
      const { request } = app();
      const issued = await issueJson(request, bearer(editor), questionnaire.id, 1);
      const foreign = await issueJson(request, bearer(editor), other.id, 1);
      const response = await request()
        .post(revokePath(questionnaire.id))
        .set(bearer(editor))
        .send({ batchId: foreign.batchId, codes: issued.codes })
        .expect(422);
      expect(response.body.error.details).toEqual([
        { path: 'body.batchId', message: 'is not a batch of this questionnaire' },
      ]);
      expect(await revokedSerials(questionnaire.id)).toEqual([]);
      expect(await revokedSerials(other.id)).toEqual([]);
    });

    it.each([
      ['neither codes nor a batch', {}],
      ['an empty list of codes', { codes: [] }],
      ['codes that are not strings', { codes: [42] }],
      ['a batch id that is not a UUID', { batchId: 'batch-1' }],
      ['unknown fields', { codes: ['AAAA'], reason: 'lost' }],
      ['more than 10,000 codes', { codes: Array.from({ length: 10_001 }, () => 'AAAA BBBB CCCC DDDD') }],
    ])('a body with %s (400)', async (_, body) => {
      const questionnaire = await seedQuestionnaire(database().db);
      await issueJson(app().request, bearer(editor), questionnaire.id, 1);
      const response = await app().request().post(revokePath(questionnaire.id)).set(bearer(editor)).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
      expect(await revokedSerials(questionnaire.id)).toEqual([]);
    });

    it('a viewer (403), an anonymous caller (401), and a questionnaire that does not exist (404)', async () => {
      const questionnaire = await seedQuestionnaire(database().db);
      const { request } = app();
      const issued = await issueJson(request, bearer(editor), questionnaire.id, 1);
      await request().post(revokePath(questionnaire.id)).set(bearer(viewer)).send({ codes: issued.codes }).expect(403);
      await request().post(revokePath(questionnaire.id)).send({ codes: issued.codes }).expect(401);
      await request()
        .post(revokePath('00000000-0000-4000-8000-000000000000'))
        .set(bearer(editor))
        .send({ codes: issued.codes })
        .expect(404);
      expect(await revokedSerials(questionnaire.id)).toEqual([]);
    });
  });
});
