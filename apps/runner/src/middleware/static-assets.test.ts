import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { expectNotFoundPage } from '../testing/pages.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

describe('static assets', () => {
  it('are served below /assets in any letter case, as a route Express matched without regard to case', async () => {
    const { css, enhanceJs } = runner.services.assets.urls;
    for (const url of [
      css,
      css.replace('/assets/', '/ASSETS/'),
      css.replace('/assets/ons/', '/Assets/ONS/'),
      enhanceJs,
    ]) {
      const response = await supertest(runner.app).get(url).set('Accept-Encoding', 'identity');
      expect(response.status, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-security-policy'], url).toBeDefined();
    }
  });

  it.each(['/assets', '/assets/', '/ASSETS', '/assetsx', '/assets/unknown.css', '/assets//ons/main.css'])(
    '%s, which names no asset, goes on to the page-not-found page',
    async (url) => {
      const browser = new Browser(runner.app);
      await browser.open(url);
      expectNotFoundPage(browser);
      expect(browser.page.headers['cache-control']).toBe('no-store');
    },
  );
});
