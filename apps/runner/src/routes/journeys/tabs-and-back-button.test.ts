import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithRedis } from '../../store/redis-testing.ts';
import { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { LatentStore } from '../../testing/latent-store.ts';
import { type Fields, walk } from '../../testing/walk.ts';

/** The pages of answers-text, each with the fields that answer it in round `n`. */
const PAGES: [page: string, fields: (n: number) => Fields][] = [
  ['identity', (n) => ({ 'full-name-answer': `Name ${n}`, 'ni-number-answer': '' })],
  ['job-description', (n) => ({ 'job-description-answer': `Job ${n}` })],
  ['contact-details', (n) => ({ 'email-answer': `person${n}@example.com`, 'mobile-answer': '' })],
  ['home-postcode', (n) => ({ 'postcode-answer': `CF${n} 1AA` })],
];

/** What the store must hold after round `n`. */
function answersOf(n: number) {
  return {
    'full-name-answer': `Name ${n}`,
    'job-description-answer': `Job ${n}`,
    'email-answer': `person${n}@example.com`,
    'postcode-answer': `CF${n} 1AA`,
  };
}

async function answered(runner: TestRunner, app: Express = runner.app): Promise<HttpRespondent> {
  const respondent = new HttpRespondent(runner, {}, new Browser(app));
  await respondent.start('answers-text');
  await walk(
    respondent.browser,
    PAGES.map(([page, fields]) => [page, fields(1)]),
  );
  expect(respondent.browser.page.url).toBe('/questionnaire/summary');
  return respondent;
}

/**
 * One tab per page of the same response, all open at once, all saving at the same moment, round
 * after round: after each round every tab's answer must be in the store.
 */
async function saveInEveryTabAtOnce(respondent: HttpRespondent, rounds: number): Promise<void> {
  const tabs = PAGES.map(() => respondent.browser.tab());
  for (let round = 2; round < rounds + 2; round++) {
    await Promise.all(tabs.map((tab, i) => tab.open(`/questionnaire/${PAGES[i]?.[0]}`)));
    await Promise.all(tabs.map((tab, i) => tab.submit(PAGES[i]?.[1](round) ?? {})));
    for (const tab of tabs) expect(tab.errors()).toEqual([]);
    const { answers } = (await respondent.record()).state;
    expect(answers).toMatchObject(answersOf(round));
  }
}

describe('the back button and stale tabs', () => {
  let runner: TestRunner;
  beforeAll(async () => {
    // Slow like Redis, so that saves at the same moment really interleave.
    runner = await testRunner({}, { store: new LatentStore() });
  });
  afterAll(() => runner.close());

  it('ignores a page posted after an earlier change took it off the path, and sends the respondent on', async () => {
    const respondent = new HttpRespondent(runner);
    await respondent.start('routing-equals');
    const { browser } = respondent;
    await walk(browser, [
      ['tenure', { 'tenure-answer': 'rent' }],
      ['landlord', { 'landlord-answer': 'council' }],
    ]);
    const landlordPage = { ...browser.page, url: '/questionnaire/landlord' };
    await browser.open('/questionnaire/tenure');
    await walk(browser, [['tenure', { 'tenure-answer': 'own' }]]);
    expect(browser.page.url).toBe('/questionnaire/mortgage');
    const before = (await respondent.record()).state;

    // The back button shows the landlord page again, from the browser's history.
    await browser.open('/questionnaire/landlord');
    expect(browser.page.url).toBe('/questionnaire/mortgage');
    browser.page = landlordPage;
    await browser.submit({ 'landlord-answer': 'private' });
    expect(browser.page.url).toBe('/questionnaire/mortgage');
    expect((await respondent.record()).state).toEqual(before);
  });

  it('keeps what another tab saved on other pages when a stale tab posts its page', async () => {
    const respondent = await answered(runner);
    const stale = respondent.browser.tab();
    await stale.open('/questionnaire/identity');
    const other = respondent.browser.tab();
    await other.open('/questionnaire/job-description');
    await other.submit({ 'job-description-answer': 'Saved in the other tab' });
    await stale.submit({ 'full-name-answer': 'Saved in the stale tab', 'ni-number-answer': '' });
    const { answers } = (await respondent.record()).state;
    expect(answers['job-description-answer']).toBe('Saved in the other tab');
    expect(answers['full-name-answer']).toBe('Saved in the stale tab');
    await stale.open('/questionnaire/job-description');
    expect(stale.field('job-description-answer')).toBe('Saved in the other tab');
  });

  it('keeps every answer when tabs save different pages at the same moment, again and again', async () => {
    const respondents = await Promise.all(Array.from({ length: 4 }, () => answered(runner)));
    await Promise.all(respondents.map((respondent) => saveInEveryTabAtOnce(respondent, 15)));
  });
});

describeWithRedis('tabs saving at once on two runners sharing one Redis', (redisUrl) => {
  const prefix = `test:${randomUUID()}:`;
  let runners: TestRunner[] = [];
  let balancer: Express;
  beforeAll(async () => {
    const shared = {
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      SESSION_KEY: randomUUID() + randomUUID(),
      ANSWER_KEY: randomUUID() + randomUUID(),
      ACCESS_CODE_KEY: randomUUID() + randomUUID(),
    };
    runners = [await testRunner(shared), await testRunner(shared)];
    let turn = 0;
    balancer = express();
    balancer.use((req, res, next) => runners[turn++ % runners.length]?.app(req, res, next));
  });
  afterAll(async () => {
    await Promise.all(runners.map((runner) => runner.close()));
    const admin = new Redis(redisUrl);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('keeps every answer when tabs save different pages at the same moment, again and again', async () => {
    const [first] = runners;
    if (!first) throw new Error('no runner');
    const respondents = await Promise.all(Array.from({ length: 3 }, () => answered(first, balancer)));
    await Promise.all(respondents.map((respondent) => saveInEveryTabAtOnce(respondent, 10)));
  });
});
