import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthorApiError, AuthorApiSource, type AuthorApiSourceOptions } from './author-api-source.ts';
import { bundledQuestionnaireDirs } from './folder-source.ts';
import { captureLogger } from './testing/capture-logger.ts';
import { type FakeServer, type RecordedRequest, sendJson, sleep, startFakeServer } from './testing/fake-server.ts';

const TOKEN = 'runner-service-token-0123456789';
let definition: Record<string, unknown>;
beforeAll(async () => {
  const [examples = ''] = bundledQuestionnaireDirs();
  definition = JSON.parse(await readFile(join(examples, 'social-survey.json'), 'utf8'));
});

/** The author app's published catalogue: slug → latest pointer fields and versions. */
interface Catalogue {
  latest: Record<string, { version: number; openAccess: boolean; closesAt?: string; series: number }>;
  versions: Record<string, unknown>;
  series: Record<number, string>;
}

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(catalogue: Catalogue, intercept?: (r: RecordedRequest, res: ServerResponse) => boolean) {
  server = await startFakeServer(async (request, response) => {
    if (intercept?.(request, response)) return;
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return sendJson(response, 401, {});
    const path = request.path.replace(/^\/prefix/, '');
    const version = /^\/api\/v1\/published\/([^/]+)\/versions\/(\d+)$/.exec(path);
    const series = /^\/api\/v1\/published\/series\/(\d+)$/.exec(path);
    const latest = /^\/api\/v1\/published\/([^/]+)$/.exec(path);
    if (version) {
      const body = catalogue.versions[`${version[1]}@${version[2]}`];
      return body === undefined ? sendJson(response, 404, {}) : sendJson(response, 200, body);
    }
    if (series) {
      const slug = catalogue.series[Number(series[1])];
      return slug === undefined ? sendJson(response, 404, {}) : sendJson(response, 200, { slug });
    }
    const pointer = latest && catalogue.latest[latest[1] ?? ''];
    return pointer ? sendJson(response, 200, { slug: latest[1], ...pointer }) : sendJson(response, 404, {});
  });
  return server;
}

function versionDocument(slug: string, version: number, extra: Record<string, unknown> = {}) {
  return { slug, version, definition: { ...definition, id: slug }, openAccess: false, ...extra };
}

function catalogueOf(versions: number[], slug = 'social-survey'): Catalogue {
  const latest = Math.max(...versions);
  return {
    latest: { [slug]: { version: latest, openAccess: true, series: 7 } },
    versions: Object.fromEntries(versions.map((v) => [`${slug}@${v}`, versionDocument(slug, v)])),
    series: { 7: slug },
  };
}

function source(url: string, options: Partial<AuthorApiSourceOptions> = {}) {
  const log = captureLogger();
  return { log, source: new AuthorApiSource({ baseUrl: url, token: TOKEN, logger: log.logger, ...options }) };
}

const upstreamCalls = (fake: FakeServer, path: string) => fake.requests.filter((r) => r.path.endsWith(path)).length;

