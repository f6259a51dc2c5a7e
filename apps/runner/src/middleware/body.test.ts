import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { expectErrorPage } from '../testing/pages.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

describe('request bodies', () => {
  it('over 100 kB are refused with the friendly error page (413), saving nothing', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    await browser.forge('/questionnaire/age', { _csrf: browser.csrfToken(), 'age-answer': '3'.repeat(110_000) });
    expectErrorPage(browser, 413);
    await browser.open('/questionnaire/age');
    expect(browser.field('age-answer')).toBe('');
  });

  it('with more than 500 fields are refused (413)', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    const fields = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`field-${i}`, 'x']));
    await browser.forge('/questionnaire/age', { ...fields, _csrf: browser.csrfToken(), 'age-answer': '20' });
    expectErrorPage(browser, 413);
  });

  it('just under the limit are read as usual', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    await browser.submit({ 'age-answer': '20', padding: 'x'.repeat(90_000) });
    expect(browser.page.url).toBe('/questionnaire/paid-work');
  });
});
