import { expect, type Tab, test } from './fixtures.ts';
import { answersOf, receivedSubmission } from './submissions.ts';

test.describe.configure({ timeout: 180_000 });

test('a business reports its figures, corrects a breakdown that does not add up, and submits', async ({ tab }) => {
  const { page } = tab;
  // A launch token signed with the sample metadata (the survey needs its reporting period).
  await tab.visit('/dev/launch/business-survey');
  await introduction(tab);
  await expect(page).toHaveURL(/\/questionnaire\/reporting-period$/);
  await tab.choose('Yes');
  await tab.submit();

  await tab.fill('Total turnover, excluding VAT', '120000');
  await tab.submit();
  await tab.fill('Sales of goods', '70000');
  await tab.fill('Sales of services', '40000');
  await tab.fill('Other income, such as commission and fees', '5000');
  await tab.submit();
  await breakdownError(tab);
  await tab.fill('Other income, such as commission and fees', '10000');
  await tab.submit();
  // The calculated summary of the breakdown, to confirm.
  await expect(page.locator('main')).toContainText('£120,000');
  await tab.submit();
  await tab.choose('Yes');
  await tab.submit();
  await tab.fill('Value of exports', '20000');
  await tab.submit();
  await tab.fill('Percentage of turnover from online sales', '15');
  await tab.submit();
  // The exclusive option, after a visually hidden "Or,".
  await tab.tick('Or, No significant changes');
  await tab.submit();

  await tab.fill('Total number of employees', '25');
  await tab.submit();
  await tab.choose('Yes, this is correct');
  await tab.submit();
  await tab.fill('Male employees working more than 30 hours a week', '10');
  await tab.fill('Male employees working 30 hours a week or less', '5');
  await tab.fill('Female employees working more than 30 hours a week', '6');
  await tab.fill('Female employees working 30 hours a week or less', '4');
  await tab.submit();
  await tab.fill('Number of vacancies', '2');
  await tab.submit();

  await tab.fill('Value of stocks at the start of the period', '5000');
  await tab.fill('Value of stocks at the end of the period', '6000');
  await tab.submit();
  await tab.choose('No');
  await tab.submit();
  await tab.fill('Vehicles', '12000');
  await tab.submit();
  await tab.fill('Diesel for road vehicles', '300');
  await tab.submit();
  await tab.fill('Total waste produced', '2');
  await tab.fill('Percentage of waste recycled', '40');
  await tab.submit();

  await tab.fill('Name', 'Jane Price');
  await tab.fill('Email address', 'jane.price@example.com');
  await tab.submit();
  await tab.fill('Comments', 'Turnover rose <b>because</b> of a new contract.');
  await tab.submit();

  await expect(page).toHaveURL(/\/questionnaire\/summary$/);
  await expect(page.locator('main')).toContainText('Turnover rose <b>because</b> of a new contract.');
  await tab.submit();
  await expect(page).toHaveURL(/\/thank-you$/);
  const submission = await receivedSubmission(page);

  await tab.follow('View and print a copy of your answers');
  await expect(page).toHaveURL(/\/view-answers$/);
  await expect(page.locator('main')).toContainText('jane.price@example.com');

  expect(submission.questionnaireId).toBe('business-survey');
  expect(submission.surveyId).toBe('009');
  expect(submission.metadata).toMatchObject({ period_start: expect.any(String), ru_name: expect.any(String) });
  expect(answersOf(submission)).toEqual({
    'reporting-period': 'yes',
    'total-turnover': 120000,
    'turnover-goods': 70000,
    'turnover-services': 40000,
    'turnover-other': 10000,
    exports: 'yes',
    'export-value': 20000,
    'online-sales': 15,
    'business-changes': ['no-changes'],
    'total-employees': 25,
    'male-full-time': 10,
    'male-part-time': 5,
    'female-full-time': 6,
    'female-part-time': 4,
    vacancies: 2,
    'stocks-start': 5000,
    'stocks-end': 6000,
    'stocks-estimated': 'no',
    'capex-vehicles': 12000,
    diesel: 300,
    'waste-total': 2,
    'waste-recycled': 40,
    'contact-name': 'Jane Price',
    'contact-email': 'jane.price@example.com',
    comments: 'Turnover rose <b>because</b> of a new contract.',
  });
});

/** The breakdown adds up to less than the total: the error summary names the problem and links to the field. */
async function breakdownError(tab: Tab): Promise<void> {
  const { page } = tab;
  await expect(page).toHaveURL(/\/questionnaire\/turnover-breakdown$/);
  const summary = tab.errorSummary();
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  // With JavaScript the ONS script moves the focus to the summary, so a screen reader reads it first.
  if (tab.javaScript) await expect(summary).toBeFocused();
  const link = summary.getByRole('link').first();
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^#turnover-/);
  const field = page.locator(href);
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(/^(70000|40000|5000)$/);
  await link.click();
  if (tab.javaScript) await expect(field).toBeFocused();
  else await expect(page).toHaveURL(new RegExp(`${href}$`));
}

/** The survey opens with an introduction page; its button starts the questions. */
async function introduction(tab: Tab): Promise<void> {
  await expect(tab.page).toHaveURL(/\/questionnaire\/introduction$/);
  await expect(tab.page.locator('h1')).toHaveText(/You are completing this for/);
  await tab.submit('Start questionnaire');
}
