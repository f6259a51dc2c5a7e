import { randomUUID } from 'node:crypto';
import type { Questionnaire } from '@eq/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signToken, testKeyPair } from '../launch/test-keys.ts';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { type Launcher, launcher, launchUrl } from '../testing/launch.ts';
import { expectLaunchProblemPage, sessionCookieSet } from '../testing/pages.ts';
import { fixture, PublishedSource } from '../testing/sources.ts';
import { ObservedStore } from '../testing/stores.ts';

/** Launch values for routing-metadata: a first return routes from trading straight to turnover. */
const METADATA = { region: 'gb', period_end: '2026-03-31', register_employees: 12, first_return: true };

let launch: Launcher;
let source: PublishedSource;
let store: ObservedStore;
let runner: TestRunner;

beforeAll(async () => {
  launch = await launcher();
  source = new PublishedSource();
  source.publish(fixture('routing-metadata'));
  source.publish(fixture('welsh'));
  source.publish(fixture('routing-and'));
  source.publish(retitled(fixture('routing-and'), 'What is your age? (version 2)'));
  store = new ObservedStore();
  runner = await testRunner({ LAUNCH_JWKS: launch.jwks }, { store, source });
});
afterAll(() => runner.close());

/** The questionnaire with its first question asked differently: another version to tell apart. */
function retitled(q: Questionnaire, title: string): Questionnaire {
  const copy = structuredClone(q);
  const page = copy.sections[0]?.pages[0];
  if (page?.kind === 'question') page.question.title = title;
  return copy;
}

function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    questionnaire: 'routing-metadata',
    response_id: randomUUID(),
    respondent_ref: '49900012345',
    metadata: METADATA,
    ...extra,
  };
}

async function launched(token: string, browser = new Browser(runner.app)): Promise<Browser> {
  await browser.open(launchUrl(token));
  return browser;
}

describe('a valid launch token', () => {
  it('starts the response with its metadata and lands on the first page', async () => {
    const browser = await launched(await launch.token(claims()));
    expect(browser.page.status).toBe(200);
    expect(browser.page.url).toBe('/questionnaire/trading');
    expect(browser.heading()).toBe('Did the business trade during the reporting period?');
    // first_return came through as true, so the routing skips the activity question.
    await browser.submit({ 'trading-answer': 'yes' });
    expect(browser.page.url).toBe('/questionnaire/turnover');
  });

  it('takes launch values written as strings, converted to their declared types', async () => {
    const metadata = { region: 'gb', period_end: '2026-03-31', register_employees: '12', first_return: 'false' };
    const browser = await launched(await launch.token(claims({ metadata })));
    await browser.submit({ 'trading-answer': 'yes' });
    expect(browser.page.url).toBe('/questionnaire/activity-changed');
  });

  it('carries the respondent reference and the metadata into the submission', async () => {
    const responseId = randomUUID();
    const browser = await launched(await launch.token(claims({ response_id: responseId })));
    await browser.submit({ 'trading-answer': 'yes' });
    await browser.submit({ 'turnover-answer': '1000' });
    await browser.submit({ 'employees-answer': '5' });
    await browser.submit({ 'contact-name-answer': 'Ada Lovelace' });
    // period_end is more than a month ago, so the late-return question follows.
    await browser.submit({ 'late-reason-answer': 'Illness' });
    expect(browser.page.url).toBe('/questionnaire/summary');
    await browser.submit();
    expect(browser.page.url).toBe('/thank-you');
    const submission = runner.delivered.find((s) => s.responseId === responseId);
    expect(submission).toMatchObject({
      respondentRef: '49900012345',
      questionnaireId: 'routing-metadata',
      metadata: METADATA,
    });
  });

  it('resumes the same response and its answers from a second token on another device', async () => {
    const responseId = randomUUID();
    const laptop = await launched(await launch.token(claims({ response_id: responseId })));
    await laptop.submit({ 'trading-answer': 'no' });
    const phone = await launched(await launch.token(claims({ response_id: responseId })));
    expect(phone.page.url).toBe('/questionnaire/turnover');
    await phone.open('/questionnaire/trading');
    expect(phone.field('trading-answer')).toBe('no');
  });

  it('shows the questionnaire in the language the token names', async () => {
    const browser = await launched(await launch.token(claims({ questionnaire: 'welsh', metadata: {}, lang: 'cy' })));
    expect(browser.page.status).toBe(200);
    expect(browser.page.html).toMatch(/<html lang="cy"/);
    await browser.open('/questionnaire/name');
    expect(browser.heading()).toBe('Beth yw eich enw?');
  });

  it('keeps the interface language when the questionnaire is not written in the one the token names', async () => {
    const browser = await launched(
      await launch.token(claims({ questionnaire: 'routing-and', metadata: {}, lang: 'cy' })),
    );
    expect(browser.page.html).toMatch(/<html lang="en"/);
    expect(browser.heading()).toBe('What is your age? (version 2)');
  });
});

