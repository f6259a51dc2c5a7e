import { expect, test } from './fixtures.ts';

test('the development index lists each questionnaire with its access code, and the code starts it', async ({ tab }) => {
  const { page } = tab;
  await tab.visit('/');
  const entry = page.locator('#questionnaire-social-survey');
  await expect(entry).toBeVisible();
  const code = /access code ([0-9A-Z]{16})/.exec((await entry.textContent()) ?? '')?.[1];
  expect(code).toBeDefined();

  await tab.visit('/start');
  await tab.submit();
  await expect(tab.errorSummary()).toContainText('Enter your access code');
  // A typo: the check character catches it.
  await tab.fill('Enter your 16-character access code', typo(code ?? ''));
  await tab.submit();
  await expect(tab.errorSummary()).toContainText('Enter a valid access code');
  // Case and spaces are ignored.
  await tab.fill('Enter your 16-character access code', (code ?? '').toLowerCase().replace(/(.{4})(?=.)/g, '$1 '));
  await tab.submit();
  await expect(page).toHaveURL(/\/questionnaire\//);
  await expect(page.locator('h1')).toHaveText('Wellbeing and community survey');

  const signOut = page.getByRole('button', { name: 'Save and sign out' }).first();
  await Promise.all([page.waitForEvent('load'), signOut.click()]);
  await tab.audit();
  await expect(page).toHaveURL(/\/signed-out$/);

  // Signed out, the questionnaire is closed to this browser.
  await tab.visit('/questionnaire/');
  await expect(page).toHaveURL(/\/session-expired$/);
});

test('the closed and not-found pages say where the respondent is', async ({ tab }) => {
  await tab.visit('/closed');
  await expect(tab.page.locator('h1')).toHaveText('This questionnaire is closed');
  await tab.visit('/no-such-page');
  await expect(tab.page.locator('h1')).toHaveText('Page not found');
});

/** The code with one character changed. */
function typo(code: string): string {
  const last = code.at(-1) === 'A' ? 'B' : 'A';
  return `${code.slice(0, -1)}${last}`;
}
