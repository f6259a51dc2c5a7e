import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { summaryItem, summaryItems } from '../../testing/page-reading.ts';
import { walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

/** Each section on the hub: its title, status and link. */
function hub(browser: Browser) {
  return summaryItems(browser.page.html).map(({ title, value, links }) => ({ title, status: value, link: links[0] }));
}

async function throughHousehold(): Promise<HttpRespondent> {
  const respondent = new HttpRespondent(runner);
  await respondent.start('hub-and-spoke');
  await walk(respondent.browser, [
    ['anyone-live-here', { 'anyone-live-here-answer': 'yes' }],
    ['people-count', { 'people-count-answer': '2' }],
    ['sections/household'],
  ]);
  return respondent;
}

describe('a hub (hub-and-spoke)', () => {
  it('asks the required section before showing the hub', async () => {
    const respondent = new HttpRespondent(runner);
    await respondent.start('hub-and-spoke');
    expect(respondent.browser.page.url).toBe('/questionnaire/anyone-live-here');
    await respondent.browser.open('/questionnaire/');
    expect(respondent.browser.page.url).toBe('/questionnaire/anyone-live-here');
  });

  it('lists each section with its status and a link to start, continue or view it', async () => {
    const { browser } = await throughHousehold();
    expect(browser.page.url).toBe('/questionnaire/');
    expect(hub(browser)).toEqual([
      { title: 'Household', status: 'Completed', link: '/questionnaire/sections/household' },
      { title: 'Accommodation', status: 'Not started', link: '/questionnaire/accommodation-type' },
      { title: 'Employment', status: 'Not started', link: '/questionnaire/employment-status' },
    ]);
    expect(browser.page.html).toContain('Start section');
    expect(browser.page.html).not.toContain('action="/submit"');

    await browser.open('/questionnaire/accommodation-type');
    await browser.submit({ 'accommodation-type-answer': 'flat' });
    await browser.open('/questionnaire/');
    expect(summaryItem(browser.page.html, 'Accommodation')).toMatchObject({
      value: 'In progress',
      links: ['/questionnaire/bedrooms'],
    });
    expect(browser.page.html).toContain('Continue with section');
  });

  it('returns to the hub after each section, enables feedback once employment is done, then offers Submit', async () => {
    const { browser } = await throughHousehold();
    await browser.open('/questionnaire/accommodation-type');
    const afterAccommodation = await walk(browser, [
      ['accommodation-type', { 'accommodation-type-answer': 'house' }],
      ['bedrooms', { 'bedrooms-answer': '3' }],
      ['sections/accommodation'],
    ]);
    expect(afterAccommodation).toBe('/questionnaire/');
    expect(hub(browser).map((s) => s.title)).not.toContain('Feedback');

    await browser.open('/questionnaire/employment-status');
    expect(await walk(browser, [['employment-status', { 'employment-status-answer': ['employee'] }]])).toBe(
      '/questionnaire/',
    );
    expect(summaryItem(browser.page.html, 'Employment').value).toBe('Completed');
    expect(summaryItem(browser.page.html, 'Feedback')).toMatchObject({
      value: 'Not started',
      links: ['/questionnaire/feedback-comments'],
    });
    expect(browser.page.html).not.toContain('action="/submit"');

    await browser.open('/questionnaire/feedback-comments');
    await browser.submit({ 'feedback-comments-answer': 'Clear enough' });
    expect(browser.page.url).toBe('/questionnaire/');
    expect(hub(browser).every((s) => s.status === 'Completed')).toBe(true);
    expect(summaryItem(browser.page.html, 'Accommodation').links).toEqual(['/questionnaire/sections/accommodation']);
    expect(browser.page.html).toContain('action="/submit"');
    await browser.submit({}, '/submit');
    expect(browser.page.url).toBe('/thank-you');
  });

  it('refuses to submit from the hub before every section is complete', async () => {
    const respondent = await throughHousehold();
    const { browser } = respondent;
    // The hub offers no Submit yet (and an open link no sign-out form): post from a page with a form.
    await browser.open('/questionnaire/anyone-live-here');
    await browser.submit({}, '/submit');
    expect(browser.page.url).toBe('/questionnaire/');
    expect((await respondent.record()).status).toBe('inProgress');
  });
});
