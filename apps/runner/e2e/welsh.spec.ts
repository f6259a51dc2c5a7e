import { expect, type Tab, test } from './fixtures.ts';

test('a respondent who asks for Welsh gets the questions, the interface and the errors in Welsh', async ({ tab }) => {
  const { page } = tab;
  await tab.visit('/s/social-survey?lang=cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.locator('h1')).toHaveText('Arolwg llesiant a chymuned');
  await tab.submit('Dechrau’r holiadur');

  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.locator('h1')).toHaveText('Yn gyffredinol, pa mor fodlon ydych chi â’ch bywyd y dyddiau hyn?');
  await tab.submit('Cadw a pharhau');
  // Nothing entered: the error summary and the title are Welsh too.
  await expect(page).toHaveTitle(/^Gwall: /);
  await expect(tab.errorSummary()).toContainText('Mae problem gyda’ch ateb');

  await tab.fill('Sgôr o 0 i 10', '8');
  await tab.submit('Cadw a pharhau');
  await expect(page).toHaveURL(/\/questionnaire\/worthwhile$/);
  // The language is kept in the session, without `?lang=`.
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.locator('h1')).toContainText('werth chweil');
  await expect(page.getByRole('link', { name: 'Blaenorol' })).toBeVisible();

  await switchLanguage(tab, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText(
    'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  );
  await expect(page.getByRole('button', { name: 'Save and continue' })).toBeVisible();
});

test('a census launched in Welsh pipes its launch address into Welsh questions', async ({ tab }) => {
  const { page } = tab;
  await tab.visit('/dev/launch/census-household?lang=cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  // The introduction, addressed to the household, then the first question.
  await expect(page.locator('h1')).toHaveText('Holiadur cartref y Cyfrifiad ar gyfer 1 High Street, Newport, NP20 1AA');
  await tab.submit('Dechrau’r holiadur');
  await expect(page.locator('h1')).toContainText('1 High Street, Newport, NP20 1AA');
  await expect(page.getByRole('button', { name: 'Cadw ac allgofnodi' }).first()).toBeVisible();
  await tab.choose('Ydw');
  await tab.submit('Cadw a pharhau');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await tab.fill('Enw cyntaf', 'Gwen');
  await tab.fill('Enw olaf', 'Jones');
  await tab.submit('Cadw a pharhau');
  await expect(page.locator('main')).toContainText('Gwen Jones');
});

/**
 * Follows the visible language link (in the header with JavaScript, just below it without), which
 * reloads the page in that language.
 */
async function switchLanguage(tab: Tab, name: string): Promise<void> {
  const link = tab.page.getByRole('link', { name: new RegExp(`${name}$`) });
  // By keyboard: Playwright's click misses this link (it reports its list item as in the way),
  // though a pointer on the link's text follows it.
  await link.focus();
  await Promise.all([tab.page.waitForEvent('load'), tab.page.keyboard.press('Enter')]);
  await tab.audit();
}
