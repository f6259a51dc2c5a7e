import { addToDate, todayIso } from '@eq/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { dateFields as date, type Fields, walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

/** Posts the fields and expects the page back with exactly these errors, saving nothing. */
async function refused(browser: Browser, fields: Fields, errors: string[]): Promise<void> {
  const url = browser.page.url;
  await browser.submit(fields);
  expect(browser.page.url).toBe(url);
  expect(browser.errors()).toEqual(errors);
  expect(browser.page.html).toMatch(/<title>Error: /);
}

describe('totals (totals-validation)', () => {
  it('refuses answers that do not add up as each rule says, with the rule’s message', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/totals-validation');
    await walk(browser, [['employees', { 'employees-answer': '10' }]]);
    await refused(browser, { 'full-time-answer': '6', 'part-time-answer': '3' }, [
      'Full-time and part-time employees must add up to 10',
    ]);
    await walk(browser, [['employee-types', { 'full-time-answer': '6', 'part-time-answer': '4' }]]);
    await refused(browser, { 'apprentices-answer': '8', 'graduates-answer': '3' }, [
      'New employees cannot be more than the 10 employees in total',
    ]);
    await walk(browser, [['new-starters', { 'apprentices-answer': '8', 'graduates-answer': '2' }]]);
    await refused(browser, { 'eu-share-answer': '60', 'world-share-answer': '40' }, [
      'Sales outside the UK must add up to less than 100%',
    ]);
    await walk(browser, [
      ['export-share', { 'eu-share-answer': '60', 'world-share-answer': '39' }],
      ['online-sales', { 'online-sales-answer': '500' }],
    ]);
    await refused(browser, { 'uk-sales-answer': '0', 'export-sales-answer': '0' }, [
      'Total sales must be more than £0',
    ]);
    await refused(browser, { 'uk-sales-answer': '200', 'export-sales-answer': '299.99' }, [
      'Total sales must be at least the online sales of £500',
    ]);
    expect(await walk(browser, [['total-sales', { 'uk-sales-answer': '200', 'export-sales-answer': '300' }]])).toBe(
      '/questionnaire/summary',
    );
  });
});

describe('validation bounds (validation-bounds)', () => {
  const metadata = { period_start: '2024-01-01', period_end: '2024-03-31', register_employees: 12 };
  const today = () => todayIso(runner.services.now());

  it('shows each bound’s message, custom or default, and links the error to its field', async () => {
    const respondent = new HttpRespondent(runner);
    await respondent.start('validation-bounds', { metadata });
    const { browser } = respondent;
    await refused(browser, { 'age-answer': '' }, ['Enter your age']);
    expect(browser.page.html).toContain('href="#age-answer"');
    await refused(browser, { 'age-answer': '15' }, ['You must be 16 or over to take part in this survey']);
    await refused(browser, { 'age-answer': '121' }, ['Enter an age of 120 or less']);
    await walk(browser, [['age', { 'age-answer': '16' }]]);

    await refused(browser, { 'lowest-price-answer': '0', 'highest-price-answer': '10000.01' }, [
      'Enter a price of more than £0',
      'Enter an amount less than or equal to £10,000',
    ]);
    await walk(browser, [['price-range', { 'lowest-price-answer': '50', 'highest-price-answer': '150' }]]);
    await refused(browser, { 'typical-price-answer': '49.99' }, ['Enter an amount more than or equal to £50']);
    await refused(browser, { 'typical-price-answer': '150.01' }, ['Enter an amount less than or equal to £150']);
    await walk(browser, [['typical-price', { 'typical-price-answer': '150' }]]);

    await refused(browser, { 'occupancy-answer': '0' }, ['Enter a percentage above 0%']);
    await refused(browser, { 'occupancy-answer': '100' }, ['Enter a percentage below 100%']);
    await walk(browser, [['occupancy', { 'occupancy-answer': '99.9' }]]);

    await refused(browser, { 'staff-answer': '13' }, [
      'Enter no more than the number of employees we hold for your business',
    ]);
    await walk(browser, [['staff', { 'staff-answer': '12' }]]);

    expect(browser.heading()).toBe('Between 1 January 2024 and 31 March 2024, what was your busiest day?');
    await refused(browser, date('busiest-day-answer', '2023-12-31'), ['Enter a date on or after 1 January 2024']);
    await refused(browser, date('busiest-day-answer', '2024-04-01'), ['Enter a date on or before 31 March 2024']);
    await walk(browser, [['busiest-day', date('busiest-day-answer', '2024-03-31')]]);

    await refused(browser, date('date-of-birth-answer', addToDate(today(), { years: -16, days: 1 })), [
      'The person completing this survey must be 16 or over',
    ]);
    await refused(browser, date('date-of-birth-answer', addToDate(today(), { years: -115, days: -1 })), [
      'Enter a date of birth in the last 115 years',
    ]);
    await walk(browser, [['date-of-birth', date('date-of-birth-answer', addToDate(today(), { years: -16 }))]]);

    await refused(browser, date('next-inspection-answer', today()), [
      expect.stringMatching(/^Enter a date that is on or after /),
    ]);
    expect(await walk(browser, [['next-inspection', date('next-inspection-answer', undefined)]])).toBe(
      '/questionnaire/summary',
    );
  });
});

describe('mutually exclusive answers (mutually-exclusive)', () => {
  it('refuses an exclusive option or answer given with others, and keeps it when given alone', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/mutually-exclusive');
    await refused(browser, { 'services-answer': ['broadband', 'none'] }, [expect.stringContaining('None of these')]);
    await walk(browser, [['services', { 'services-answer': ['none'] }]]);
    await refused(
      browser,
      { ...date('left-job-date-answer', '2020-05-01'), 'left-job-exclusive-answer': ['prefer-not-to-say'] },
      [expect.stringContaining('I prefer not to say')],
    );
    await walk(browser, [
      ['left-job', { ...date('left-job-date-answer', undefined), 'left-job-exclusive-answer': ['prefer-not-to-say'] }],
    ]);
    await refused(browser, { 'income-answer': '', 'income-exclusive-answer': [] }, [expect.any(String)]);
    await refused(browser, { 'income-answer': '25000', 'income-exclusive-answer': ['prefer-not-to-say'] }, [
      expect.stringContaining('I prefer not to say'),
    ]);
    await walk(browser, [['income', { 'income-answer': '25000' }]]);
    await browser.submit({}, '/submit');
    expect(runner.delivered.at(-1)?.answers.map((a) => [a.answerId, a.value])).toEqual([
      ['services-answer', ['none']],
      ['left-job-exclusive-answer', ['prefer-not-to-say']],
      ['income-answer', 25000],
    ]);
  });
});
