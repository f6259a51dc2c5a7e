import { beforeAll, describe, expect, it } from 'vitest';
import { definitionChecksum } from '../publishing/checksum.ts';
import { publishQuestionnaire } from '../publishing/publish.ts';
import { type RunnerResponseSchemas, runnerResponseSchemas } from '../publishing/runner-code.ts';
import { definition, saveDraft, seedQuestionnaire, uniqueId } from '../publishing/testing.ts';
import { bearer, createTestUser, RUNNER_AUTH, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('published questionnaires for runners', (database) => {
  const db = () => database().db;
  const runner = (path: string) => testApp(db()).request().get(`/api/v1/published${path}`).set(RUNNER_AUTH);
  let editor: TestUser;
  let slug: string;
  let questionnaireId: string;
  let series: number;
  let runnerSchemas: RunnerResponseSchemas;

  beforeAll(async () => {
    runnerSchemas = await runnerResponseSchemas();
    editor = await createTestUser(db(), 'editor');
    slug = uniqueId('census');
    const q = await seedQuestionnaire(db(), definition('census-household', slug), { openAccess: true });
    questionnaireId = q.id;
    await publishQuestionnaire(db(), { questionnaireId }, editor);
    const row = await db()('questionnaires').where({ id: questionnaireId }).first('series');
    series = row.series;
  });

  describe('the latest pointer', () => {
    it('names the latest version with the access settings and series, in the shape runners parse', async () => {
      const response = await runner(`/${slug}`).expect(200);
      expect(response.body).toEqual({ slug, version: 1, openAccess: true, opensAt: null, closesAt: null, series });
      expect(runnerSchemas.LatestPointer.safeParse(response.body).success).toBe(true);
      // The runner's schema is strict enough to catch a wrong shape.
      expect(runnerSchemas.LatestPointer.safeParse({ ...response.body, opensAt: '1 March' }).success).toBe(false);
      expect(response.headers['cache-control']).toBe('private, max-age=30');
      expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    });

    it('answers 304 to a runner that has the current pointer, and 200 once it changes', async () => {
      const first = await runner(`/${slug}`).expect(200);
      const etag = first.headers.etag as string;
      const same = await runner(`/${slug}`).set('If-None-Match', etag).expect(304);
      expect(same.text).toBe('');
      await runner(`/${slug}`).set('If-None-Match', `"other", ${etag}`).expect(304);
      await publishQuestionnaire(db(), { questionnaireId });
      const moved = await runner(`/${slug}`).set('If-None-Match', etag).expect(200);
      expect(moved.body.version).toBe(2);
      expect(moved.headers.etag).not.toBe(etag);
    });

    it('reports closing, without deleting any version', async () => {
      const { request } = testApp(db());
      const closesAt = '2030-01-01T00:00:00.000Z';
      await request()
        .put(`/api/v1/questionnaires/${questionnaireId}/settings`)
        .set(bearer(editor))
        .send({ opensAt: '2029-12-01T00:00:00Z', closesAt })
        .expect(200);
      const pointer = await runner(`/${slug}`).expect(200);
      expect(pointer.body).toMatchObject({ opensAt: '2029-12-01T00:00:00.000Z', closesAt });
      expect(runnerSchemas.LatestPointer.safeParse(pointer.body).success).toBe(true);
      await runner(`/${slug}/versions/1`).expect(200);
      await request()
        .put(`/api/v1/questionnaires/${questionnaireId}/settings`)
        .set(bearer(editor))
        .send({ opensAt: null, closesAt: null })
        .expect(200);
    });

    it('is 404 for an unknown slug, and for a questionnaire with nothing published', async () => {
      await runner('/no-such-questionnaire').expect(404);
      const unpublished = uniqueId('draft');
      await seedQuestionnaire(db(), definition('social-survey', unpublished), { slug: unpublished });
      const response = await runner(`/${unpublished}`).expect(404);
      expect(response.body.error.code).toBe('not_found');
      await runner('/series').expect(404);
    });

    it('refuses a path that cannot be a slug (400)', async () => {
      const response = await runner('/Not_A_Slug').expect(400);
      expect(response.body.error.details[0].path).toBe('params.slug');
    });
  });

  describe('a version', () => {
    it('carries the definition as published, in the shape runners parse, cached for good', async () => {
      const response = await runner(`/${slug}/versions/1`).expect(200);
      expect(response.body).toEqual({
        slug,
        version: 1,
        definition: definition('census-household', slug),
        openAccess: true,
        opensAt: null,
        closesAt: null,
        preview: false,
      });
      expect(runnerSchemas.VersionDocument.safeParse(response.body).success).toBe(true);
      expect(response.headers.etag).toBe(`"${definitionChecksum(definition('census-household', slug))}"`);
      expect(response.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    });

    it('answers 304 to a runner that has it', async () => {
      const etag = `"${definitionChecksum(definition('census-household', slug))}"`;
      const response = await runner(`/${slug}/versions/1`).set('If-None-Match', etag).expect(304);
      expect(response.text).toBe('');
      expect(response.headers.etag).toBe(etag);
      await runner(`/${slug}/versions/1`).set('If-None-Match', '"something-else"').expect(200);
    });

    it('never changes when the draft is saved and published again', async () => {
      const before = await runner(`/${slug}/versions/1`).expect(200);
      const changed = definition('census-household', slug);
      changed.title = { en: 'Census (changed)', cy: 'Cyfrifiad (newid)' };
      await saveDraft(db(), questionnaireId, changed);
      const next = await publishQuestionnaire(db(), { questionnaireId });
      const after = await runner(`/${slug}/versions/1`).expect(200);
      expect(after.body.definition).toEqual(before.body.definition);
      expect(after.headers.etag).toBe(before.headers.etag);
      const newest = await runner(`/${slug}/versions/${next.version}`).expect(200);
      expect(newest.body.definition.title.en).toBe('Census (changed)');
      expect(newest.headers.etag).toBe(`"${next.checksum}"`);
    });

    it('is 404 for a version or slug that does not exist, 400 for a version that is not a number', async () => {
      await runner(`/${slug}/versions/99`).expect(404);
      await runner('/no-such-questionnaire/versions/1').expect(404);
      await runner(`/${slug}/versions/0`).expect(400);
      await runner(`/${slug}/versions/one`).expect(400);
    });
  });

  describe('an access-code series', () => {
    it('names the slug of its questionnaire, in the shape runners parse', async () => {
      const response = await runner(`/series/${series}`).expect(200);
      expect(response.body).toEqual({ slug });
      expect(runnerSchemas.SeriesDocument.safeParse(response.body).success).toBe(true);
    });

    it('is 404 for a series no published questionnaire has', async () => {
      const unpublished = await seedQuestionnaire(db(), definition('social-survey', uniqueId('draft')));
      const row = await db()('questionnaires').where({ id: unpublished.id }).first('series');
      await runner(`/series/${row.series}`).expect(404);
      await runner('/series/999999').expect(404);
      await runner('/series/x').expect(400);
    });
  });

  describe('the OpenAPI document', () => {
    it('describes the runners’ endpoints and the publishing endpoints, with who may call each', async () => {
      const response = await testApp(db()).request().get('/api/v1/openapi.json').expect(200);
      const access = (path: string, method: string) => response.body.paths[path]?.[method]?.['x-access'];
      expect(access('/api/v1/published/{slug}', 'get')).toBe('runner');
      expect(access('/api/v1/published/{slug}/versions/{version}', 'get')).toBe('runner');
      expect(access('/api/v1/published/series/{series}', 'get')).toBe('runner');
      expect(access('/api/v1/questionnaires/{id}/settings', 'get')).toBe('viewer');
      expect(access('/api/v1/questionnaires/{id}/settings', 'put')).toBe('editor');
      expect(access('/api/v1/questionnaires/{id}/publish', 'post')).toBe('editor');
      expect(access('/api/v1/questionnaires/{id}/versions', 'get')).toBe('viewer');
      expect(access('/api/v1/questionnaires/{id}/versions/{version}', 'get')).toBe('viewer');
      expect(access('/api/v1/questionnaires/{id}/preview', 'post')).toBe('editor');
      expect(access('/api/v1/questionnaires/{id}/launch-tokens', 'post')).toBe('editor');
      const settings = response.body.paths['/api/v1/questionnaires/{id}/settings'].put;
      const body = settings.requestBody.content['application/json'].schema;
      expect(Object.keys(body.properties).sort()).toEqual([
        'closesAt',
        'openAccess',
        'opensAt',
        'sessionTimeoutMinutes',
        'slug',
      ]);
      expect(body.additionalProperties).toBe(false);
    });
  });

  describe('who may read them', () => {
    it('is runners only: anonymous 401, a bad token 401, signed-in users 403', async () => {
      const { request } = testApp(db());
      for (const path of [`/${slug}`, `/${slug}/versions/1`, `/series/${series}`]) {
        const anonymous = await request().get(`/api/v1/published${path}`).expect(401);
        expect(anonymous.body.error.code).toBe('unauthenticated');
        await request().get(`/api/v1/published${path}`).set('Authorization', 'Bearer wrong').expect(401);
        await request().get(`/api/v1/published${path}`).set(bearer(editor)).expect(403);
      }
    });
  });
});
