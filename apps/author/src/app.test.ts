import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { bearer, createTestUser, RUNNER_AUTH, testApp } from './testing/app.ts';
import { describeEachDatabase } from './testing/databases.ts';

describeEachDatabase('the author app', (database) => {
  const app = () => testApp(database().db);

  it('is healthy and ready while its database answers', async () => {
    const { request } = app();
    await request().get('/healthz').expect(200, { status: 'ok' });
    await request().get('/readyz').expect(200, { status: 'ok' });
  });

  it('answers an unknown path with a JSON 404 in the error shape', async () => {
    const response = await app().request().get('/api/v1/nothing-here').expect(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/v1/nothing-here' } });
  });

  it('refuses a bearer token that matches nothing, naming the problem', async () => {
    const response = await app().request().get('/api/v1/openapi.json').set('Authorization', 'Bearer nope').expect(401);
    expect(response.body.error.code).toBe('invalid_token');
  });

  it('accepts a personal API token and the runners’ credential', async () => {
    const user = await createTestUser(database().db, 'viewer');
    await app().request().get('/api/v1/openapi.json').set(bearer(user)).expect(200);
    await app().request().get('/api/v1/openapi.json').set(RUNNER_AUTH).expect(200);
  });

  it('refuses a body that is not JSON, and malformed JSON, with a 4xx and no trace', async () => {
    const { request } = app();
    const form = await request().post('/api/v1/surveys').type('form').send('a=1').expect(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    const broken = await request().post('/api/v1/surveys').type('json').send('{"a":').expect(400);
    expect(broken.body.error).toEqual({ code: 'malformed_json', message: 'the request body is not valid JSON' });
  });

  it('refuses an oversized body with 413', async () => {
    const big = JSON.stringify({ definition: 'x'.repeat(6 * 1024 * 1024) });
    const response = await app().request().post('/api/v1/surveys').type('json').send(big).expect(413);
    expect(response.body.error.code).toBe('body_too_large');
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1', async () => {
    const { openTestDatabase } = await import('./testing/databases.ts');
    const database = await openTestDatabase('pglite');
    try {
      const response = await testApp(database.db).request().get('/api/v1/openapi.json').expect(200);
      expect(response.body.openapi).toBe('3.1.0');
      // Valid against the OpenAPI 3.1 specification's own schema, so tools can read it.
      const validation = await new Validator().validate(response.body);
      expect(validation.errors ?? []).toEqual([]);
      expect(validation.valid).toBe(true);
      // A response that may come in two forms names both.
      const issue = response.body.paths['/api/v1/questionnaires/{id}/access-codes'].post.responses['201'];
      expect(Object.keys(issue.content).sort()).toEqual(['application/json', 'text/csv']);
      // The core routes scripts and runners depend on are all described.
      for (const [path, method] of [
        ['/api/v1/auth/sign-in', 'post'],
        ['/api/v1/auth/sign-out', 'post'],
        ['/api/v1/surveys', 'get'],
        ['/api/v1/surveys', 'post'],
        ['/api/v1/surveys/{id}/questionnaires', 'get'],
        ['/api/v1/surveys/{id}/questionnaires', 'post'],
        ['/api/v1/questionnaires/{id}', 'get'],
        ['/api/v1/questionnaires/{id}', 'put'],
        ['/api/v1/questionnaires/{id}/publish', 'post'],
        ['/api/v1/published/{slug}', 'get'],
        ['/api/v1/published/{slug}/versions/{version}', 'get'],
        ['/api/v1/questionnaires/{id}/access-codes', 'post'],
        ['/api/v1/submissions', 'post'],
        ['/api/v1/questionnaires/{id}/responses', 'get'],
      ] as const) {
        expect(response.body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      }
    } finally {
      await database.close();
    }
  });
});
