import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store.ts';
import { accessCodeFor, clientBrowser } from '../testing/access-codes.ts';
import { Browser } from '../testing/browser.ts';
import { FakeClock } from '../testing/clock.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { type Launcher, launcher, launchUrl } from '../testing/launch.ts';
import { sessionCookieSet } from '../testing/pages.ts';
import { fixture, PublishedSource } from '../testing/sources.ts';
import { ACCESS_CODE_FIELD } from '../view-models/start.ts';

const START = new Date('2026-06-01T09:00:00Z');
const MINUTE = 60_000;

let launch: Launcher;
let clock: FakeClock;
let runner: TestRunner;
let serial = 1;

beforeAll(async () => {
  launch = await launcher();
  clock = new FakeClock(START);
  runner = await testRunner(
    { LAUNCH_JWKS: launch.jwks, SESSION_TIMEOUT_MINUTES: '45', TRUST_PROXY: 'loopback' },
    { now: clock.now },
  );
});
afterAll(() => runner.close());

/** A respondent who entered a new access code for routing-and and answered the age question. */
async function respondentWithCode(): Promise<{ browser: Browser; code: string }> {
  const code = await accessCodeFor(runner.services, 'routing-and', serial++);
  const browser = clientBrowser(runner.app);
  await browser.open('/start');
  await browser.submit({ [ACCESS_CODE_FIELD]: code });
  await browser.submit({ 'age-answer': '38' });
  expect(browser.page.url).toBe('/questionnaire/paid-work');
  return { browser, code };
}

function expiresAt(body: unknown): number {
  return Date.parse((body as { expires_at: string }).expires_at);
}

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, and lives as long as the response', async () => {
    const response = await supertest(runner.app).get('/s/routing-and');
    const cookie = sessionCookieSet(response.headers);
    expect(cookie).toMatch(/^eq-session=/);
    const attributes = cookie?.split(/;\s*/).slice(1) ?? [];
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${28 * 86_400}`]),
    );
    expect(attributes).not.toContain('Secure');
    expect(attributes.some((a) => a.startsWith('Domain='))).toBe(false);
  });

  it('is sealed: neither the response id nor an answer can be read from it', async () => {
    const responseId = `resp-${randomUUID()}`;
    const browser = new Browser(runner.app);
    await browser.open(launchUrl(await launch.token({ questionnaire: 'answers-text', response_id: responseId })));
    expect(browser.page.url).toBe('/questionnaire/identity');
    await browser.submit({ 'full-name-answer': 'Zebedee Quux', 'ni-number-answer': '' });
    expect(browser.page.url).toBe('/questionnaire/job-description');
    const value = decodeURIComponent(browser.cookie('eq-session') ?? '');
    expect(value).toMatch(/^v1\.[A-Za-z0-9_-]{100,}$/);
    const body = Buffer.from(value.slice(3), 'base64url').toString('latin1');
    for (const secret of [responseId, 'Zebedee']) {
      expect(body).not.toContain(secret);
      expect(value).not.toContain(secret);
      expect(value).not.toContain(Buffer.from(secret).toString('base64url').slice(0, 8));
    }
  });

  it('opens nothing once tampered with', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    const value = decodeURIComponent(browser.cookie('eq-session') ?? '');
    const at = Math.floor(value.length / 2);
    const tampered = `${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`;
    const response = await supertest(runner.app).get('/questionnaire/age').set('Cookie', `eq-session=${tampered}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/session-expired');
  });
});

