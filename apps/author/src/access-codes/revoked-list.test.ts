import { setTimeout } from 'node:timers/promises';
import { hashCode } from '@eq/access-code';
import { beforeAll, expect, it } from 'vitest';
import { bearer, createTestUser, RUNNER_AUTH, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { revokeAccessCodes } from './revoke.ts';
import { revokedSince } from './revoked-list.ts';
import { issueJson, seedQuestionnaire } from './testing.ts';

const revokedPath = (series: number, since?: string) =>
  `/api/v1/published/series/${series}/revoked${since === undefined ? '' : `?since=${encodeURIComponent(since)}`}`;

describeEachDatabase('the runners’ list of revoked codes', (database) => {
  const app = () => testApp(database().db);
  let editor: TestUser;
  beforeAll(async () => {
    editor = await createTestUser(database().db, 'editor');
  });

  const revoke = (questionnaireId: string, body: { codes?: string[]; batchId?: string }) =>
    app()
      .request()
      .post(`/api/v1/questionnaires/${questionnaireId}/access-codes/revoke`)
      .set(bearer(editor))
      .send(body)
      .expect(200);

  it('is empty, with no cursor, while nothing of the series is revoked', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    await issueJson(app().request, bearer(editor), questionnaire.id, 3);
    const response = await app().request().get(revokedPath(questionnaire.series)).set(RUNNER_AUTH).expect(200);
    expect(response.body).toEqual({ series: questionnaire.series, revoked: [], cursor: null, more: false });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('reports revoked codes by hash, then only those revoked after the cursor', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const other = await seedQuestionnaire(database().db);
    const { request } = app();
    const issued = await issueJson(request, bearer(editor), questionnaire.id, 6);
    const foreign = await issueJson(request, bearer(editor), other.id, 2);
    const [a = '', b = '', c = '', d = ''] = issued.codes;
    await revoke(questionnaire.id, { codes: [a, b] });
    await revoke(other.id, { codes: foreign.codes });

    const first = await request().get(revokedPath(questionnaire.series)).set(RUNNER_AUTH).expect(200);
    expect(first.body.revoked.sort()).toEqual([hashCode(a), hashCode(b)].sort());
    expect(first.body.more).toBe(false);
    expect(first.body.cursor).toMatch(/^\d+\.[0-9a-f]{64}$/);

    const unchanged = await request().get(revokedPath(questionnaire.series, first.body.cursor)).set(RUNNER_AUTH);
    expect(unchanged.body).toEqual({
      series: questionnaire.series,
      revoked: [],
      cursor: first.body.cursor,
      more: false,
    });

    await revoke(questionnaire.id, { codes: [c, d, a] });
    const next = await request().get(revokedPath(questionnaire.series, first.body.cursor)).set(RUNNER_AUTH).expect(200);
    expect(next.body.revoked.sort()).toEqual([hashCode(c), hashCode(d)].sort());
    expect(next.body.cursor).not.toBe(first.body.cursor);
  });

  it('pages a large revocation, each page after the last, none missed or repeated', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const issued = await issueJson(app().request, bearer(editor), questionnaire.id, 7);
    await revoke(questionnaire.id, { codes: issued.codes.slice(0, 2) });
    await revoke(questionnaire.id, { batchId: issued.batchId });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await revokedSince(database().db, questionnaire.series, cursor, 3);
      pages += 1;
      seen.push(...page.revoked);
      cursor = page.cursor ?? undefined;
      if (!page.more) break;
    }
    expect(pages).toBe(3);
    expect(seen.slice(0, 2).sort()).toEqual(issued.codes.slice(0, 2).map(hashCode).sort());
    expect(seen.sort()).toEqual(issued.codes.map(hashCode).sort());
  });

  it('sees every revocation of parallel requests when read as they happen', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const { request, services } = app();
    const issued = await issueJson(request, bearer(editor), questionnaire.id, 60);
    const seen = new Set<string>();
    let cursor: string | undefined;
    const read = async () => {
      const page = await revokedSince(database().db, questionnaire.series, cursor);
      for (const hash of page.revoked) seen.add(hash);
      cursor = page.cursor ?? undefined;
    };
    // Revocations that commit out of the order of their numbers would be skipped by a reader
    // already past them: revoke.ts takes its number under the questionnaire's lock so they cannot.
    const revocations = Promise.all(
      issued.codes.map((code) =>
        revokeAccessCodes(services, { questionnaireId: questionnaire.id, codes: [code], actor: undefined }),
      ),
    );
    let settled = false;
    void revocations.finally(() => {
      settled = true;
    });
    while (!settled) {
      await read();
      // A runner reads now and then; PGlite answers without I/O, so give the revocations their turn.
      await setTimeout(0);
    }
    await revocations;
    await read();
    expect([...seen].sort()).toEqual(issued.codes.map(hashCode).sort());
  });

  it('needs the runners’ credential', async () => {
    const questionnaire = await seedQuestionnaire(database().db);
    const { request } = app();
    const anonymous = await request().get(revokedPath(questionnaire.series)).expect(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
    const staff = await request().get(revokedPath(questionnaire.series)).set(bearer(editor)).expect(403);
    expect(staff.body.error.code).toBe('forbidden');
  });

  it('answers 404 for a series no questionnaire has, and 400 for a bad series or cursor', async () => {
    const { request } = app();
    await request().get(revokedPath(1_048_575)).set(RUNNER_AUTH).expect(404);
    for (const path of [
      revokedPath(1_048_576),
      '/api/v1/published/series/-1/revoked',
      '/api/v1/published/series/x/revoked',
    ])
      await request().get(path).set(RUNNER_AUTH).expect(400);
    const badCursor = await request().get(revokedPath(1, "1.abc' or 1=1")).set(RUNNER_AUTH).expect(400);
    expect(badCursor.body.error.details).toEqual([
      { path: 'query.since', message: 'must be a cursor from an earlier reply' },
    ]);
  });
});
