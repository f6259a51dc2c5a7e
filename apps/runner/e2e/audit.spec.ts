import { Auditor } from './audit.ts';
import { expect, test } from './fixtures.ts';

/** The checks every journey relies on must be able to fail, with JavaScript on and off. */
const htmlPage = (title: string, main: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main>${main}</main></body></html>`;

test('the audit fails a page with a field that has no label', async ({ page, browser, javaScriptEnabled }) => {
  await page.route('**/e2e/unlabelled', (route) =>
    route.fulfill({ contentType: 'text/html', body: htmlPage('Broken – Test', '<h1>Broken</h1><input type="text">') }),
  );
  await Auditor.prepare(page);
  await page.goto('/e2e/unlabelled');
  const auditor = new Auditor(browser);
  await expect(auditor.check(page, javaScriptEnabled)).rejects.toThrow(/label/);
  await auditor.close();
});

test('the audit fails a page whose title does not name its heading', async ({ page, browser, javaScriptEnabled }) => {
  await page.route('**/e2e/untitled', (route) =>
    route.fulfill({ contentType: 'text/html', body: htmlPage('Online questionnaire', '<h1>Your name</h1>') }),
  );
  await Auditor.prepare(page);
  await page.goto('/e2e/untitled');
  const auditor = new Auditor(browser);
  await expect(auditor.check(page, javaScriptEnabled)).rejects.toThrow(/names its heading/);
  await auditor.close();
});
