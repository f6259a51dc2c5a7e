import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

/** The WCAG 2.2 AA rules (and the A and 2.0/2.1 rules they build on) that every page must pass. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe itself, added to every page a tab loads before any of the page's own scripts. AxeBuilder
 * injects its copy of axe before every run, twice (half of a run's time on these pages); told
 * that axe's source is a statement that does nothing, it runs the copy already there.
 */
const AXE_SOURCE = readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'),
  'utf8',
);
const AXE_ALREADY_LOADED = 'void 0';

const ERROR_TITLE_PREFIX: Record<string, string> = { en: 'Error: ', cy: 'Gwall: ' };

/**
 * Checks the page a tab shows: no axe violations, and a `<title>` that says where the respondent
 * is (it contains the page's `<h1>`) and starts "Error: " exactly when the page shows an error
 * summary.
 *
 * axe runs as a script, and a page without JavaScript runs none (not even one injected by the
 * test). So a page seen without JavaScript is audited as a copy: its HTML, without its script
 * elements, served at its own URL in a tab of its own. The runner's pages have no inline script
 * (the Content-Security-Policy forbids it), so that copy is exactly what a browser without
 * JavaScript shows, styles and images included.
 */
export class Auditor {
  private copies?: { context: BrowserContext; page: Page; html: string; url: string };

  constructor(private readonly browser: Browser) {}

  /** Readies a tab with JavaScript for auditing: axe is loaded into each page it shows. */
  static async prepare(page: Page): Promise<void> {
    await page.addInitScript({ content: AXE_SOURCE });
  }

  async check(page: Page, javaScript: boolean): Promise<void> {
    const where = new URL(page.url()).pathname;
    const audited = javaScript ? page : await this.copyOf(page);
    // Legacy mode runs axe in the page alone: the pages have no frames, and it is twice as fast.
    const results = await new AxeBuilder({ page: audited, axeSource: AXE_ALREADY_LOADED })
      // Only violations are read: passes and the rest are reported by one element each.
      .options({ resultTypes: ['violations'] })
      .withTags(WCAG_TAGS)
      .setLegacyMode(true)
      .analyze();
    const violations = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
    expect(violations, `axe violations on ${where}`).toEqual([]);
    await checkTitle(page, where);
  }

  async close(): Promise<void> {
    await this.copies?.context.close();
  }

  private async copyOf(page: Page): Promise<Page> {
    // Without its script elements: the copy runs no script of the page's either.
    const html = (await page.content()).replace(/<script\b[^>]*>\s*<\/script>/gi, '');
    const url = page.url();
    if (!this.copies) {
      const context = await this.browser.newContext({ javaScriptEnabled: true });
      const copy = await context.newPage();
      await Auditor.prepare(copy);
      const copies = { context, page: copy, html, url };
      this.copies = copies;
      // Only the runner's pages are served from the copy; its styles, fonts and images load as usual.
      const pages = new RegExp(`^${escapeRegExp(new URL(url).origin)}/(?!assets/)`);
      await copy.route(pages, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: copies.html }),
      );
    }
    this.copies.html = html;
    this.copies.url = url;
    await this.copies.page.goto(url);
    return this.copies.page;
  }
}

async function checkTitle(page: Page, where: string): Promise<void> {
  const lang = (await page.locator('html').getAttribute('lang')) ?? '';
  const title = await page.title();
  const heading = squash((await page.locator('h1').first().textContent()) ?? '');
  expect(heading, `an <h1> on ${where}`).not.toBe('');
  expect(title, `the title of ${where} names its heading`).toContain(heading);
  const errorPrefix = ERROR_TITLE_PREFIX[lang] ?? 'Error: ';
  const showsErrors = (await page.locator('.ons-panel--error').count()) > 0;
  expect(title.startsWith(errorPrefix), `the title of ${where} starts "${errorPrefix}" when it shows errors`).toBe(
    showsErrors,
  );
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
