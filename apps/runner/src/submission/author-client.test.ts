import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, sendJson, startFakeServer } from '../questionnaires/testing/fake-server.ts';
import { authorClient } from './author-client.ts';
import { sampleSubmission } from './testing/sample-submission.ts';

const TOKEN = 'runner-service-token-0123456789';
let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function answering(status: number, body: unknown = {}) {
  server = await startFakeServer((_, res) => sendJson(res, status, body));
  return { fake: server, client: authorClient({ baseUrl: server.url, token: TOKEN }) };
}

describe('authorClient', () => {
  it('posts the submission as JSON with the service credential and the submission id as idempotency key', async () => {
    const { fake, client } = await answering(201);
    const submission = sampleSubmission();
    expect(await client.deliverSubmission(submission)).toEqual({ outcome: 'delivered', status: 201 });
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/v1/submissions' });
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers['idempotency-key']).toBe(submission.submissionId);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(submission);
  });

  it('keeps a path prefix of the base URL', async () => {
    server = await startFakeServer((_, res) => sendJson(res, 200, {}));
    const client = authorClient({ baseUrl: `${server.url}/author/`, token: TOKEN });
    await client.deliverSubmission(sampleSubmission());
    expect(server.requests[0]?.path).toBe('/author/api/v1/submissions');
  });

  it.each([200, 201, 202, 204])('counts %i as delivered', async (status) => {
    server = await startFakeServer((_, res) => {
      res.writeHead(status).end();
    });
    const client = authorClient({ baseUrl: server.url, token: TOKEN });
    expect(await client.deliverSubmission(sampleSubmission())).toEqual({ outcome: 'delivered', status });
  });

  it('counts 409 as delivered: the author app already has it', async () => {
    const { client } = await answering(409, { error: { code: 'duplicate', message: 'already received' } });
    expect(await client.deliverSubmission(sampleSubmission())).toEqual({ outcome: 'delivered', status: 409 });
  });

  it.each([400, 401, 403, 404, 413, 422])('treats %i as a permanent refusal', async (status) => {
    const { client } = await answering(status, { error: { code: 'invalid-submission', message: 'bad' } });
    expect(await client.deliverSubmission(sampleSubmission())).toEqual({
      outcome: 'rejected',
      status,
      reason: `HTTP ${status} invalid-submission`,
    });
  });

  it('never keeps the error message, which may quote answers', async () => {
    const { client } = await answering(422, { error: { code: 'invalid value: Siân', message: 'Siân is wrong' } });
    const result = await client.deliverSubmission(sampleSubmission());
    expect(result).toEqual({ outcome: 'rejected', status: 422, reason: 'HTTP 422' });
  });

  it.each([408, 429, 500, 502, 503, 504])('retries after %i', async (status) => {
    const { client } = await answering(status, 'not json');
    expect(await client.deliverSubmission(sampleSubmission())).toEqual({
      outcome: 'retry',
      status,
      reason: `HTTP ${status}`,
    });
  });

  it('retries after a redirect instead of following it', async () => {
    server = await startFakeServer((_, res) => {
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    const client = authorClient({ baseUrl: server.url, token: TOKEN });
    expect(await client.deliverSubmission(sampleSubmission())).toMatchObject({ outcome: 'retry', status: 302 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries when the author app cannot be reached', async () => {
    const { fake, client } = await answering(201);
    await fake.close();
    server = undefined;
    const result = await client.deliverSubmission(sampleSubmission());
    expect(result).toMatchObject({ outcome: 'retry', reason: expect.stringContaining('ECONNREFUSED') });
  });

  it('retries when the author app does not answer in time', async () => {
    server = await startFakeServer((_, res) => {
      setTimeout(() => sendJson(res, 201, {}), 2_000).unref();
    });
    const client = authorClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 100 });
    expect(await client.deliverSubmission(sampleSubmission())).toEqual({ outcome: 'retry', reason: 'timed out' });
  });
});
