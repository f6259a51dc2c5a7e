import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../testing/browser.ts';
import { FakeClock } from '../testing/clock.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { expectNotFoundPage } from '../testing/pages.ts';
import { fixture, PublishedSource } from '../testing/sources.ts';

let clock: FakeClock;
let runner: TestRunner;

beforeAll(async () => {
  const source = new PublishedSource();
  source.publish(fixture('routing-and'));
  source.publish(fixture('routing-or'));
  source.publish(fixture('routing-equals'), { openAccess: false });
  source.publish(fixture('routing-metadata'));
  source.publish(fixture('content-pages'));
  clock = new FakeClock();
  runner = await testRunner({}, { source, now: clock.now });
});
afterAll(() => runner.close());

async function answerAge(browser: Browser, age: string): Promise<void> {
  await browser.open('/s/routing-and');
  expect(browser.page.url).toBe('/questionnaire/age');
  await browser.submit({ 'age-answer': age });
  expect(browser.page.url).toBe('/questionnaire/paid-work');
}

describe('an open link', () => {
  it('gives each new visitor a response of their own', async () => {
    const first = new Browser(runner.app);
    await answerAge(first, '21');
    const second = new Browser(runner.app);
    await second.open('/s/routing-and');
    expect(second.page.url).toBe('/questionnaire/age');
    expect(second.field('age-answer')).toBe('');
    await first.open('/questionnaire/age');
    expect(first.field('age-answer')).toBe('21');
  });

  it('resumes the same browser’s response where it left off', async () => {
    const browser = new Browser(runner.app);
    await answerAge(browser, '52');
    await browser.open('/s/routing-and');
    expect(browser.page.url).toBe('/questionnaire/paid-work');
    await browser.open('/questionnaire/age');
    expect(browser.field('age-answer')).toBe('52');
  });

  it('resumes the same browser’s response after its idle session ended', async () => {
    const browser = new Browser(runner.app);
    await answerAge(browser, '64');
    clock.advanceMinutes(46);
    await browser.open('/questionnaire/paid-work');
    expect(browser.page.url).toBe('/session-expired');
    await browser.open('/s/routing-and');
    expect(browser.page.url).toBe('/questionnaire/paid-work');
    await browser.open('/questionnaire/age');
    expect(browser.field('age-answer')).toBe('64');
  });

  it('of another questionnaire starts a new response, leaving the first as it was', async () => {
    const browser = new Browser(runner.app);
    await answerAge(browser, '30');
    await browser.open('/s/routing-or');
    expect(browser.page.url).toBe('/questionnaire/student');
  });

  it('starts a new response once the browser’s response was submitted', async () => {
    const browser = new Browser(runner.app);
    await answerAge(browser, '12');
    await browser.submit({ 'paid-work-answer': 'no' });
    await browser.submit();
    await browser.submit();
    expect(browser.page.url).toBe('/thank-you');
    await browser.open('/s/routing-and');
    expect(browser.page.url).toBe('/questionnaire/age');
    expect(browser.field('age-answer')).toBe('');
  });

  it('to a questionnaire published without open access is a page not found', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-equals');
    expectNotFoundPage(browser);
  });

  it('to a questionnaire that does not exist is a page not found', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/no-such-questionnaire');
    expectNotFoundPage(browser);
    await browser.open('/s/%3Cscript%3E');
    expectNotFoundPage(browser);
  });
});

describe('an open link to a questionnaire that needs launch data', () => {
  it('is refused, though published with open access: its questions need the launch values', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-metadata');
    expect(browser.page.status).toBe(404);
    expect(browser.cookie('eq-session')).toBeUndefined();
  });
});

describe('a questionnaire with an introduction', () => {
  it('opens a new response at its introduction, whose Start button leads to the first page, which leads back', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/content-pages');
    expect(browser.page.url).toBe('/questionnaire/introduction');
    expect(browser.previousLink()).toBeUndefined();
    const start = browser.startLink();
    expect(start).toBe('/questionnaire/energy-introduction');
    await browser.open(start as string);
    expect(browser.previousLink()).toBe('/questionnaire/introduction');
  });

  it('resumes a response where it was left, not at the introduction, which stays a link away', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/content-pages');
    await browser.open(browser.startLink() as string);
    await browser.submit();
    const where = browser.page.url;
    expect(where).not.toBe('/questionnaire/energy-introduction');
    await browser.open('/s/content-pages');
    expect(browser.page.url).toBe(where);
    await browser.open('/questionnaire/introduction');
    expect(browser.page.status).toBe(200);
    expect(browser.startLink()).toBe(where);
  });

  it('saves nothing when the introduction is posted to, and a questionnaire without one has no such page', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/content-pages');
    await browser.open(browser.startLink() as string);
    await browser.submit({}, '/questionnaire/introduction');
    // Still at the first page: the post saved nothing.
    expect(browser.page.url).toBe('/questionnaire/energy-introduction');
    const other = new Browser(runner.app);
    await other.open('/s/routing-and');
    await other.open('/questionnaire/introduction');
    expect(other.page.url).toBe('/questionnaire/age');
  });
});