describe('the idle session', () => {
  it('carries on while the respondent is active: every page moves its end on', async () => {
    const { browser } = await respondentWithCode();
    clock.advanceMinutes(40);
    await browser.open('/questionnaire/paid-work');
    expect(browser.page.url).toBe('/questionnaire/paid-work');
    clock.advanceMinutes(40);
    await browser.open('/questionnaire/age');
    expect(browser.page.status).toBe(200);
    expect(browser.field('age-answer')).toBe('38');
  });

  it('is sealed again only when its end moves on by more than a minute, and pages tell the end the cookie holds', async () => {
    const { browser } = await respondentWithCode();
    const sealedAt = clock.now().getTime();
    const sealed = browser.cookie('eq-session');
    const toldEnd = () => /data-server-session-expires-at="([^"]+)"/.exec(browser.page.html)?.[1];
    clock.advanceMinutes(0.5);
    await browser.open('/questionnaire/paid-work');
    expect(sessionCookieSet(browser.page.headers)).toBeUndefined();
    expect(browser.cookie('eq-session')).toBe(sealed);
    expect(toldEnd()).toBe(new Date(sealedAt + 45 * MINUTE).toISOString());
    clock.advanceMinutes(1);
    await browser.open('/questionnaire/paid-work');
    expect(sessionCookieSet(browser.page.headers)).toBeDefined();
    expect(toldEnd()).toBe(new Date(clock.now().getTime() + 45 * MINUTE).toISOString());
  });

  it('ends after SESSION_TIMEOUT_MINUTES without a request: the next page is the session-expired page', async () => {
    const { browser } = await respondentWithCode();
    clock.advanceMinutes(46);
    await browser.open('/questionnaire/paid-work');
    expect(browser.page.url).toBe('/session-expired');
    expect(browser.heading()).toBe('Your session has timed out');
    expect(browser.page.html).toContain('Your answers have been saved.');
  });

  it('sends a page posted after the session ended to the session-expired page, saving nothing', async () => {
    const { browser, code } = await respondentWithCode();
    clock.advanceMinutes(46);
    await browser.submit({ 'paid-work-answer': 'yes' });
    expect(browser.page.url).toBe('/session-expired');
    await browser.open('/start');
    await browser.submit({ [ACCESS_CODE_FIELD]: code });
    expect(browser.page.url).toBe('/questionnaire/paid-work');
  });

  it('keeps the answers: entering the access code again resumes them', async () => {
    const { browser, code } = await respondentWithCode();
    clock.advanceMinutes(60);
    await browser.open('/questionnaire/paid-work');
    expect(browser.page.url).toBe('/session-expired');
    await browser.open('/start');
    await browser.submit({ [ACCESS_CODE_FIELD]: code });
    expect(browser.page.url).toBe('/questionnaire/paid-work');
    await browser.open('/questionnaire/age');
    expect(browser.field('age-answer')).toBe('38');
  });

  it('is told on the page without JavaScript, and to the timeout script with it', async () => {
    const { browser } = await respondentWithCode();
    await browser.open('/questionnaire/age');
    const end = new Date(clock.now().getTime() + 45 * MINUTE);
    const london = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
    expect(browser.page.html).toContain(`Your session will end at ${london.format(end)} unless you continue.`);
    expect(browser.page.html).toContain(`data-server-session-expires-at="${end.toISOString()}"`);
  });
});

describe('/session/expiry', () => {
  it('tells when the session ends', async () => {
    const { browser } = await respondentWithCode();
    const response = await browser.json('get', '/session/expiry');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(expiresAt(response.body)).toBe(clock.now().getTime() + 45 * MINUTE);
  });

  it('extends the session on PATCH (the timeout modal’s Continue), without a CSRF token', async () => {
    const { browser } = await respondentWithCode();
    clock.advanceMinutes(30);
    const extended = await browser.json('patch', '/session/expiry');
    expect(extended.status).toBe(200);
    expect(expiresAt(extended.body)).toBe(clock.now().getTime() + 45 * MINUTE);
    clock.advanceMinutes(40);
    await browser.open('/questionnaire/paid-work');
    expect(browser.page.url).toBe('/questionnaire/paid-work');
  });

  it('answers 401 without a session, and does not extend an idle one', async () => {
    const stranger = new Browser(runner.app);
    expect(await stranger.json('get', '/session/expiry')).toMatchObject({ status: 401, body: { expires_at: null } });
    const { browser } = await respondentWithCode();
    clock.advanceMinutes(50);
    expect(await browser.json('patch', '/session/expiry')).toMatchObject({ status: 401, body: { expires_at: null } });
    await browser.open('/questionnaire/paid-work');
    expect(browser.page.url).toBe('/session-expired');
  });
});

