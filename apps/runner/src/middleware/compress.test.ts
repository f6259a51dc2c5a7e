import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { acceptedEncoding } from './compress.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

/** The start page as a client taking these encodings gets it, with the body's length as sent. */
async function startPage(acceptEncoding: string) {
  const response = await supertest(runner.app).get('/start').set('Accept-Encoding', acceptEncoding);
  return {
    encoding: response.headers['content-encoding'],
    sentBytes: Number(response.headers['content-length']),
    vary: response.headers.vary,
    html: response.text.replace(/name="_csrf" value="[^"]*"/, ''),
  };
}

describe('pages', () => {
  it('are sent with brotli to a browser that takes gzip and brotli, far smaller than plain', async () => {
    const plain = await startPage('identity');
    const brotli = await startPage('gzip, deflate, br');
    expect(plain.encoding).toBeUndefined();
    expect(brotli.encoding).toBe('br');
    expect(brotli.html).toBe(plain.html);
    expect(brotli.sentBytes).toBeLessThan(plain.sentBytes / 2);
    expect(brotli.vary).toMatch(/Accept-Encoding/);
    expect(plain.vary).toMatch(/Accept-Encoding/);
  });

  it('are sent with their type, length and no-store, no ETag, and to HEAD with the headers alone', async () => {
    const get = await supertest(runner.app).get('/start').set('Accept-Encoding', 'br');
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(get.headers['cache-control']).toBe('no-store');
    expect(get.headers.etag).toBeUndefined();
    const head = await supertest(runner.app).head('/start').set('Accept-Encoding', 'br');
    expect(head.status).toBe(200);
    // Not the GET's length: each page carries its own CSRF token, which compresses differently.
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.text).toBeUndefined();
  });

  it('are sent gzipped to a client that takes gzip but not brotli', async () => {
    const plain = await startPage('identity');
    const gzipped = await startPage('gzip, deflate');
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.html).toBe(plain.html);
    expect(gzipped.sentBytes).toBeLessThan(plain.sentBytes / 2);
  });

  it('are sent plain to a client that refuses both', async () => {
    expect((await startPage('gzip;q=0, br;q=0, deflate')).encoding).toBeUndefined();
  });

  it('are sent plain with COMPRESS=off, for a balancer that compresses them', async () => {
    const plainRunner = await testRunner({ COMPRESS: 'off' });
    try {
      const response = await supertest(plainRunner.app).get('/start').set('Accept-Encoding', 'gzip, deflate, br');
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.text).toContain('<form');
    } finally {
      await plainRunner.close();
    }
  });

  it('are not compressed when too small to gain: a redirect', async () => {
    const response = await supertest(runner.app).get('/s/routing-and').set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(303);
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});

describe('static assets', () => {
  const onsFile = (path: string) =>
    readFileSync(
      join(dirname(createRequire(import.meta.url).resolve('@ons/design-system/package.json')), path),
      'utf8',
    );

  it('are sent compressed with brotli or gzip: the stylesheet and script, to clients at once', async () => {
    const { css, js } = runner.services.assets.urls;
    for (const [url, file] of [
      [css, 'css/main.css'],
      [js, 'scripts/main.js'],
    ] as const) {
      for (const encoding of ['br', 'gzip']) {
        const responses = await Promise.all(
          [1, 2, 3].map(() => supertest(runner.app).get(url).set('Accept-Encoding', encoding)),
        );
        for (const response of responses) {
          expect(response.status, url).toBe(200);
          expect(response.headers['content-encoding']).toBe(encoding);
          expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
          expect(response.headers.vary).toMatch(/Accept-Encoding/);
          expect(response.headers['content-type']).toMatch(file.endsWith('.css') ? /^text\/css/ : /javascript/);
          expect(Number(response.headers['content-length'])).toBeLessThan(onsFile(file).length / 3);
          expect(response.text).toBe(onsFile(file));
        }
      }
    }
  });

  it('are sent as they are to a client that takes neither encoding, and for a HEAD only the headers', async () => {
    const { css } = runner.services.assets.urls;
    const plain = await supertest(runner.app).get(css).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toMatch(/immutable/);
    expect(plain.text).toBe(onsFile('css/main.css'));
    const head = await supertest(runner.app).head(css).set('Accept-Encoding', 'br');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.text ?? '').toBe('');
  });

  it('leave fonts as they are (compressed already)', async () => {
    const font = runner.services.assets.urls.css.replace('/css/main.css', '/fonts/opensans-regular.woff2');
    const response = await supertest(runner.app).get(font).set('Accept-Encoding', 'br, gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('of the runner’s own are compressed too', async () => {
    const response = await supertest(runner.app)
      .get(runner.services.assets.urls.enhanceJs)
      .set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
  });
});

describe('the accepted encoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br', 'br'],
    ['BR;q=0.5', 'br'],
    ['gzip, br;q=0', 'gzip'],
    ['gzip; q=0.000, br;q=0', undefined],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['deflate, identity', undefined],
    ['', undefined],
    [undefined, undefined],
    ['gzip;q=nonsense', 'gzip'],
  ])('for %j is %s', (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected);
  });
});
