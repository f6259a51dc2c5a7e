import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { expectErrorPage } from '../testing/pages.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

/** Every form on the page that posts, with whether it carries a CSRF token. */
function postForms(html: string): { action: string; hasToken: boolean }[] {
  return [...html.matchAll(/<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/g)].map((form) => ({
    action: /action="([^"]*)"/.exec(form[0])?.[1] ?? '',
    hasToken: /<input type="hidden" name="_csrf" value="[^"]{20,}"/.test(form[1] ?? ''),
  }));
}

/** A respondent on routing-and's check-your-answers page. */
async function atSummary(): Promise<Browser> {
  const browser = new Browser(runner.app);
  await browser.open('/s/routing-and');
  await browser.submit({ 'age-answer': '30' });
  await browser.submit({ 'paid-work-answer': 'no' });
  await browser.submit();
  expect(browser.page.url).toBe('/questionnaire/summary');
  return browser;
}

describe('CSRF protection', () => {
  it('puts a token in every form that posts, on every page of a journey', async () => {
    const browser = new Browser(runner.app);
    const seen: string[] = [];
    const check = () => {
      const forms = postForms(browser.page.html);
      expect(forms.length, browser.page.url).toBeGreaterThan(0);
      for (const form of forms) expect(form.hasToken, `${browser.page.url} → ${form.action}`).toBe(true);
      seen.push(...forms.map((f) => f.action));
    };
    await browser.open('/start');
    check();
    await browser.open('/s/routing-and');
    check();
    await browser.submit({ 'age-answer': '30' });
    check();
    await browser.submit({ 'paid-work-answer': 'no' });
    check();
    await browser.submit();
    check();
    expect(new Set(seen)).toEqual(
      new Set(['/start', '/questionnaire/age', '/questionnaire/paid-work', '/questionnaire/not-in-scope', '/submit']),
    );
  });

  it('refuses the start page’s post without its token', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/start');
    await browser.forge('/start', { 'access-code': 'AAAA BBBB CCCC DDDD' });
    expectErrorPage(browser, 403);
  });

  it('refuses a questionnaire page’s post without its token, saving nothing', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    await browser.forge('/questionnaire/age', { 'age-answer': '99' });
    expectErrorPage(browser, 403);
    await browser.open('/questionnaire/age');
    expect(browser.field('age-answer')).toBe('');
  });

  it('refuses a submit without its token, submitting nothing', async () => {
    const browser = await atSummary();
    const before = runner.delivered.length;
    await browser.forge('/submit', {});
    expectErrorPage(browser, 403);
    expect(runner.delivered.length).toBe(before);
    await browser.open('/questionnaire/summary');
    expect(browser.page.url).toBe('/questionnaire/summary');
  });

  it('refuses a sign out without its token, keeping the session', async () => {
    const browser = await atSummary();
    await browser.forge('/sign-out', {});
    expectErrorPage(browser, 403);
    await browser.open('/questionnaire/summary');
    expect(browser.page.status).toBe(200);
    expect(browser.page.url).toBe('/questionnaire/summary');
  });

  it('refuses a token taken from another respondent’s page', async () => {
    const other = new Browser(runner.app);
    await other.open('/s/routing-and');
    const stolen = other.csrfToken();
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    await browser.forge('/questionnaire/age', { _csrf: stolen, 'age-answer': '45' });
    expectErrorPage(browser, 403);
  });

  it('accepts the page’s own token', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    await browser.submit({ 'age-answer': '45' });
    expect(browser.page.url).toBe('/questionnaire/paid-work');
  });
});
