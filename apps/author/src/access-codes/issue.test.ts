import { hashCode, SERIAL_LIMIT, verifyCode } from '@eq/access-code';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestUser, TEST_KEYS, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { codeRowsOf, issueJson, nextSerialOf, seedQuestionnaire } from './testing.ts';

const issuePath = (id: string) => `/api/v1/questionnaires/${id}/access-codes`;

/** A CSV of the download, as rows of cells (codes and UUIDs need no quoting). */
function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

describeEachDatabase('issuing access codes', (database) => {
  const app = () => testApp(database().db);
  let editor: TestUser;
  let viewer: TestUser;
  beforeAll(async () => {
    editor = await createTestUser(database().db, 'editor');
    viewer = await createTestUser(database().db, 'viewer');
  });

  it('issues codes of the questionnaire’s series that verify, with consecutive serials, kept only as hashes', async () => {
    const { db } = database();
    const questionnaire = await seedQuestionnaire(db);
    const issued = await issueJson(app().request, bearer(editor), questionnaire.id, 50);
    expect(issued).toMatchObject({ count: 50, series: questionnaire.series, firstSerial: 0 });
    expect(issued.codes).toHaveLength(50);
    expect(new Set(issued.codes).size).toBe(50);
    const verified = issued.codes.map((code) => verifyCode(TEST_KEYS.accessCodeKey, code));
    expect(verified.every((v) => v.ok && v.series === questionnaire.series)).toBe(true);
    expect(verified.map((v) => (v.ok ? v.serial : -1))).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const code of issued.codes) expect(code).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){3}$/);

    const rows = await codeRowsOf(db, questionnaire.id);
    expect(rows.map((row) => row.code_hash)).toEqual(issued.codes.map(hashCode));
    expect(rows.every((row) => row.batch_id === issued.batchId && row.revocation === null)).toBe(true);
    expect(await nextSerialOf(db, questionnaire.id)).toBe(50);
    const stored = JSON.stringify(await db('access_codes').where({ questionnaire_id: questionnaire.id }));
    for (const code of issued.codes) expect(stored).not.toContain(code.replaceAll(' ', ''));
  });

  it('downloads the codes as a CSV attachment by default, never to be cached', async () => {
    const { db } = database();
    const questionnaire = await seedQuestionnaire(db);
    const response = await app()
      .request()
      .post(issuePath(questionnaire.id))
      .set(bearer(editor))
      .send({ count: 30 })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
        });
        res.on('end', () => done(null, text));
      })
      .expect(201);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const [batch] = await db('access_code_batches').where({ questionnaire_id: questionnaire.id }).pluck('id');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename=access-codes-${questionnaire.series}-${batch}.csv`,
    );
    const [header, ...rows] = csvRows(response.body as string);
    expect(header).toEqual(['access_code', 'serial', 'batch']);
    expect(rows).toHaveLength(30);
    for (const [index, [code = '', serial, batchId]] of rows.entries()) {
      expect(verifyCode(TEST_KEYS.accessCodeKey, code)).toMatchObject({
        ok: true,
        series: questionnaire.series,
        serial: index,
      });
      expect(code).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){3}$/);
      expect(serial).toBe(String(index));
      expect(batchId).toBe(batch);
    }
    expect((await codeRowsOf(db, questionnaire.id)).map((row) => row.code_hash)).toEqual(
      rows.map(([code = '']) => hashCode(code)),
    );
  });

  it('continues the series where the last batch ended', async () => {
    const { db } = database();
    const questionnaire = await seedQuestionnaire(db);
    const first = await issueJson(app().request, bearer(editor), questionnaire.id, 3);
    const second = await issueJson(app().request, bearer(editor), questionnaire.id, 4);
    expect(second.firstSerial).toBe(3);
    expect(second.batchId).not.toBe(first.batchId);
    expect(second.codes.map((code) => verifyCode(TEST_KEYS.accessCodeKey, code))).toEqual(
      [3, 4, 5, 6].map((serial) => expect.objectContaining({ ok: true, serial })),
    );
  });

  it('gives parallel issues disjoint serials, with no code issued twice', async () => {
    const { db } = database();
    const questionnaire = await seedQuestionnaire(db);
    const { request } = app();
    const batches = await Promise.all(
      [400, 300, 200, 100].map((count) => issueJson(request, bearer(editor), questionnaire.id, count)),
    );
    const serials = batches.flatMap((batch) =>
      batch.codes.map((code) => {
        const verified = verifyCode(TEST_KEYS.accessCodeKey, code);
        return verified.ok ? verified.serial : -1;
      }),
    );
    expect(serials.sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(await nextSerialOf(db, questionnaire.id)).toBe(1000);
    const rows = await codeRowsOf(db, questionnaire.id);
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((row) => row.batch_id)).size).toBe(4);
  });

  it('issues a batch larger than one insert chunk in full', async () => {
    const { db } = database();
    const questionnaire = await seedQuestionnaire(db, { nextSerial: 7 });
    const issued = await issueJson(app().request, bearer(editor), questionnaire.id, 25_001);
    expect(issued.codes).toHaveLength(25_001);
    const rows = await codeRowsOf(db, questionnaire.id);
    expect(rows.map((row) => row.serial)).toEqual(Array.from({ length: 25_001 }, (_, i) => i + 7));
    expect(rows.map((row) => row.code_hash)).toEqual(issued.codes.map(hashCode));
  });

  it('records the issue in the audit log without the codes', async () => {
    const { db } = database();
    const questionnaire = await seedQuestionnaire(db);
    const issued = await issueJson(app().request, bearer(editor), questionnaire.id, 5);
    const event = await db('audit_events')
      .where({ action: 'access-codes.issue', subject_id: questionnaire.id })
      .first();
    expect(event).toMatchObject({ actor_id: editor.id, actor_email: editor.email, subject_type: 'questionnaire' });
    expect(event.details).toEqual({ batchId: issued.batchId, count: 5, series: questionnaire.series, firstSerial: 0 });
    for (const code of issued.codes) expect(JSON.stringify(event)).not.toContain(code.replaceAll(' ', ''));
  });

  describe('refuses, issuing nothing', () => {
    const expectNothingIssued = async (questionnaireId: string) => {
      expect(await nextSerialOf(database().db, questionnaireId)).toBe(0);
      expect(await codeRowsOf(database().db, questionnaireId)).toHaveLength(0);
      expect(await database().db('access_code_batches').where({ questionnaire_id: questionnaireId })).toHaveLength(0);
    };

    it('a viewer (403) and an anonymous caller (401)', async () => {
      const questionnaire = await seedQuestionnaire(database().db);
      const { request } = app();
      const refused = await request().post(issuePath(questionnaire.id)).set(bearer(viewer)).send({ count: 1 });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      await request().post(issuePath(questionnaire.id)).send({ count: 1 }).expect(401);
      await expectNothingIssued(questionnaire.id);
    });

    it.each([
      ['0', { count: 0 }, 'must be at least 1'],
      ['100,001', { count: 100_001 }, 'must be at most 100,000'],
      ['a string', { count: '10' }, 'must be a whole number'],
      ['a fraction', { count: 1.5 }, 'must be a whole number'],
      ['missing', {}, 'must be a whole number'],
    ])('a count that is %s (400)', async (_, body, message) => {
      const questionnaire = await seedQuestionnaire(database().db);
      const response = await app().request().post(issuePath(questionnaire.id)).set(bearer(editor)).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'invalid_request',
        details: [{ path: 'body.count', message }],
      });
      await expectNothingIssued(questionnaire.id);
    });

    it('unknown fields (400)', async () => {
      const questionnaire = await seedQuestionnaire(database().db);
      const response = await app()
        .request()
        .post(issuePath(questionnaire.id))
        .set(bearer(editor))
        .send({ count: 1, series: 3 });
      expect(response.status).toBe(400);
      await expectNothingIssued(questionnaire.id);
    });

    it('a questionnaire never published, or only previewed (409)', async () => {
      for (const state of ['draft', 'preview'] as const) {
        const questionnaire = await seedQuestionnaire(database().db, { state });
        const response = await app().request().post(issuePath(questionnaire.id)).set(bearer(editor)).send({ count: 1 });
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('not_published');
        await expectNothingIssued(questionnaire.id);
      }
    });

    it('a questionnaire that needs launch data, which codes cannot carry (409, naming what it needs)', async () => {
      const questionnaire = await seedQuestionnaire(database().db, {
        definitionFile: 'examples/census-household.json',
      });
      const response = await app().request().post(issuePath(questionnaire.id)).set(bearer(editor)).send({ count: 1 });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('needs_launch_data');
      expect(JSON.stringify(response.body.error.details)).toContain('address');
      await expectNothingIssued(questionnaire.id);
    });

    it('a questionnaire that does not exist (404) or an id that is not one (400)', async () => {
      const { request } = app();
      const missing = await request()
        .post(issuePath('00000000-0000-4000-8000-000000000000'))
        .set(bearer(editor))
        .send({ count: 1 });
      expect(missing.status).toBe(404);
      await request().post(issuePath('not-an-id')).set(bearer(editor)).send({ count: 1 }).expect(400);
    });

    it('a reply type it cannot give (406)', async () => {
      const questionnaire = await seedQuestionnaire(database().db);
      const response = await app()
        .request()
        .post(issuePath(questionnaire.id))
        .set(bearer(editor))
        .set('Accept', 'application/xml')
        .send({ count: 1 });
      expect(response.status).toBe(406);
      await expectNothingIssued(questionnaire.id);
    });
  });

  it('issues up to the last serial of the series, then refuses with 409', async () => {
    const { db } = database();
    const questionnaire = await seedQuestionnaire(db, { nextSerial: SERIAL_LIMIT - 5 });
    const { request } = app();
    const tooMany = await request().post(issuePath(questionnaire.id)).set(bearer(editor)).send({ count: 6 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error).toMatchObject({ code: 'series_exhausted', details: { remaining: 5 } });
    expect(await nextSerialOf(db, questionnaire.id)).toBe(SERIAL_LIMIT - 5);

    const last = await issueJson(request, bearer(editor), questionnaire.id, 5);
    expect(last.firstSerial).toBe(SERIAL_LIMIT - 5);
    expect(verifyCode(TEST_KEYS.accessCodeKey, last.codes.at(-1))).toMatchObject({ serial: SERIAL_LIMIT - 1 });
    const exhausted = await request().post(issuePath(questionnaire.id)).set(bearer(editor)).send({ count: 1 });
    expect(exhausted.status).toBe(409);
    expect(exhausted.body.error.details).toEqual({ remaining: 0 });
  });
});
