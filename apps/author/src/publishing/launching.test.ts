import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestUser, RUNNER_AUTH, TEST_KEYS, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { definitionChecksum } from './checksum.ts';
import { publishQuestionnaire } from './publish.ts';
import { publicJwks, type RunnerLaunchResult, runnerLaunchTokenVerifier } from './runner-code.ts';
import { definition, definitionWithErrors, saveDraft, seedQuestionnaire, uniqueId } from './testing.ts';

const RUNNER_URL = 'http://localhost:3001';

describeEachDatabase('previews and launch tokens', (database) => {
  const db = () => database().db;
  const request = () => testApp(db()).request();
  let editor: TestUser;
  let verify: (token: string) => Promise<RunnerLaunchResult>;

  beforeAll(async () => {
    editor = await createTestUser(db(), 'editor');
    const verifier = await runnerLaunchTokenVerifier(publicJwks(JSON.parse(TEST_KEYS.launchSigningKey)));
    verify = (token) => verifier.verify(token);
  });

  const post = (id: string, what: 'preview' | 'launch-tokens', body: object = {}, user: TestUser = editor) =>
    request().post(`/api/v1/questionnaires/${id}/${what}`).set(bearer(user)).send(body);
  const runnerGet = (path: string) => request().get(`/api/v1/published${path}`).set(RUNNER_AUTH);

  async function claimsOf(token: string): Promise<Record<string, unknown>> {
    const verified = await verify(token);
    if (!verified.ok) throw new Error(`the runner refused the token: ${verified.reason} ${verified.detail}`);
    return verified.claims;
  }

  describe('a preview', () => {
    it('snapshots the draft under the preview slug and gives a preview launch token the runner accepts', async () => {
      const id = uniqueId('census');
      const q = await seedQuestionnaire(db(), definition('census-household', id));
      const response = await post(q.id, 'preview', { metadata: { address: '1 High Street' }, language: 'cy' }).expect(
        201,
      );
      const previewSlug = `${id}--preview`;
      expect(response.body).toMatchObject({ slug: previewSlug, version: 1, responseId: expect.any(String) });
      expect(response.body.url).toBe(`${RUNNER_URL}/session?token=${encodeURIComponent(response.body.token)}`);
      expect(await claimsOf(response.body.token)).toMatchObject({
        questionnaire: previewSlug,
        version: 1,
        preview: true,
        response_id: response.body.responseId,
        metadata: { address: '1 High Street' },
        lang: 'cy',
      });

      const version = await runnerGet(`/${previewSlug}/versions/1`).expect(200);
      expect(version.body).toEqual({
        slug: previewSlug,
        version: 1,
        // Published under the preview slug, which submissions then name as their questionnaire.
        definition: definition('census-household', previewSlug),
        openAccess: false,
        opensAt: null,
        closesAt: null,
        preview: true,
      });
      expect(version.headers.etag).toBe(`"${definitionChecksum(definition('census-household', previewSlug))}"`);
    });

    it('never becomes the latest version, nor fixes the slug', async () => {
      const id = uniqueId('social');
      const q = await seedQuestionnaire(db(), definition('social-survey', id));
      await post(q.id, 'preview').expect(201);
      await runnerGet(`/${id}`).expect(404);
      await runnerGet(`/${id}--preview`).expect(404);
      const row = await db()('questionnaires').where({ id: q.id }).first('slug', 'latest_version');
      expect(row).toEqual({ slug: null, latest_version: null });
      const published = await publishQuestionnaire(db(), { questionnaireId: q.id });
      expect(published.version).toBe(1);
      await post(q.id, 'preview').expect(201);
      expect((await runnerGet(`/${id}`).expect(200)).body.version).toBe(1);
      const versions = await request().get(`/api/v1/questionnaires/${q.id}/versions`).set(bearer(editor)).expect(200);
      expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    });

    it('reuses the snapshot while the draft is unchanged, and makes a new one after a save', async () => {
      const id = uniqueId('business');
      const q = await seedQuestionnaire(db(), definition('business-survey', id));
      const metadata = {
        ru_name: 'Acme Ltd',
        period_start: '2031-01-01',
        period_end: '2031-03-31',
        employment_date: '2031-03-31',
      };
      const first = await post(q.id, 'preview', { metadata }).expect(201);
      const again = await post(q.id, 'preview', { metadata }).expect(201);
      expect(again.body.version).toBe(first.body.version);
      expect(again.body.token).not.toBe(first.body.token);
      const changed = definition('business-survey', id);
      changed.title = 'Quarterly business survey (new wording)';
      await saveDraft(db(), q.id, changed);
      const third = await post(q.id, 'preview', { metadata }).expect(201);
      expect(third.body.version).toBe(first.body.version + 1);
      const old = await runnerGet(`/${id}--preview/versions/${first.body.version}`).expect(200);
      expect(old.body.definition.title).not.toBe(changed.title);
      const events = await db()('audit_events').where({ action: 'questionnaire.preview', subject_id: q.id });
      expect(events).toHaveLength(3);
    });

    it('refuses a draft with errors, and launch values that do not suit it, creating nothing', async () => {
      const broken = await seedQuestionnaire(db(), definitionWithErrors(uniqueId('broken')));
      const errors = await post(broken.id, 'preview').expect(422);
      expect(errors.body.error.code).toBe('questionnaire_has_errors');

      const census = await seedQuestionnaire(db(), definition('census-household', uniqueId('census')));
      const missing = await post(census.id, 'preview', { language: 'fr' }).expect(422);
      expect(missing.body.error).toMatchObject({
        code: 'invalid_launch_values',
        details: [
          { path: 'body.metadata.address', message: 'address is missing' },
          { path: 'body.language', message: expect.stringContaining('en, cy') },
        ],
      });
      await post(census.id, 'preview', { metadata: { address: 'x' }, colour: 'red' }).expect(400);
      await post(census.id, 'preview', { metadata: { address: { line: 1 } } }).expect(400);
      await post(census.id, 'preview', { metadata: { address: 'x' }, lifetimeSeconds: 3600 }).expect(400);
      const rows = await db()('published_versions').whereIn('questionnaire_id', [broken.id, census.id]);
      expect(rows).toEqual([]);
    });

    it('is for editors', async () => {
      const viewer = await createTestUser(db(), 'viewer');
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('social')));
      await post(q.id, 'preview', {}, viewer).expect(403);
      await request().post(`/api/v1/questionnaires/${q.id}/preview`).send({}).expect(401);
      await post('00000000-0000-4000-8000-000000000000', 'preview').expect(404);
      expect(await db()('published_versions').where({ questionnaire_id: q.id })).toEqual([]);
    });
  });

  describe('a launch token', () => {
    let questionnaireId: string;
    let slug: string;
    const metadata = { region: 'gb', period_end: '2031-03-31', register_employees: 12, first_return: true };

    beforeAll(async () => {
      slug = uniqueId('metadata');
      const q = await seedQuestionnaire(db(), definition('routing-metadata', slug));
      questionnaireId = q.id;
      await publishQuestionnaire(db(), { questionnaireId });
      await publishQuestionnaire(db(), { questionnaireId });
    });

    it('leads to the latest version with the given launch values, signed as the runner checks', async () => {
      const response = await post(questionnaireId, 'launch-tokens', {
        metadata,
        respondentRef: 'ref-123',
        lifetimeSeconds: 120,
      }).expect(201);
      expect(response.body).toMatchObject({ slug, version: null, responseId: expect.any(String) });
      expect(response.body.url).toBe(`${RUNNER_URL}/session?token=${encodeURIComponent(response.body.token)}`);
      const claims = await claimsOf(response.body.token);
      expect(claims).toMatchObject({
        questionnaire: slug,
        response_id: response.body.responseId,
        respondent_ref: 'ref-123',
        metadata,
      });
      expect(claims).not.toHaveProperty('version');
      expect(claims).not.toHaveProperty('preview');
      expect((claims.exp as number) - (claims.iat as number)).toBe(120);
      expect(new Date(response.body.expiresAt).getTime()).toBe((claims.exp as number) * 1000);
    });

    it('names a version and a response when asked, and converts values as the runner would', async () => {
      const response = await post(questionnaireId, 'launch-tokens', {
        version: 1,
        responseId: 'household-42',
        metadata: { ...metadata, register_employees: '12', first_return: 'false', undeclared: 'dropped' },
      }).expect(201);
      expect(response.body).toMatchObject({ version: 1, responseId: 'household-42' });
      const claims = await claimsOf(response.body.token);
      expect(claims).toMatchObject({ version: 1, response_id: 'household-42' });
      expect(claims.metadata).toEqual({ ...metadata, first_return: false });
    });

    it('refuses values that do not suit the version, naming each', async () => {
      const response = await post(questionnaireId, 'launch-tokens', {
        metadata: { region: 'gb', period_end: '31/03/2031', register_employees: 'many' },
      }).expect(422);
      expect(response.body.error.code).toBe('invalid_launch_values');
      expect(response.body.error.details.map((d: { path: string }) => d.path)).toEqual([
        'body.metadata.period_end',
        'body.metadata.register_employees',
        'body.metadata.first_return',
      ]);
    });

    it('refuses a version that does not exist (404), and a questionnaire never published (409)', async () => {
      await post(questionnaireId, 'launch-tokens', { version: 9, metadata }).expect(404);
      const draft = await seedQuestionnaire(db(), definition('social-survey', uniqueId('draft')));
      const response = await post(draft.id, 'launch-tokens', {}).expect(409);
      expect(response.body.error.code).toBe('not_published');
      await post(draft.id, 'preview').expect(201);
      await post(draft.id, 'launch-tokens', {}).expect(409);
    });

    it('refuses bad input with 400', async () => {
      for (const body of [
        { metadata, version: 0 },
        { metadata, version: '1' },
        { metadata, responseId: 'has spaces' },
        { metadata, lifetimeSeconds: 10 },
        { metadata, language: 'English' },
        { metadata, respondentRef: '' },
        { metadata, extra: true },
        { metadata: { '': 'x' } },
        { metadata: 'region=gb' },
      ]) {
        const response = await post(questionnaireId, 'launch-tokens', body).expect(400);
        expect(response.body.error.code).toBe('invalid_request');
      }
    });

    it('is recorded in the audit log without the token or the values', async () => {
      const response = await post(questionnaireId, 'launch-tokens', { metadata, responseId: 'audited-1' }).expect(201);
      const event = await db()('audit_events')
        .where({ action: 'launch-token.issue', subject_id: questionnaireId })
        .orderBy('id', 'desc')
        .first();
      expect(event.details).toEqual({
        slug,
        version: null,
        responseId: 'audited-1',
        expiresAt: response.body.expiresAt,
      });
      expect(JSON.stringify(event)).not.toContain(response.body.token);
    });

    it('is for editors: viewers 403, runners 403, anonymous 401', async () => {
      const viewer = await createTestUser(db(), 'viewer');
      await post(questionnaireId, 'launch-tokens', { metadata }, viewer).expect(403);
      await request()
        .post(`/api/v1/questionnaires/${questionnaireId}/launch-tokens`)
        .set(RUNNER_AUTH)
        .send({})
        .expect(403);
      await request().post(`/api/v1/questionnaires/${questionnaireId}/launch-tokens`).send({}).expect(401);
    });
  });
});
