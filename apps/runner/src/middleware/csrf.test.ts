import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { expectErrorPage } from '../testing/pages.ts';
import { type CsrfProtection, csrfProtection } from './csrf.ts';

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

describe('CSRF tokens remembered as verified', () => {
  const SECRET = 'a-test-secret-of-at-least-32-characters!';
  interface FakeExchange {
    req: Request;
    res: Response;
    cookies: string[];
  }
  function exchange(
    method: string,
    options: { responseId?: string; cookie?: string; body?: Record<string, unknown>; path?: string } = {},
  ): FakeExchange {
    const cookies: string[] = [];
    const req = {
      method,
      path: options.path ?? '/questionnaire/age',
      cookies: options.cookie === undefined ? {} : { 'eq-csrf': options.cookie },
      body: options.body,
      ...(options.responseId ? { session: { responseId: options.responseId } } : {}),
    } as unknown as Request;
    const res = {
      locals: {},
      cookie: (_name: string, value: string) => {
        cookies.push(value);
        return res;
      },
    } as unknown as Response;
    return { req, res, cookies };
  }
  function outcome(protection: CsrfProtection, { req, res }: FakeExchange): 'accepted' | 'refused' {
    let result: 'accepted' | 'refused' | undefined;
    protection.protect(req, res, (error?: unknown) => {
      result = error === undefined ? 'accepted' : 'refused';
    });
    if (!result) throw new Error('protect neither accepted nor refused');
    return result;
  }

  it('gives a page the token its cookie holds without setting the cookie again', () => {
    const protection = csrfProtection({ secret: SECRET, production: false });
    const first = exchange('GET', { responseId: 'r1' });
    const token = protection.token(first.req, first.res);
    expect(first.cookies).toEqual([token]);
    const second = exchange('GET', { responseId: 'r1', cookie: token });
    expect(protection.token(second.req, second.res)).toBe(token);
    expect(second.cookies).toEqual([]);
  });

  it('accepts and refuses exactly what csrf-csrf alone would, before and after tokens are remembered', () => {
    const warm = csrfProtection({ secret: SECRET, production: false });
    const page = exchange('GET', { responseId: 'r1' });
    const mine = warm.token(page.req, page.res);
    const other = exchange('GET', { responseId: 'r2' });
    const theirs = warm.token(other.req, other.res);
    const tampered = `${mine.slice(0, -1)}${mine.endsWith('0') ? '1' : '0'}`;
    const cases: [string, Parameters<typeof exchange>[1] & { method?: string }][] = [
      ['own token', { responseId: 'r1', cookie: mine, body: { _csrf: mine } }],
      ['own token, again', { responseId: 'r1', cookie: mine, body: { _csrf: mine } }],
      ['no body token', { responseId: 'r1', cookie: mine, body: {} }],
      ['another token in the body', { responseId: 'r1', cookie: mine, body: { _csrf: theirs } }],
      ['another respondent’s cookie and token', { responseId: 'r1', cookie: theirs, body: { _csrf: theirs } }],
      ['a token bound to no session', { responseId: 'r1', cookie: 'abc.def', body: { _csrf: 'abc.def' } }],
      ['a tampered token', { responseId: 'r1', cookie: tampered, body: { _csrf: tampered } }],
      ['no cookie', { responseId: 'r1', body: { _csrf: mine } }],
      ['no session', { cookie: mine, body: { _csrf: mine } }],
      ['the session expiry endpoint', { responseId: 'r1', path: '/session/expiry', method: 'PATCH' }],
      ['a GET', { responseId: 'r1', method: 'GET' }],
    ];
    for (const [name, options] of cases) {
      const cold = csrfProtection({ secret: SECRET, production: false });
      const method = options.method ?? 'POST';
      expect(outcome(warm, exchange(method, options)), name).toBe(outcome(cold, exchange(method, options)));
    }
    expect(outcome(warm, exchange('POST', { responseId: 'r1', cookie: mine, body: { _csrf: mine } }))).toBe('accepted');
    expect(outcome(warm, exchange('POST', { responseId: 'r2', cookie: mine, body: { _csrf: mine } }))).toBe('refused');
  });
});
