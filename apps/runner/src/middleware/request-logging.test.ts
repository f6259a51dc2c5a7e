import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../questionnaires/testing/capture-logger.ts';
import { accessCodeFor } from '../testing/access-codes.ts';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { type Launcher, launcher, launchUrl } from '../testing/launch.ts';
import { ObservedStore } from '../testing/stores.ts';
import { ACCESS_CODE_FIELD } from '../view-models/start.ts';

let logs: ReturnType<typeof captureLogger>;
let store: ObservedStore;
let launch: Launcher;
let runner: TestRunner;

beforeAll(async () => {
  logs = captureLogger();
  store = new ObservedStore();
  launch = await launcher();
  runner = await testRunner({ LAUNCH_JWKS: launch.jwks }, { store }, { logger: logs.logger });
});
afterAll(() => runner.close());

/** A value no log line could contain by chance. */
const marker = (label: string) => `${label}${randomUUID().replaceAll('-', '')}`;

describe('the logs', () => {
  it('never contain answers, launch values, tokens or access codes, whatever happens to the request', async () => {
    const secrets: string[] = [];
    const secret = (label: string) => {
      const value = marker(label);
      secrets.push(value);
      return value;
    };

    // Answers: valid, invalid (the page is shown again with errors) and submitted.
    const browser = new Browser(runner.app);
    await browser.open('/s/answers-text');
    await browser.submit({ 'full-name-answer': secret('Name'), 'ni-number-answer': secret('NotAnNiNumber') });
    expect(browser.errors()).toHaveLength(1);
    await browser.submit({ 'full-name-answer': secret('Name'), 'ni-number-answer': '' });
    await browser.submit({ 'job-description-answer': secret('Job') });
    await browser.submit({ 'email-answer': `${secret('mail')}@example.com`, 'mobile-answer': '07700 900123' });
    await browser.submit({ 'postcode-answer': 'NP10 8XG' });
    expect(browser.page.url).toBe('/questionnaire/summary');
    await browser.submit();
    expect(browser.page.url).toBe('/thank-you');

    // A launch: the token in the query string and the metadata inside it.
    const token = await launch.token({
      questionnaire: 'routing-metadata',
      response_id: randomUUID(),
      respondent_ref: secret('Ref'),
      metadata: { region: secret('Region'), period_end: '2026-03-31', register_employees: 3, first_return: true },
    });
    secrets.push(token, token.split('.')[2] ?? token);
    const launched = new Browser(runner.app);
    await launched.open(launchUrl(token));
    expect(launched.page.url).toBe('/questionnaire/trading');
    await launched.open(launchUrl(token));
    expect(launched.page.status).toBe(401);

    // An access code, right and wrong.
    const code = await accessCodeFor(runner.services, 'routing-and', 7);
    secrets.push(code, `${code.slice(0, -1)}0`);
    const coded = new Browser(runner.app);
    await coded.open('/start');
    await coded.submit({ [ACCESS_CODE_FIELD]: `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}` });
    await coded.submit({ [ACCESS_CODE_FIELD]: code });
    expect(coded.page.url).toBe('/questionnaire/age');

    // Refused and failed requests: a forged post, a body too large, the store failing.
    const csrf = coded.csrfToken();
    await coded.forge('/questionnaire/age', { 'age-answer': secret('9') });
    expect(coded.page.status).toBe(403);
    await coded.forge('/questionnaire/age', { _csrf: csrf, 'age-answer': secret('1').repeat(4_000) });
    expect(coded.page.status).toBe(413);
    store.failReads = true;
    await coded.forge('/questionnaire/age', { _csrf: csrf, 'age-answer': secret('5') });
    store.failReads = false;
    expect(coded.page.status).toBe(500);

    const text = logs.lines.join('');
    expect(text).toContain('request failed');
    for (const value of secrets) expect(text, 'a log line holds a value it must not').not.toContain(value);
  });

  it('are JSON lines, each request’s with its request id, method and path', async () => {
    const browser = new Browser(runner.app).setHeaders({ 'X-Request-Id': 'logged-request-0042' });
    await browser.open('/start?lang=en');
    const entries = logs.entries();
    const completed = entries.filter((e) => (e.req as { id?: string } | undefined)?.id === 'logged-request-0042');
    expect(completed.length).toBeGreaterThan(0);
    expect(completed[0]).toMatchObject({ req: { method: 'GET', path: '/start' }, res: { statusCode: 303 } });
    expect(JSON.stringify(completed)).not.toContain('lang=en');
  });

  it('gives a route’s own lines the request’s id, method and path, each request its own', async () => {
    for (const id of ['refused-request-0001', 'refused-request-0002']) {
      const browser = new Browser(runner.app).setHeaders({ 'X-Request-Id': id });
      await browser.open('/s/routing-and');
      await browser.forge('/questionnaire/age?return=summary', { 'age-answer': '30' });
      expect(browser.page.status).toBe(403);
      const refused = logs.entries().filter((e) => e.msg === 'request refused' && (e.req as { id?: string }).id === id);
      expect(refused).toEqual([expect.objectContaining({ req: { id, method: 'POST', path: '/questionnaire/age' } })]);
    }
  });

  it('has no line for a health check, which comes before the logging', async () => {
    const browser = new Browser(runner.app).setHeaders({ 'X-Request-Id': 'health-check-0001' });
    await browser.open('/healthz');
    expect(browser.page.status).toBe(200);
    expect(browser.page.headers['x-request-id']).toBeUndefined();
    await browser.open('/start');
    const paths = logs.entries().map((e) => (e.req as { path?: string } | undefined)?.path);
    expect(paths).toContain('/start');
    expect(paths).not.toContain('/healthz');
  });
});