describe('AuthorApiSource', () => {
  it('reads the latest version with the bearer token, its access and window from the pointer', async () => {
    const fake = await serve(catalogueOf([1, 2]));
    const { source: api } = source(fake.url);
    const latest = await api.latest('social-survey');
    expect(latest).toMatchObject({ slug: 'social-survey', version: 2, openAccess: true });
    expect(latest?.questionnaire.title).toEqual(definition.title);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/api/v1/published/social-survey',
      '/api/v1/published/social-survey/versions/2',
    ]);
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect((await api.version('social-survey', 1))?.openAccess).toBe(false);
  });

  it('keeps a path prefix of the base URL', async () => {
    const fake = await serve(catalogueOf([1]));
    const { source: api } = source(`${fake.url}/prefix/`);
    expect((await api.latest('social-survey'))?.version).toBe(1);
    expect(fake.requests[0]?.path).toBe('/prefix/api/v1/published/social-survey');
  });

  it('fetches a version once however often it is read', async () => {
    const fake = await serve(catalogueOf([1]));
    const { source: api } = source(fake.url);
    for (let i = 0; i < 20; i++) expect((await api.version('social-survey', 1))?.version).toBe(1);
    for (let i = 0; i < 20; i++) await api.latest('social-survey');
    expect(upstreamCalls(fake, '/versions/1')).toBe(1);
    expect(upstreamCalls(fake, '/published/social-survey')).toBe(1);
  });

  it('shares one upstream request between concurrent reads (no stampede)', async () => {
    const fake = await serve(catalogueOf([1]));
    const { source: api } = source(fake.url);
    const reads = await Promise.all(Array.from({ length: 100 }, () => api.latest('social-survey')));
    expect(new Set(reads.map((r) => r?.questionnaire)).size).toBe(1);
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps at most maxVersions versions in memory', async () => {
    const fake = await serve(catalogueOf([1, 2, 3]));
    const { source: api } = source(fake.url, { maxVersions: 2 });
    for (const v of [1, 2, 3, 1]) await api.version('social-survey', v);
    expect(upstreamCalls(fake, '/versions/1')).toBe(2);
    await api.version('social-survey', 3);
    expect(upstreamCalls(fake, '/versions/3')).toBe(1);
  });

  it('sees a new publication once the latest pointer time to live is over', async () => {
    const catalogue = catalogueOf([1]);
    const fake = await serve(catalogue);
    let time = 0;
    const { source: api } = source(fake.url, { now: () => time, latestTtlMs: 30_000 });
    expect((await api.latest('social-survey'))?.version).toBe(1);
    catalogue.versions['social-survey@2'] = versionDocument('social-survey', 2);
    catalogue.latest['social-survey'] = { version: 2, openAccess: false, series: 7, closesAt: '2030-01-01T00:00:00Z' };
    time = 29_999;
    expect((await api.latest('social-survey'))?.version).toBe(1);
    time = 30_000;
    expect(await api.latest('social-survey')).toMatchObject({
      version: 2,
      openAccess: false,
      closesAt: '2030-01-01T00:00:00Z',
    });
    expect(upstreamCalls(fake, '/published/social-survey')).toBe(2);
  });

  it('answers undefined for what the author app does not have, and remembers that briefly', async () => {
    const fake = await serve(catalogueOf([1]));
    let time = 0;
    const { source: api } = source(fake.url, { now: () => time, missingTtlMs: 10_000 });
    expect(await api.latest('nothing-here')).toBeUndefined();
    expect(await api.version('social-survey', 9)).toBeUndefined();
    expect(await api.slugForSeries(99)).toBeUndefined();
    expect(await api.latest('nothing-here')).toBeUndefined();
    expect(fake.requests).toHaveLength(3);
    time = 10_000;
    expect(await api.latest('nothing-here')).toBeUndefined();
    expect(fake.requests).toHaveLength(4);
  });

  it('maps a series to its slug, once', async () => {
    const fake = await serve(catalogueOf([1]));
    const { source: api } = source(fake.url);
    expect(await api.slugForSeries(7)).toBe('social-survey');
    expect(await api.slugForSeries(7)).toBe('social-survey');
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/v1/published/series/7']);
  });

  it('asks nothing for slugs, versions and series that cannot exist', async () => {
    const fake = await serve(catalogueOf([1]));
    const { source: api } = source(fake.url);
    for (const slug of ['../admin', 'Social', '', 'a/b', 'x?y=1', '%2e%2e'])
      expect(await api.latest(slug)).toBeUndefined();
    for (const version of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(await api.version('social-survey', version)).toBeUndefined();
    expect(await api.slugForSeries(-1)).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects with an error when the author app fails and nothing is cached', async () => {
    const fake = await serve(catalogueOf([1]), (_, res) => {
      sendJson(res, 503, {});
      return true;
    });
    const { source: api } = source(fake.url);
    const failure = api.latest('social-survey');
    await expect(failure).rejects.toBeInstanceOf(AuthorApiError);
    await expect(failure).rejects.toMatchObject({ reason: 'unavailable', status: 503 });
  });

  it('rejects when the author app cannot be reached', async () => {
    const fake = await serve(catalogueOf([1]));
    const url = fake.url;
    await fake.close();
    server = undefined;
    await expect(source(url).source.latest('social-survey')).rejects.toMatchObject({ reason: 'unavailable' });
  });

  it('serves the cached pointer when a refresh fails, and logs it', async () => {
    let down = false;
    const fake = await serve(catalogueOf([1]), (_, res) => {
      if (down) sendJson(res, 500, {});
      return down;
    });
    let time = 0;
    const { source: api, log } = source(fake.url, { now: () => time });
    await api.latest('social-survey');
    down = true;
    time = 60_000;
    expect((await api.latest('social-survey'))?.version).toBe(1);
    expect(log.entries().some((e) => e.msg === 'author api failed: serving the cached value')).toBe(true);
  });

  it('gives up on a request that takes longer than the timeout', async () => {
    const fake = await serve(catalogueOf([1]), (_, res) => {
      setTimeout(() => sendJson(res, 200, {}), 2_000).unref();
      return true;
    });
    const { source: api } = source(fake.url, { timeoutMs: 100 });
    const started = Date.now();
    await expect(api.latest('social-survey')).rejects.toMatchObject({ reason: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((await api.latest('social-survey').catch((e: Error) => e.message)) as string).toContain('timed out');
  });

  it('treats an invalid definition as an error, and logs its problems', async () => {
    const catalogue = catalogueOf([1]);
    catalogue.versions['social-survey@1'] = versionDocument('social-survey', 1, {
      definition: { ...definition, sections: 'none' },
    });
    const fake = await serve(catalogue);
    const { source: api, log } = source(fake.url);
    await expect(api.latest('social-survey')).rejects.toMatchObject({ reason: 'invalid' });
    const logged = log.entries().find((e) => e.msg === 'author api sent an invalid reply');
    expect(logged?.problems).toEqual([expect.stringContaining('sections')]);
  });

  it('refuses replies that are not JSON, of the wrong shape, or about another questionnaire', async () => {
    const catalogue = catalogueOf([1]);
    catalogue.versions['social-survey@1'] = versionDocument('other', 1);
    catalogue.latest.broken = { version: 'one' as unknown as number, openAccess: true, series: 1 };
    const fake = await serve(catalogue, (request, res) => {
      if (!request.path.endsWith('/not-json')) return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>');
      return true;
    });
    const { source: api } = source(fake.url);
    await expect(api.version('social-survey', 1)).rejects.toMatchObject({ reason: 'invalid' });
    await expect(api.latest('broken')).rejects.toMatchObject({ reason: 'invalid' });
    await expect(api.latest('not-json')).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('reports a wrong token as unavailable with its status', async () => {
    const fake = await serve(catalogueOf([1]));
    const api = new AuthorApiSource({ baseUrl: fake.url, token: 'wrong', logger: captureLogger().logger });
    await expect(api.latest('social-survey')).rejects.toMatchObject({ reason: 'unavailable', status: 401 });
  });

  it('refreshes an expired pointer with one request however many reads wait on a slow author app', async () => {
    const fake = await serve(catalogueOf([1]), (request, res) => {
      if (!request.path.endsWith('/published/social-survey')) return false;
      setTimeout(() => sendJson(res, 200, { slug: 'social-survey', version: 1, openAccess: true, series: 7 }), 100);
      return true;
    });
    let time = 0;
    const { source: api } = source(fake.url, { now: () => time });
    await api.latest('social-survey');
    time = 30_000;
    const reads = Array.from({ length: 50 }, () => api.latest('social-survey'));
    await sleep(20);
    reads.push(api.latest('social-survey'));
    expect((await Promise.all(reads)).every((r) => r?.version === 1)).toBe(true);
    expect(upstreamCalls(fake, '/published/social-survey')).toBe(2);
  });
});
