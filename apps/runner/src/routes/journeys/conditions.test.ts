import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

async function start(slug: string): Promise<Browser> {
  const browser = new Browser(runner.app);
  await browser.open(`/s/${slug}`);
  return browser;
}

describe('skipping pages (skip-page)', () => {
  it('skips the car questions for a household without a car, and travel time for home workers', async () => {
    const browser = await start('skip-page');
    const to = await walk(browser, [
      ['car-access', { 'car-access-answer': 'no' }],
      ['commute', { 'commute-answer': 'home' }],
    ]);
    expect(to).toBe('/questionnaire/summary');
    await browser.open('/questionnaire/car-count');
    expect(browser.page.url).toBe('/questionnaire/summary');
  });

  it('asks about parking only for those with a car who drive to work', async () => {
    const browser = await start('skip-page');
    await walk(browser, [
      ['car-access', { 'car-access-answer': 'yes' }],
      ['car-count', { 'car-count-answer': '1' }],
    ]);
    expect(await walk(browser, [['commute', { 'commute-answer': 'car' }]])).toBe('/questionnaire/parking');
    expect(await walk(browser, [['parking', { 'parking-answer': 'street' }]])).toBe('/questionnaire/travel-time');
  });

  it('skips parking when either condition holds: a car owner taking the bus', async () => {
    const browser = await start('skip-page');
    await walk(browser, [
      ['car-access', { 'car-access-answer': 'yes' }],
      ['car-count', { 'car-count-answer': '2' }],
    ]);
    expect(await walk(browser, [['commute', { 'commute-answer': 'bus' }]])).toBe('/questionnaire/travel-time');
  });
});

describe('sections enabled by an earlier answer (section-enabled)', () => {
  it('asks about the job of someone in paid work', async () => {
    const browser = await start('section-enabled');
    expect(await walk(browser, [['paid-work', { 'paid-work-answer': 'yes' }]])).toBe('/questionnaire/job-title');
  });

  it('leaves the job section out for someone not in paid work, and out of the summary', async () => {
    const browser = await start('section-enabled');
    const to = await walk(browser, [
      ['paid-work', { 'paid-work-answer': 'no' }],
      ['general-health', { 'general-health-answer': 'good' }],
    ]);
    expect(to).toBe('/questionnaire/summary');
    expect(browser.page.html).not.toContain('/questionnaire/job-title');
    await browser.open('/questionnaire/job-title');
    expect(browser.page.url).toBe('/questionnaire/summary');
  });

  it('drops the job answers from the submission when paid work is changed to No', async () => {
    const browser = await start('section-enabled');
    await walk(browser, [
      ['paid-work', { 'paid-work-answer': 'yes' }],
      ['job-title', { 'job-title-answer': 'Baker' }],
      ['job-hours', { 'job-hours-answer': '30' }],
      ['general-health', { 'general-health-answer': 'good' }],
    ]);
    expect(browser.page.html).toContain('Baker');
    await browser.open('/questionnaire/paid-work?return=summary');
    await browser.submit({ 'paid-work-answer': 'no' });
    expect(browser.page.url).toBe('/questionnaire/summary');
    expect(browser.page.html).not.toContain('Baker');
    await browser.submit();
    const submission = runner.delivered.at(-1);
    expect(submission?.answers.map((a) => a.answerId)).toEqual(['paid-work-answer', 'general-health-answer']);
  });
});

describe('question variants (question-variants)', () => {
  it('asks the respondent their own age, and in pounds', async () => {
    const browser = await start('question-variants');
    await walk(browser, [
      ['name', { 'first-name': 'Rhys', 'last-name': 'Evans' }],
      ['proxy', { 'proxy-answer': 'self' }],
    ]);
    expect(browser.heading()).toBe('What is your age?');
    await walk(browser, [
      ['age', { 'age-answer': '40' }],
      ['spending-currency', { 'spending-currency-answer': 'gbp' }],
    ]);
    expect(browser.heading()).toBe('How much did you spend on your last holiday, in pounds?');
    expect(browser.page.html).toContain('Amount in pounds');
  });

  it('asks a proxy about the named person, and in dollars', async () => {
    const browser = await start('question-variants');
    await walk(browser, [
      ['name', { 'first-name': 'Rhys', 'last-name': 'Evans' }],
      ['proxy', { 'proxy-answer': 'proxy' }],
    ]);
    expect(browser.heading()).toBe('What is Rhys Evans’ age?');
    await walk(browser, [
      ['age', { 'age-answer': '40' }],
      ['spending-currency', { 'spending-currency-answer': 'usd' }],
    ]);
    expect(browser.heading()).toBe('How much did you spend on your last holiday, in dollars?');
    expect(browser.page.html).toContain('Amount in dollars');
  });
});
