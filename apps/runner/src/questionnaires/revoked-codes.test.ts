import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthorApiSource, type AuthorApiSourceOptions } from './author-api-source.ts';
import { captureLogger } from './testing/capture-logger.ts';
import { type FakeServer, type RecordedRequest, sendJson, sleep, startFakeServer } from './testing/fake-server.ts';

const TOKEN = 'runner-service-token-0123456789';
const SERIES = 7;
const hash = (n: number) => n.toString(16).padStart(64, '0');

/**
 * The author app's revoked-codes endpoint of one series (see README.md): pages of `pageSize`
 * hashes, the cursor being how many were read.
 */
function revokedEndpoint(revoked: string[], pageSize = 10_000) {
  return (request: RecordedRequest, res: ServerResponse): boolean => {
    const url = new URL(request.path, 'http://author');
    const match = /^\/api\/v1\/published\/series\/(\d+)\/revoked$/.exec(url.pathname);
    if (!match) return false;
    if (request.headers.authorization !== `Bearer ${TOKEN}`) sendJson(res, 401, {});
    else if (Number(match[1]) !== SERIES) sendJson(res, 404, {});
    else {
      const since = Number(url.searchParams.get('since') ?? 0);
      const page = revoked.slice(since, since + pageSize);
      const cursor = since + page.length === 0 ? null : String(since + page.length);
      sendJson(res, 200, { series: SERIES, revoked: page, cursor, more: since + page.length < revoked.length });
    }
    return true;
  };
}

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handle: (request: RecordedRequest, res: ServerResponse) => boolean) {
  server = await startFakeServer((request, res) => {
    if (!handle(request, res)) sendJson(res, 404, {});
  });
  return server;
}

function source(url: string, options: Partial<AuthorApiSourceOptions> = {}) {
  const log = captureLogger();
  return { log, source: new AuthorApiSource({ baseUrl: url, token: TOKEN, logger: log.logger, ...options }) };
}

const paths = (fake: FakeServer) => fake.requests.map((r) => r.path);

describe('AuthorApiSource: revoked access codes', () => {
  it('reads a series’ revoked codes once, then answers from memory while the list is fresh', async () => {
    const fake = await serve(revokedEndpoint([hash(1), hash(2)]));
    let time = 0;
    const { source: api } = source(fake.url, { now: () => time, revokedTtlMs: 30_000 });
    expect(await api.isCodeRevoked(SERIES, hash(1))).toBe(true);
    expect(await api.isCodeRevoked(SERIES, hash(2))).toBe(true);
    time = 29_999;
    expect(await api.isCodeRevoked(SERIES, hash(3))).toBe(false);
    expect(paths(fake)).toEqual([`/api/v1/published/series/${SERIES}/revoked`]);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('asks only for what was revoked since its last read, and sees it once the list is stale', async () => {
    const revoked = [hash(1)];
    const fake = await serve(revokedEndpoint(revoked));
    let time = 0;
    const { source: api } = source(fake.url, { now: () => time, revokedTtlMs: 30_000 });
    expect(await api.isCodeRevoked(SERIES, hash(2))).toBe(false);
    revoked.push(hash(2));
    time = 30_000;
    expect(await api.isCodeRevoked(SERIES, hash(2))).toBe(true);
    expect(await api.isCodeRevoked(SERIES, hash(1))).toBe(true);
    expect(paths(fake)).toEqual([
      `/api/v1/published/series/${SERIES}/revoked`,
      `/api/v1/published/series/${SERIES}/revoked?since=1`,
    ]);
  });

  it('reads every page of a long list in one refresh', async () => {
    const revoked = Array.from({ length: 7 }, (_, n) => hash(n + 1));
    const fake = await serve(revokedEndpoint(revoked, 3));
    const { source: api } = source(fake.url);
    expect(await api.isCodeRevoked(SERIES, hash(7))).toBe(true);
    expect(await api.isCodeRevoked(SERIES, hash(1))).toBe(true);
    expect(paths(fake)).toEqual([
      `/api/v1/published/series/${SERIES}/revoked`,
      `/api/v1/published/series/${SERIES}/revoked?since=3`,
      `/api/v1/published/series/${SERIES}/revoked?since=6`,
    ]);
  });

  it('shares one request between the starts of many respondents at once', async () => {
    const endpoint = revokedEndpoint([hash(1)]);
    const fake = await serve((request, res) => {
      setTimeout(() => endpoint(request, res), 50);
      return true;
    });
    const { source: api } = source(fake.url);
    const checks = Array.from({ length: 100 }, (_, n) => api.isCodeRevoked(SERIES, hash(n % 2)));
    await sleep(10);
    checks.push(api.isCodeRevoked(SERIES, hash(1)));
    const answers = await Promise.all(checks);
    expect(answers.filter(Boolean)).toHaveLength(51);
    expect(fake.requests).toHaveLength(1);
  });

  it('counts nothing as revoked for a series the author app does not know', async () => {
    const fake = await serve(revokedEndpoint([hash(1)]));
    const { source: api } = source(fake.url);
    expect(await api.isCodeRevoked(SERIES + 1, hash(1))).toBe(false);
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps its list when the author app fails later: a revoked code stays revoked', async () => {
    let down = false;
    const endpoint = revokedEndpoint([hash(1)]);
    const fake = await serve((request, res) => {
      if (down) sendJson(res, 503, {});
      return down || endpoint(request, res);
    });
    let time = 0;
    const { source: api, log } = source(fake.url, { now: () => time });
    expect(await api.isCodeRevoked(SERIES, hash(1))).toBe(true);
    down = true;
    time = 60_000;
    expect(await api.isCodeRevoked(SERIES, hash(1))).toBe(true);
    expect(log.entries().some((e) => e.msg === 'author api failed: serving the cached value')).toBe(true);
  });

  it('lets codes start when the author app is down and nothing is cached, and logs it', async () => {
    const fake = await serve((_, res) => {
      sendJson(res, 503, {});
      return true;
    });
    const { source: api, log } = source(fake.url);
    expect(await api.isCodeRevoked(SERIES, hash(1))).toBe(false);
    const logged = log.entries().find((e) => e.msg === 'revoked codes unavailable: the code counts as valid');
    expect(logged).toMatchObject({ series: SERIES });
  });

  it('refuses a reply of the wrong shape or about another series (and lets the code start)', async () => {
    for (const body of [
      { series: SERIES, revoked: ['not a hash'], cursor: null, more: false },
      { series: SERIES + 1, revoked: [hash(1)], cursor: '1', more: false },
    ]) {
      const fake = await serve((_, res) => {
        sendJson(res, 200, body);
        return true;
      });
      const { source: api, log } = source(fake.url);
      expect(await api.isCodeRevoked(SERIES, hash(1))).toBe(false);
      expect(log.entries().some((e) => e.msg === 'revoked codes unavailable: the code counts as valid')).toBe(true);
      await fake.close();
      server = undefined;
    }
  });

  it('asks nothing for a series that cannot exist', async () => {
    const fake = await serve(revokedEndpoint([hash(1)]));
    const { source: api } = source(fake.url);
    for (const series of [-1, 1.5, Number.NaN]) expect(await api.isCodeRevoked(series, hash(1))).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });
});