describe('the version a respondent is pinned to', () => {
  it('is the latest when the token names none', async () => {
    const browser = await launched(await launch.token(claims({ questionnaire: 'routing-and', metadata: {} })));
    expect(browser.heading()).toBe('What is your age? (version 2)');
  });

  it('is the one the token names', async () => {
    const browser = await launched(
      await launch.token(claims({ questionnaire: 'routing-and', version: 1, metadata: {} })),
    );
    expect(browser.heading()).toBe('What is your age?');
  });

  it('stays the version started when a newer one is published and the respondent comes back', async () => {
    const responseId = randomUUID();
    const first = await launched(
      await launch.token(claims({ questionnaire: 'routing-and', version: 1, response_id: responseId, metadata: {} })),
    );
    await first.submit({ 'age-answer': '40' });
    source.publish(retitled(fixture('routing-and'), 'What is your age? (version 3)'));
    const again = await launched(
      await launch.token(claims({ questionnaire: 'routing-and', response_id: responseId, metadata: {} })),
    );
    expect(again.page.url).toBe('/questionnaire/paid-work');
    await again.open('/questionnaire/age');
    expect(again.heading()).toBe('What is your age?');
    await again.submit({ 'age-answer': '40' });
    await again.submit({ 'paid-work-answer': 'no' });
    await again.submit();
    await again.submit();
    expect(again.page.url).toBe('/thank-you');
    expect(runner.delivered.find((s) => s.responseId === responseId)?.questionnaireVersion).toBe(1);
  });
});

describe('a launch that is refused', () => {
  let writesBefore: number;
  beforeEach(() => {
    writesBefore = store.writtenKeys.length;
  });

  /** Refused with a page that says what is wrong with the link (and no detail): no session, nothing stored. */
  async function expectRefused(url: string, status: number, says?: RegExp): Promise<void> {
    const browser = new Browser(runner.app);
    await browser.open(url);
    expectLaunchProblemPage(browser, status);
    if (says) expect(browser.page.html).toMatch(says);
    expect(sessionCookieSet(browser.page.headers)).toBeUndefined();
    expect(store.writtenKeys.length).toBe(writesBefore);
  }

  it('refuses a token without a required metadata value', async () => {
    const { first_return: _left, ...metadata } = METADATA;
    await expectRefused(launchUrl(await launch.token(claims({ metadata }))), 400, /does not carry the details/);
  });

  it('refuses a metadata value of the wrong type', async () => {
    await expectRefused(
      launchUrl(await launch.token(claims({ metadata: { ...METADATA, period_end: '31/03/2026' } }))),
      400,
    );
    await expectRefused(
      launchUrl(await launch.token(claims({ metadata: { ...METADATA, register_employees: 'many' } }))),
      400,
    );
  });

  it('refuses an expired token', async () => {
    const iat = Math.floor(Date.now() / 1000) - 400;
    await expectRefused(launchUrl(await launch.token(claims({ iat, exp: iat + 300 }))), 401, /has expired/);
  });

  it('refuses a token signed with a key that is not in LAUNCH_JWKS', async () => {
    const stranger = await testKeyPair('ES256', 'test-launch-key');
    const iat = Math.floor(Date.now() / 1000);
    const token = await signToken(stranger, 'ES256', { ...claims(), iat, exp: iat + 300, jti: randomUUID() });
    await expectRefused(launchUrl(token), 401);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims(), iat, exp: iat + 300, jti: randomUUID() })}.`;
    await expectRefused(launchUrl(token), 401);
  });

  it('refuses garbage, an empty token and no token at all', async () => {
    await expectRefused(launchUrl('garbage'), 401, /not complete or not valid/);
    await expectRefused(launchUrl('eyJhbGciOiJFUzI1NiJ9.e30.c2ln'), 401);
    await expectRefused('/session?token=', 401);
    await expectRefused('/session', 401);
    await expectRefused('/session?token=a&token=b', 401);
  });

  it('refuses a token without a response id', async () => {
    const { response_id: _left, ...incomplete } = claims();
    await expectRefused(launchUrl(await launch.token(incomplete)), 401);
  });

  it('refuses a questionnaire or version that is not published', async () => {
    await expectRefused(
      launchUrl(await launch.token(claims({ questionnaire: 'no-such-questionnaire' }))),
      404,
      /is not available/,
    );
    await expectRefused(
      launchUrl(await launch.token(claims({ questionnaire: 'routing-and', version: 9, metadata: {} }))),
      404,
    );
  });

  it('refuses a token used a second time, even from another browser', async () => {
    const token = await launch.token(claims());
    const first = await launched(token);
    expect(first.page.url).toBe('/questionnaire/trading');
    writesBefore = store.writtenKeys.length;
    await expectRefused(launchUrl(token), 401, /already been used/);
  });
});
