import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store.ts';
import { Browser, type Page } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { launcher } from '../testing/launch.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join(';');

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

/** Pages of every kind a respondent meets, from one journey and a few direct visits. */
async function visitedPages(): Promise<Page[]> {
  const pages: Page[] = [];
  const browser = new Browser(runner.app);
  const keep = async (step: Promise<Page>) => pages.push(await step);
  await keep(browser.open('/start'));
  await keep(browser.open('/s/routing-and'));
  await keep(browser.submit({ 'age-answer': 'not a number' }));
  await keep(browser.submit({ 'age-answer': '30' }));
  await keep(browser.submit({ 'paid-work-answer': 'no' }));
  await keep(browser.submit());
  await keep(browser.submit());
  await keep(browser.open('/view-answers'));
  await keep(browser.open('/no-such-page'));
  await keep(browser.open('/session-expired'));
  await keep(browser.open('/signed-out'));
  await keep(browser.open('/closed'));
  await keep(browser.forge('/start', {}));
  return pages;
}

describe('security headers', () => {
  it('send the strict Content-Security-Policy and helmet’s headers on every page', async () => {
    const pages = await visitedPages();
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 404, 200, 200, 200, 403]);
    for (const page of pages) {
      expect(page.headers['content-security-policy'], page.url).toBe(CSP);
      expect(page.headers, page.url).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'no-store',
      });
      expect(page.headers['x-powered-by'], page.url).toBeUndefined();
      // Plain HTTP in development and tests: HSTS is for production only.
      expect(page.headers['strict-transport-security'], page.url).toBeUndefined();
    }
  });

  it('never allow inline code: no unsafe-inline or unsafe-eval in the policy', () => {
    expect(CSP).not.toMatch(/unsafe-|\*/);
  });

  it('match pages that have no inline script, event handler or javascript: link', async () => {
    for (const page of await visitedPages()) {
      const scripts = [...page.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attributes, body] of scripts) {
        expect(attributes, page.url).toMatch(/\bsrc="\/assets\//);
        expect(body?.trim(), page.url).toBe('');
      }
      expect(page.html, page.url).not.toMatch(/\son[a-z]+\s*=/i);
      expect(page.html, page.url).not.toMatch(/javascript:/i);
    }
  });

  it('leave the health endpoints answering JSON under the same policy', async () => {
    const response = await supertest(runner.app).get('/healthz');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('security headers in production', () => {
  let production: TestRunner;
  beforeAll(async () => {
    const key = 'p'.repeat(40);
    production = await testRunner(
      {
        NODE_ENV: 'production',
        REDIS_URL: 'redis://redis.invalid:6379',
        SESSION_KEY: key,
        ANSWER_KEY: key,
        ACCESS_CODE_KEY: key,
        LAUNCH_JWKS: (await launcher()).jwks,
        AUTHOR_API_URL: 'https://author.invalid',
        AUTHOR_API_TOKEN: 'a-service-credential',
      },
      { store: new MemoryStore(), source: runner.services.source },
    );
  });
  afterAll(() => production.close());

  it('add HSTS and upgrade insecure requests', async () => {
    const response = await supertest(production.app).get('/start');
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['content-security-policy']).toBe(`${CSP};upgrade-insecure-requests`);
  });

  it('serve no development index', async () => {
    const response = await supertest(production.app).get('/');
    expect(response.status).toBe(404);
  });
});
