import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureLogger } from '../questionnaires/testing/capture-logger.ts';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { expectErrorPage, expectNotFoundPage } from '../testing/pages.ts';
import { ObservedStore } from '../testing/stores.ts';

let store: ObservedStore;
let logs: ReturnType<typeof captureLogger>;
let runner: TestRunner;

beforeAll(async () => {
  store = new ObservedStore();
  logs = captureLogger();
  runner = await testRunner({}, { store }, { logger: logs.logger });
});
afterAll(() => runner.close());
beforeEach(() => {
  store.failReads = false;
});

describe('an unknown URL', () => {
  it.each(['/no-such-page', '/questionnaire-not', '/s/', '/assets/unknown.css', '/start/extra'])(
    '%s is the page-not-found page',
    async (url) => {
      const browser = new Browser(runner.app);
      await browser.open(url);
      expectNotFoundPage(browser);
    },
  );

  it('with broken percent-encoding is refused with the error page', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/%E0%A4%A');
    expectErrorPage(browser, 400);
  });

  it('inside the questionnaire is the page-not-found page too', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    await browser.open('/questionnaire/no-such-page');
    expectNotFoundPage(browser);
    await browser.open('/questionnaire/people/x/no-such-page/y/z');
    expectNotFoundPage(browser);
  });
});

describe('an internal error', () => {
  it('shows the error page with a reference id, no stack trace, and logs the failure under that id', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    store.failReads = true;
    await browser.open('/questionnaire/age');
    expectErrorPage(browser, 500);
    expect(browser.page.html).not.toContain('ObservedStore');
    const reference = browser.page.headers['x-request-id'];
    const failure = logs
      .entries()
      .find((e) => e.msg === 'request failed' && (e.req as { id?: string })?.id === reference);
    expect(failure?.level).toBe(50);
    expect(JSON.stringify(failure?.err)).toContain('store read failed');
  });

  it('on a posted page shows the same error page, and the page works again once the store does', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    const token = browser.csrfToken();
    store.failReads = true;
    await browser.forge('/questionnaire/age', { _csrf: token, 'age-answer': '33' });
    expectErrorPage(browser, 500);
    store.failReads = false;
    await browser.open('/questionnaire/age');
    expect(browser.page.status).toBe(200);
    expect(browser.field('age-answer')).toBe('');
  });

  it('keeps a sane request id from the proxy as the reference', async () => {
    const browser = new Browser(runner.app).setHeaders({ 'X-Request-Id': 'proxy-request-0001' });
    await browser.open('/s/routing-and');
    store.failReads = true;
    await browser.open('/questionnaire/age');
    expectErrorPage(browser, 500);
    expect(browser.page.html).toContain('give this reference: proxy-request-0001');
  });

  it('makes its own reference when the proxy’s request id is not sane', async () => {
    const browser = new Browser(runner.app).setHeaders({ 'X-Request-Id': '<script>x</script>' });
    await browser.open('/s/routing-and');
    store.failReads = true;
    await browser.open('/questionnaire/age');
    expectErrorPage(browser, 500);
    expect(browser.page.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
