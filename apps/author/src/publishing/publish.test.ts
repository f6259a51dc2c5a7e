import { describe, expect, it } from 'vitest';
import { bearer, createTestUser, RUNNER_AUTH, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { definitionChecksum } from './checksum.ts';
import { publishQuestionnaire } from './publish.ts';
import { definition, definitionWithErrors, saveDraft, seedQuestionnaire, uniqueId } from './testing.ts';

describeEachDatabase('publishing a questionnaire', (database) => {
  const db = () => database().db;
  const request = () => testApp(db()).request();
  let editor: TestUser;
  let viewer: TestUser;

  const publish = (id: string, body: object = {}, user: TestUser = editor) =>
    request().post(`/api/v1/questionnaires/${id}/publish`).set(bearer(user)).send(body);

  describe('as an editor', () => {
    it('publishes version 1 under the definition’s id, with its checksum, publisher and notes', async () => {
      editor = await createTestUser(db(), 'editor');
      const id = uniqueId('census');
      const q = await seedQuestionnaire(db(), definition('census-household', id));
      const response = await publish(q.id, { notes: 'First run' }).expect(201);
      const checksum = definitionChecksum(definition('census-household', id));
      expect(response.body).toEqual({ slug: id, version: 1, checksum });

      const row = await db()('questionnaires').where({ id: q.id }).first('slug', 'latest_version');
      expect(row).toEqual({ slug: id, latest_version: 1 });
      const versions = await request().get(`/api/v1/questionnaires/${q.id}/versions`).set(bearer(editor)).expect(200);
      expect(versions.body.versions).toEqual([
        {
          slug: id,
          version: 1,
          checksum,
          publishedAt: expect.any(String),
          publishedBy: { id: editor.id, email: editor.email, name: editor.name },
          notes: 'First run',
        },
      ]);
      expect(versions.body.versions[0]).not.toHaveProperty('definition');
    });

    it('numbers later versions 2, 3 and points the latest at the newest', async () => {
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('social')), { slug: uniqueId('s') });
      for (const expected of [1, 2, 3]) {
        const response = await publish(q.id).expect(201);
        expect(response.body.version).toBe(expected);
      }
      const versions = await request().get(`/api/v1/questionnaires/${q.id}/versions`).set(bearer(editor)).expect(200);
      expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
      expect(await db()('questionnaires').where({ id: q.id }).first('latest_version')).toEqual({ latest_version: 3 });
    });

    it('uses the slug of the settings rather than the definition’s id, and publishes the definition under it', async () => {
      const slug = uniqueId('chosen');
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('social')), { slug });
      const response = await publish(q.id).expect(201);
      expect(response.body.slug).toBe(slug);
      // Submissions name their questionnaire by the published definition's id: it must be the slug.
      const version = await request().get(`/api/v1/published/${slug}/versions/1`).set(RUNNER_AUTH).expect(200);
      expect(version.body.definition.id).toBe(slug);
      expect(response.body.checksum).toBe(definitionChecksum(version.body.definition));
    });

    it('publishes the session timeout of the settings with the version (else the definition’s own)', async () => {
      const slug = uniqueId('timed');
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('social')), {
        slug,
        sessionTimeoutMinutes: 20,
      });
      await publish(q.id).expect(201);
      await request()
        .put(`/api/v1/questionnaires/${q.id}/settings`)
        .set(bearer(editor))
        .send({ sessionTimeoutMinutes: null })
        .expect(200);
      await publish(q.id).expect(201);
      const first = await request().get(`/api/v1/published/${slug}/versions/1`).set(RUNNER_AUTH).expect(200);
      const second = await request().get(`/api/v1/published/${slug}/versions/2`).set(RUNNER_AUTH).expect(200);
      expect(first.body.definition.sessionTimeoutMinutes).toBe(20);
      // social-survey's definition says 30 minutes itself.
      expect(second.body.definition.sessionTimeoutMinutes).toBe(30);
    });

    it('gives concurrent publishes of one questionnaire distinct, consecutive numbers', async () => {
      const q = await seedQuestionnaire(db(), definition('routing-equals', uniqueId('eq')));
      const responses = await Promise.all(Array.from({ length: 6 }, () => publish(q.id)));
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      const numbers = responses.map((r) => r.body.version as number).sort((a, b) => a - b);
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
      const row = await db()('questionnaires').where({ id: q.id }).first('latest_version');
      expect(row.latest_version).toBe(6);
    });

    it('keeps a version as it was published when the draft is saved again', async () => {
      const id = uniqueId('business');
      const q = await seedQuestionnaire(db(), definition('business-survey', id));
      const first = await publish(q.id).expect(201);
      const changed = definition('business-survey', id);
      changed.title = 'A changed title';
      await saveDraft(db(), q.id, changed);

      const version1 = await request().get(`/api/v1/questionnaires/${q.id}/versions/1`).set(bearer(editor)).expect(200);
      expect(version1.body.definition).toEqual(definition('business-survey', id));
      expect(version1.body.checksum).toBe(first.body.checksum);
      const second = await publish(q.id).expect(201);
      expect(second.body.checksum).toBe(definitionChecksum(changed));
      expect(second.body.checksum).not.toBe(first.body.checksum);
      const again = await request().get(`/api/v1/questionnaires/${q.id}/versions/1`).set(bearer(editor)).expect(200);
      expect(again.body.definition.title).toBe((definition('business-survey') as { title: string }).title);
    });

    it('refuses a definition with errors, listing them, and creates nothing', async () => {
      const q = await seedQuestionnaire(db(), definitionWithErrors(uniqueId('broken')));
      const response = await publish(q.id).expect(422);
      expect(response.body.error.code).toBe('questionnaire_has_errors');
      expect(response.body.error.details.length).toBeGreaterThan(0);
      for (const problem of response.body.error.details) {
        expect(problem).toMatchObject({ severity: 'error', code: expect.any(String), path: expect.any(String) });
      }
      expect(response.body.error.details.map((p: { path: string }) => p.path)).toContain(
        '/sections/0/pages/0/routing/0/goTo/page',
      );
      expect(await db()('published_versions').where({ questionnaire_id: q.id })).toEqual([]);
      const row = await db()('questionnaires').where({ id: q.id }).first('slug', 'latest_version');
      expect(row).toEqual({ slug: null, latest_version: null });
    });

    it('refuses when another questionnaire has the definition’s id as its slug', async () => {
      const id = uniqueId('taken');
      await seedQuestionnaire(db(), definition('social-survey', uniqueId('other')), { slug: id });
      const q = await seedQuestionnaire(db(), definition('social-survey', id));
      const response = await publish(q.id).expect(409);
      expect(response.body.error.code).toBe('slug_taken');
      expect(await db()('published_versions').where({ questionnaire_id: q.id })).toEqual([]);
    });

    it('asks for a slug when the definition’s id cannot be one', async () => {
      const q = await seedQuestionnaire(db(), definition('social-survey', 'series'));
      const response = await publish(q.id).expect(422);
      expect(response.body.error.code).toBe('slug_required');
    });

    it('records the publish in the audit log', async () => {
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('audited')));
      const published = await publish(q.id).expect(201);
      const event = await db()('audit_events').where({ action: 'questionnaire.publish', subject_id: q.id }).first();
      expect(event).toMatchObject({ actor_id: editor.id, actor_email: editor.email, subject_type: 'questionnaire' });
      expect(event.details).toMatchObject({ slug: published.body.slug, version: 1, checksum: published.body.checksum });
    });

    it('answers 404 for a questionnaire that does not exist, and 400 for an id that is not one', async () => {
      await publish('00000000-0000-4000-8000-000000000000').expect(404);
      const bad = await publish('not-a-uuid').expect(400);
      expect(bad.body.error.code).toBe('invalid_request');
    });

    it('refuses unknown fields and notes that are not text', async () => {
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('strict')));
      const unknown = await publish(q.id, { notes: 'x', version: 7 }).expect(400);
      expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'body' })]);
      await publish(q.id, { notes: 42 }).expect(400);
      expect(await db()('published_versions').where({ questionnaire_id: q.id })).toEqual([]);
    });

    it('answers 404 for a version that does not exist and 400 for one that is not a number', async () => {
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('v')));
      await publish(q.id).expect(201);
      await request().get(`/api/v1/questionnaires/${q.id}/versions/2`).set(bearer(editor)).expect(404);
      await request().get(`/api/v1/questionnaires/${q.id}/versions/01`).set(bearer(editor)).expect(400);
      await request().get(`/api/v1/questionnaires/${q.id}/versions/1e0`).set(bearer(editor)).expect(400);
    });
  });

  describe('authorisation', () => {
    it('lets a viewer read versions but not publish', async () => {
      viewer = await createTestUser(db(), 'viewer');
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('viewed')));
      await publish(q.id).expect(201);
      const refused = await publish(q.id, {}, viewer).expect(403);
      expect(refused.body.error.code).toBe('forbidden');
      await request().get(`/api/v1/questionnaires/${q.id}/versions`).set(bearer(viewer)).expect(200);
      await request().get(`/api/v1/questionnaires/${q.id}/versions/1`).set(bearer(viewer)).expect(200);
      expect(await db()('published_versions').where({ questionnaire_id: q.id }).count('* as n')).toEqual([{ n: 1 }]);
    });

    it('refuses anonymous callers (401) and runners (403)', async () => {
      const q = await seedQuestionnaire(db(), definition('social-survey', uniqueId('anon')));
      const anonymous = await request().post(`/api/v1/questionnaires/${q.id}/publish`).send({}).expect(401);
      expect(anonymous.body.error.code).toBe('unauthenticated');
      await request().get(`/api/v1/questionnaires/${q.id}/versions`).expect(401);
      await request().post(`/api/v1/questionnaires/${q.id}/publish`).set(RUNNER_AUTH).send({}).expect(403);
      expect(await db()('published_versions').where({ questionnaire_id: q.id })).toEqual([]);
    });
  });

  describe('publishQuestionnaire', () => {
    it('publishes without a request, for seeding demo data', async () => {
      const id = uniqueId('seeded');
      const q = await seedQuestionnaire(db(), definition('census-household', id));
      const published = await publishQuestionnaire(db(), { questionnaireId: q.id, notes: 'demo' });
      expect(published).toEqual({
        slug: id,
        version: 1,
        checksum: definitionChecksum(definition('census-household', id)),
      });
      const row = await db()('published_versions').where({ slug: id, version: 1 }).first('notes', 'published_by');
      expect(row).toEqual({ notes: 'demo', published_by: null });
    });
  });
});
