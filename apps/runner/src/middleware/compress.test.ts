import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { type Frame, type FramedPage, joinFramed, MIDDLE } from '../views/page-frames.ts';
import { acceptedEncoding, sendPage } from './compress.ts';

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

/** The app listening on a port of its own, once it listens. */
function listening(app: express.Express): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** A response's bytes as sent, not decoded (supertest decodes gzip and brotli). */
function rawGet(server: Server, path: string, headers: Record<string, string>) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('pages', () => {
  it('are sent gzipped from their frame’s pieces to a browser that takes gzip and brotli: exactly the page sent plain', async () => {
    const server = await listening(runner.app);
    try {
      const first = await rawGet(server, '/start', { 'Accept-Encoding': 'identity' });
      // With the CSRF cookie the first page set, the next page carries the same token: the same bytes.
      const cookie = (first.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
      const plain = await rawGet(server, '/start', { 'Accept-Encoding': 'identity', Cookie: cookie });
      const gzipped = await rawGet(server, '/start', { 'Accept-Encoding': 'gzip, deflate, br', Cookie: cookie });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
      expect(plain.headers.vary).toMatch(/Accept-Encoding/);
      expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
      expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
      expect(plain.body.toString()).toContain('name="_csrf"');
      expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    } finally {
      server.close();
    }
  });

  it('are sent with brotli to a browser that takes brotli but not gzip, far smaller than plain', async () => {
    const plain = await startPage('identity');
    const brotli = await startPage('br');
    expect(brotli.encoding).toBe('br');
    expect(brotli.html).toBe(plain.html);
    expect(brotli.sentBytes).toBeLessThan(plain.sentBytes / 2);
    expect(brotli.vary).toMatch(/Accept-Encoding/);
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
    const gzipHead = await supertest(runner.app).head('/start').set('Accept-Encoding', 'gzip, deflate, br');
    expect(gzipHead.status).toBe(200);
    expect(gzipHead.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipHead.headers['content-length'])).toBeGreaterThan(1000);
    expect(gzipHead.text).toBeUndefined();
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

describe('sendPage', () => {
  const frame: Frame = {
    parts: ['<!doctype html><title>', 0, '</title>', MIDDLE, '<footer>Footer</footer>'],
    before: '',
    after: '',
  };
  const framed = (middle: string): FramedPage => ({ frame, values: ['A page'], middle });
  const big = framed(`<main>${'<p class="ons-u-mb-s">A paragraph</p>\n'.repeat(200)}</main>`);
  const small = framed('<main>Short</main>');
  const app = express();
  app.get('/framed', (_req, res) => sendPage(res.type('html'), big));
  app.head('/framed', (_req, res) => sendPage(res.type('html'), big));
  app.get('/small', (_req, res) => sendPage(res.type('html'), small));
  app.get('/whole', (_req, res) => sendPage(res.type('html'), joinFramed(big)));
  app.get('/off', (_req, res) => sendPage(res.type('html'), big, false));
  let server: Server;
  beforeAll(async () => {
    server = await listening(app);
  });
  afterAll(() => server.close());

  it('sends a framed page gzipped from its pieces to a client taking gzip, even if it takes brotli', async () => {
    for (const acceptEncoding of ['gzip, deflate, br', 'gzip', 'br;q=1, gzip;q=0.5', '*']) {
      const response = await rawGet(server, '/framed', { 'Accept-Encoding': acceptEncoding });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(gunzipSync(response.body).toString()).toBe(joinFramed(big));
    }
  });

  it('sends a framed page as a whole page is sent when gzip is not taken: brotli, or plain', async () => {
    const brotli = await rawGet(server, '/framed', { 'Accept-Encoding': 'br, gzip;q=0' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(joinFramed(big));
    const plain = await rawGet(server, '/framed', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(joinFramed(big));
  });

  it('sends a page rendered whole as sendCompressed does: brotli first', async () => {
    const response = await rawGet(server, '/whole', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.body).toString()).toBe(joinFramed(big));
  });

  it('sends plain a framed page too small to gain, and any page with compression off (COMPRESS=off)', async () => {
    const tiny = await rawGet(server, '/small', { 'Accept-Encoding': 'gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers.vary).toBe('Accept-Encoding');
    expect(tiny.body.toString()).toBe(joinFramed(small));
    const off = await rawGet(server, '/off', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(off.headers['content-encoding']).toBeUndefined();
    expect(off.headers.vary).toBeUndefined();
    expect(off.body.toString()).toBe(joinFramed(big));
  });

  it('sends HEAD the headers alone, with the length a GET is sent with', async () => {
    const gzipped = await rawGet(server, '/framed', { 'Accept-Encoding': 'gzip, deflate, br' });
    const head = await supertest(server).head('/framed').set('Accept-Encoding', 'gzip, deflate, br');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(Number(head.headers['content-length'])).toBe(gzipped.body.length);
    expect(head.text).toBeUndefined();
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