describe('Save and sign out', () => {
  it('is offered to respondents who can come back with their code, not on an open link', async () => {
    const { browser } = await respondentWithCode();
    await browser.open('/questionnaire/paid-work');
    expect(browser.page.html).toContain('action="/sign-out"');
    const open = new Browser(runner.app);
    await open.open('/s/routing-and');
    expect(open.page.url).toBe('/questionnaire/age');
    expect(open.page.html).not.toContain('action="/sign-out"');
  });

  it('ends the session: the signed-out page, then no questionnaire page opens', async () => {
    const { browser, code } = await respondentWithCode();
    await browser.submit({}, '/sign-out');
    expect(browser.page.url).toBe('/signed-out');
    expect(browser.heading()).toBe('You have signed out');
    expect(browser.cookie('eq-session')).toBeUndefined();
    await browser.open('/questionnaire/age');
    expect(browser.page.url).toBe('/session-expired');
    await browser.open('/start');
    await browser.submit({ [ACCESS_CODE_FIELD]: code });
    expect(browser.page.url).toBe('/questionnaire/paid-work');
  });

  it('clears the cookie in the response', async () => {
    const { browser } = await respondentWithCode();
    await browser.open('/questionnaire/paid-work');
    const agent = supertest.agent(runner.app);
    const cookie = decodeURIComponent(browser.cookie('eq-session') ?? '');
    const csrf = browser.cookie('eq-csrf') ?? '';
    const response = await agent
      .post('/sign-out')
      .set('Cookie', `eq-session=${cookie}; eq-csrf=${csrf}`)
      .type('form')
      .send({ _csrf: browser.csrfToken() });
    expect(response.status).toBe(303);
    expect(sessionCookieSet(response.headers)).toBeUndefined();
    const cleared = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('eq-session='));
    expect(cleared).toMatch(/^eq-session=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe('in production', () => {
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
        LAUNCH_JWKS: launch.jwks,
        AUTHOR_API_URL: 'https://author.invalid',
        AUTHOR_API_TOKEN: 'a-service-credential',
      },
      { store: new MemoryStore(), source: runner.services.source },
    );
  });
  afterAll(() => production.close());

  it('the session and CSRF cookies are Secure and __Host- prefixed', async () => {
    const response = await supertest(production.app).get('/s/routing-and');
    expect(response.status).toBe(303);
    const session = sessionCookieSet(response.headers);
    expect(session).toMatch(/^__Host-eq-session=/);
    expect(session?.split(/;\s*/)).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
    const page = await supertest(production.app).get('/start');
    const csrf = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-eq-csrf='));
    expect(csrf?.split(/;\s*/)).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
  });

  it('a cookie without the prefix opens nothing', async () => {
    const dev = await supertest(production.app).get('/s/routing-and');
    const sealed = sessionCookieSet(dev.headers)?.split(';')[0]?.replace('__Host-', '') ?? '';
    const response = await supertest(production.app).get('/questionnaire/age').set('Cookie', sealed);
    expect(response.headers.location).toBe('/session-expired');
  });
});

describe('a questionnaire with its own session timeout', () => {
  it('ends the idle session after the questionnaire’s minutes rather than the runner’s', async () => {
    const clock = new FakeClock(START);
    const source = new PublishedSource();
    source.publish({ ...fixture('routing-and'), sessionTimeoutMinutes: 10 }, { openAccess: true });
    const short = await testRunner({}, { now: clock.now, source });
    try {
      const browser = new Browser(short.app);
      await browser.open('/s/routing-and');
      expect(browser.page.url).toBe('/questionnaire/age');
      clock.advanceMinutes(9);
      await browser.open('/questionnaire/age');
      expect(browser.page.url).toBe('/questionnaire/age');
      clock.advanceMinutes(11);
      await browser.open('/questionnaire/age');
      expect(browser.page.url).toBe('/session-expired');
    } finally {
      await short.close();
    }
  });
});
