import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { Auditor } from './audit.ts';

export { expect };

/**
 * A test's browser tab with every page it loads checked (see audit.ts): `visit` and `submit`
 * audit the page they arrive at, and a test fails when it loaded a page it did not audit.
 */
export class Tab {
  private readonly loads: { url: string; audited: boolean }[] = [];

  /** `javaScript`: whether the test runs with JavaScript on (project `js`) or off (`no-js`). */
  constructor(
    readonly page: Page,
    readonly javaScript: boolean,
    private readonly auditor: Auditor,
  ) {
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      const last = this.loads.at(-1);
      // Following an in-page link (the error summary's) loads nothing.
      if (last && withoutHash(last.url) === withoutHash(url) && url.includes('#')) return;
      this.loads.push({ url, audited: false });
    });
  }

  /** Opens a URL of the runner and audits the page it ends on. */
  async visit(path: string): Promise<void> {
    await this.page.goto(path);
    await this.audit();
  }

  /** Presses the page's main button (or the named one), waits for the next page and audits it. */
  async submit(button?: string): Promise<void> {
    const main = this.page.locator('main');
    const target = button
      ? main.getByRole('button', { name: button, exact: true })
      : main.locator('form button[type="submit"]').first();
    await Promise.all([this.page.waitForEvent('load'), target.click()]);
    await this.audit();
  }

  /** Follows a link in the main content, then audits the page it leads to. */
  async follow(name: string | RegExp): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('main').getByRole('link', { name }).first().click(),
    ]);
    await this.audit();
  }

  /** Chooses a radio option by its label. */
  async choose(label: string | RegExp): Promise<void> {
    await this.page.locator('main').getByRole('radio', { name: label, exact: true }).check();
  }

  /** Ticks checkboxes by their labels. */
  async tick(...labels: string[]): Promise<void> {
    for (const label of labels)
      await this.page.locator('main').getByRole('checkbox', { name: label, exact: true }).check();
  }

  /**
   * Types into the field this `<label>` is for. Found through the label's `for`, not by
   * accessible name: a field with a unit (£, %) is named by the ONS markup's aria-labelledby
   * (its own label, then the unit), which browsers follow but Playwright's name matching does not.
   */
  async fill(label: string, value: string): Promise<void> {
    const exactly = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const id = await this.page.locator('main label').filter({ hasText: exactly }).getAttribute('for');
    await this.page.locator(`main [id="${id}"]`).fill(value);
  }

  /** Types a date into the page's day, month and year fields. */
  async date(isoDate: string): Promise<void> {
    const [year = '', month = '', day = ''] = isoDate.split('-');
    await this.fill('Day', day);
    await this.fill('Month', month);
    await this.fill('Year', year);
  }

  /** The error summary at the top of the page (each field's own error is a panel too, without the alert role). */
  errorSummary(): Locator {
    return this.page.locator('main .ons-panel--error[role="alert"]');
  }

  async audit(): Promise<void> {
    await this.auditor.check(this.page, this.javaScript);
    const last = this.loads.at(-1);
    if (last) last.audited = true;
  }

  /** The pages loaded but never audited. */
  unaudited(): string[] {
    return this.loads.filter((l) => !l.audited).map((l) => l.url);
  }
}

function withoutHash(url: string): string {
  return url.split('#')[0] ?? url;
}

export const test = base.extend<{ tab: Tab }>({
  tab: async ({ page, javaScriptEnabled, browser }, use) => {
    const auditor = new Auditor(browser);
    if (javaScriptEnabled) await Auditor.prepare(page);
    const tab = new Tab(page, javaScriptEnabled, auditor);
    await use(tab);
    await auditor.close();
    expect(tab.unaudited(), 'every page the test loaded was audited').toEqual([]);
  },
});
