import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

describe('a respondent on an open link', () => {
  it('answers, sees errors for a bad answer, checks their answers and submits once', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    expect(browser.page.url).toBe('/questionnaire/age');
    await browser.submit({ 'age-answer': 'abc' });
    expect(browser.page.html).toContain('Enter a number');
    expect(browser.page.html).toMatch(/<title>Error: /);
    await browser.submit({ 'age-answer': '25' });
    expect(browser.page.url).toBe('/questionnaire/paid-work');
    await browser.submit({ 'paid-work-answer': 'yes' });
    await browser.submit({ 'hours-worked-answer': '37' });
    expect(browser.page.url).toBe('/questionnaire/summary');
    await browser.submit();
    expect(browser.page.url).toBe('/thank-you');
    expect(runner.delivered).toHaveLength(1);
    const answers = Object.fromEntries(runner.delivered[0]?.answers.map((a) => [a.answerId, a.value]) ?? []);
    expect(answers).toEqual({ 'age-answer': 25, 'paid-work-answer': 'yes', 'hours-worked-answer': 37 });
  });

  it('refuses a post without its CSRF token, changing nothing', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-and');
    const forged = await browser.forge('/questionnaire/age', { 'age-answer': '30' });
    expect(forged.status).toBe(403);
    expect(forged.html).not.toContain('at ');
    await browser.open('/questionnaire/age');
    expect(browser.page.html).not.toContain('value="30"');
    // Nothing was saved, so the next page is not yet open: the respondent is sent back.
    await browser.open('/questionnaire/paid-work');
    expect(browser.page.url).toBe('/questionnaire/age');
  });
});
