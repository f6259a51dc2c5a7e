import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { summaryItems } from '../../testing/page-reading.ts';
import { walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

describe('a calculated summary (calculated-summary)', () => {
  async function spend(carOwner: 'yes' | 'no'): Promise<HttpRespondent> {
    const respondent = new HttpRespondent(runner);
    await respondent.start('calculated-summary');
    await walk(respondent.browser, [
      ['food', { 'food-answer': '100' }],
      ['energy', { 'gas-answer': '50.50', 'electricity-answer': '49.5' }],
      ['car-owner', { 'car-owner-answer': carOwner }],
      ...(carOwner === 'yes' ? [['fuel', { 'fuel-answer': '80' }] as [string, Record<string, string>]] : []),
    ]);
    return respondent;
  }

  it('shows each answer it adds up and the total, and records the total as confirmed', async () => {
    const respondent = await spend('yes');
    const { browser } = respondent;
    expect(browser.page.url).toBe('/questionnaire/spending-total');
    expect(browser.heading()).toBe("Check your household's spending last month");
    expect(summaryItems(browser.page.html).map(({ title, value }) => [title, value])).toEqual([
      ['Food and drink', '£100.00'],
      ['Gas', '£50.50'],
      ['Electricity', '£49.50'],
      ['Fuel', '£80.00'],
      ['Total spending', '£280.00'],
    ]);
    expect(summaryItems(browser.page.html)[0]?.links[0]).toMatch(/^\/questionnaire\/food/);
    expect((await respondent.record()).state.completed).not.toContain('spending-total');
    await browser.submit();
    expect(browser.page.url).toBe('/questionnaire/essentials');
    expect((await respondent.record()).state.completed).toContain('spending-total');
  });

  it('leaves a skipped page out of the total', async () => {
    const { browser } = await spend('no');
    const items = summaryItems(browser.page.html);
    expect(items.map((i) => i.title)).not.toContain('Fuel');
    expect(items.at(-1)).toMatchObject({ title: 'Total spending', value: '£200.00' });
  });

  it('pipes the confirmed total into a later question and bounds its answer by it', async () => {
    const { browser } = await spend('yes');
    await walk(browser, [['spending-total']]);
    expect(browser.heading()).toBe(
      'Of the £280 your household spent last month, how much was on items you could not do without?',
    );
    await browser.submit({ 'essentials-answer': '280.01' });
    expect(browser.errors()).toEqual(['Enter an amount no more than your total spending of £280']);
    expect(await walk(browser, [['essentials', { 'essentials-answer': '280' }]])).toBe('/questionnaire/summary');
    expect(browser.page.html).toContain('£280.00');
  });
});

describe('a confirmation question (confirmation-question)', () => {
  it('goes back to the answer when it is not confirmed, and on once it is', async () => {
    const respondent = new HttpRespondent(runner);
    await respondent.start('confirmation-question');
    const { browser } = respondent;
    await walk(browser, [['employees', { 'employees-answer': '45' }]]);
    expect(browser.page.url).toBe('/questionnaire/confirm-employees');
    expect(browser.heading()).toBe('You told us the business employed 45 people. Is this correct?');
    await browser.submit({ 'confirm-employees-answer': 'no' });
    expect(browser.page.url).toBe('/questionnaire/employees');
    expect(browser.field('employees-answer')).toBe('45');
    // Not confirmed: the pages after it cannot be reached yet.
    await browser.open('/questionnaire/vacancies');
    expect(browser.page.url).not.toBe('/questionnaire/vacancies');

    await browser.open('/questionnaire/employees');
    await walk(browser, [['employees', { 'employees-answer': '40' }]]);
    expect(browser.heading()).toBe('You told us the business employed 40 people. Is this correct?');
    expect(await walk(browser, [['confirm-employees', { 'confirm-employees-answer': 'yes' }]])).toBe(
      '/questionnaire/vacancies',
    );
    await walk(browser, [['vacancies', { 'vacancies-answer': '3' }]]);
    await browser.submit({}, '/submit');
    expect(runner.delivered.at(-1)?.answers.map((a) => [a.answerId, a.value])).toEqual([
      ['employees-answer', 40],
      ['vacancies-answer', 3],
    ]);
  });
});
