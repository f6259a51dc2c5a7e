import { issueCode } from '@eq/access-code';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessCodeFor, clientBrowser } from '../testing/access-codes.ts';
import type { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { ACCESS_CODE_FIELD } from '../view-models/start.ts';

const INVALID = 'Enter a valid access code, exactly as it is written on your letter or email';
const TOO_MANY = 'You have entered too many access codes. Wait a few minutes and try again.';

let runner: TestRunner;

// Behind a trusted proxy each browser is a client of its own, so the attempts of one test do
// not count against another's.
beforeAll(async () => {
  runner = await testRunner({ TRUST_PROXY: 'loopback' });
});
afterAll(() => runner.close());

const newClient = () => clientBrowser(runner.app);

async function enter(code: string, browser = newClient()): Promise<Browser> {
  await browser.open('/start');
  await browser.submit({ [ACCESS_CODE_FIELD]: code });
  return browser;
}

/** An unused serial for each test, so each starts a response of its own. */
let serial = 100;
const code = (slug = 'routing-and') => accessCodeFor(runner.services, slug, serial++);

describe('an access code', () => {
  it('starts the questionnaire its series belongs to, on the first page', async () => {
    const browser = await enter(await code());
    expect(browser.page.status).toBe(200);
    expect(browser.page.url).toBe('/questionnaire/age');
    expect(browser.heading()).toBe('What is your age?');
  });

  it('of a questionnaire that needs launch data is refused, saying how to start instead, and starts nothing', async () => {
    const browser = await enter(await code('census-household'));
    expect(browser.page.status).toBe(403);
    expect(browser.heading()).toBe('This questionnaire cannot be started with an access code');
    expect(browser.page.html).toContain('that come with the link we sent you');
    await browser.open('/questionnaire/');
    expect(browser.page.url).not.toMatch(/^\/questionnaire/);
  });

  it('starts the questionnaire of another series', async () => {
    const browser = await enter(await code('routing-or'));
    expect(browser.page.url).toBe('/questionnaire/student');
  });

  it('is accepted in lower case and with spaces, as people type it', async () => {
    const canonical = await code();
    const typed = `  ${canonical.toLowerCase().replace(/(.{4})/g, '$1 ')}`;
    const browser = await enter(typed);
    expect(browser.page.url).toBe('/questionnaire/age');
  });

  it('resumes the same response with its answers on a second browser', async () => {
    const shared = await code();
    const first = await enter(shared);
    await first.submit({ 'age-answer': '37' });
    const second = await enter(shared.toLowerCase());
    expect(second.page.url).toBe('/questionnaire/paid-work');
    await second.open('/questionnaire/age');
    expect(second.field('age-answer')).toBe('37');
  });

  it('with a typo asks the respondent to check the code, keeping them on the start page', async () => {
    const canonical = await code();
    const last = canonical.at(-1) === '0' ? '1' : '0';
    const browser = await enter(`${canonical.slice(0, -1)}${last}`);
    expect(browser.page.status).toBe(200);
    expect(browser.page.url).toBe('/start');
    expect(browser.errors()).toEqual([INVALID]);
    expect(browser.page.html).toMatch(/<title>Error: /);
  });

  it('issued with another key is refused', async () => {
    const foreign = issueCode('another-deployment-key-of-32-characters!', 1, 1);
    const browser = await enter(foreign);
    expect(browser.page.url).toBe('/start');
    expect(browser.errors()).toEqual([INVALID]);
  });

  it('that is missing or not a code at all is asked for again', async () => {
    const browser = await enter('');
    expect(browser.errors()).toEqual(['Enter your access code']);
    await enter('<script>alert(1)</script>', browser);
    expect(browser.errors()).toEqual([INVALID]);
    expect(browser.page.html).not.toContain('<script>alert(1)</script>');
  });

  it('cannot be posted without the start page’s CSRF token', async () => {
    const browser = newClient();
    await browser.open('/start');
    const forged = await browser.forge('/start', { [ACCESS_CODE_FIELD]: await code() });
    expect(forged.status).toBe(403);
  });
});

describe('access code attempts', () => {
  it('are limited to 10 a minute for one client: the 11th is refused with 429', async () => {
    const browser = newClient();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await enter('AAAA BBBB CCCC DDDD', browser);
      expect(browser.page.status).toBe(200);
    }
    // Even a good code is refused now: guessing stops here.
    await enter(await code(), browser);
    expect(browser.page.status).toBe(429);
    expect(browser.page.url).toBe('/start');
    expect(browser.errors()).toEqual([TOO_MANY]);
  });

  it('are counted per client: another client can still start', async () => {
    const guesser = newClient();
    for (let attempt = 1; attempt <= 11; attempt++) await enter('AAAA BBBB CCCC DDDD', guesser);
    expect(guesser.page.status).toBe(429);
    const respondent = await enter(await code());
    expect(respondent.page.url).toBe('/questionnaire/age');
  });
});
