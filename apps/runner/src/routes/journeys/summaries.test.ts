import { addToDate, todayIso } from '@eq/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { summaryItem, summaryItems } from '../../testing/page-reading.ts';
import { dateFields, type Fields, walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

const address: Fields = {
  'insurance-address-answer-line1': '1 High Street',
  'insurance-address-answer-town': 'Newport',
  'insurance-address-answer-postcode': 'NP20 1AA',
};

/** A start date for the cover: next month. */
function coverStart(): string {
  return addToDate(todayIso(runner.services.now()), { months: 1 }) ?? '';
}

async function throughProperty(insurance = 'buildings'): Promise<Browser> {
  const browser = new Browser(runner.app);
  await browser.open('/s/section-summary');
  await walk(browser, [
    ['insurance-type', { 'insurance-type-answer': insurance }],
    ['insurance-address', address],
    ...(insurance === 'both' ? [] : [['years-at-address', { 'years-at-address-answer': 'yes' }] as [string, Fields]]),
  ]);
  return browser;
}

/** Opens a row's change link, as the respondent would follow it. */
async function change(browser: Browser, title: string): Promise<string> {
  const link = summaryItem(browser.page.html, title).links[0];
  if (!link) throw new Error(`no change link for ${title}`);
  await browser.open(link);
  return link;
}

describe('section summaries (section-summary)', () => {
  it('shows a section’s answers when it is finished, then goes on to the next section', async () => {
    const browser = await throughProperty();
    expect(browser.page.url).toBe('/questionnaire/sections/property');
    expect(browser.heading()).toBe('Property details');
    expect(summaryItems(browser.page.html).map(({ title, value }) => [title, value])).toEqual([
      ['What kind of insurance would you like?', 'Buildings'],
      ['What is the address you would like to insure?', expect.stringContaining('1 High Street')],
      ['Have you lived at this address for more than 5 years?', 'Yes'],
    ]);
    expect(await walk(browser, [['sections/property']])).toBe('/questionnaire/house-type');
  });

  it('leaves a skipped page out of the section summary', async () => {
    const browser = await throughProperty('both');
    expect(summaryItems(browser.page.html).map((i) => i.title)).not.toContain(
      'Have you lived at this address for more than 5 years?',
    );
  });

  it('brings a change back to the section summary', async () => {
    const browser = await throughProperty();
    const link = await change(browser, 'What kind of insurance would you like?');
    expect(link).toBe('/questionnaire/insurance-type?return=sections/property#insurance-type-answer');
    expect(browser.field('insurance-type-answer')).toBe('buildings');
    expect(browser.previousLink()).toBe('/questionnaire/sections/property');
    await browser.submit({ 'insurance-type-answer': 'contents' });
    expect(browser.page.url).toBe('/questionnaire/sections/property');
    expect(summaryItem(browser.page.html, 'What kind of insurance would you like?').value).toBe('Contents');
  });

  it('has no summary for a section without one', async () => {
    const browser = await throughProperty();
    await walk(browser, [
      ['sections/property'],
      ['house-type', { 'house-type-answer': 'terraced' }],
      ['listed', { 'listed-answer': 'no' }],
      ['sections/house'],
    ]);
    expect(await walk(browser, [['cover-start', dateFields('cover-start-answer', coverStart())]])).toBe(
      '/questionnaire/summary',
    );
  });
});

describe('the final summary', () => {
  async function finished(): Promise<Browser> {
    const browser = await throughProperty();
    await walk(browser, [
      ['sections/property'],
      ['house-type', { 'house-type-answer': 'terraced' }],
      ['listed', { 'listed-answer': 'no' }],
      ['sections/house'],
      ['cover-start', dateFields('cover-start-answer', coverStart())],
    ]);
    return browser;
  }

  it('lists every section with its answers and change links back to it', async () => {
    const browser = await finished();
    expect(browser.page.url).toBe('/questionnaire/summary');
    for (const section of ['Property details', 'House details', 'Cover']) expect(browser.page.html).toContain(section);
    expect(summaryItem(browser.page.html, 'When would you like your cover to start?')).toEqual({
      title: 'When would you like your cover to start?',
      value: new Date(coverStart()).toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
      links: ['/questionnaire/cover-start?return=summary#cover-start-answer-day'],
    });
  });

  it('returns to the summary after a change', async () => {
    const browser = await finished();
    await change(browser, 'What kind of house is it?');
    expect(browser.previousLink()).toBe('/questionnaire/summary');
    await browser.submit({ 'house-type-answer': 'detached' });
    expect(browser.page.url).toBe('/questionnaire/summary');
    expect(summaryItem(browser.page.html, 'What kind of house is it?').value).toBe('Detached');
  });

  it('asks a page a change brings onto the path, then returns to the summary', async () => {
    const browser = await throughProperty('both');
    await walk(browser, [
      ['sections/property'],
      ['house-type', { 'house-type-answer': 'terraced' }],
      ['listed', { 'listed-answer': 'no' }],
      ['sections/house'],
      ['cover-start', dateFields('cover-start-answer', coverStart())],
    ]);
    await change(browser, 'What kind of insurance would you like?');
    await browser.submit({ 'insurance-type-answer': 'contents' });
    expect(browser.page.url).toBe('/questionnaire/years-at-address?return=summary');
    await browser.submit({ 'years-at-address-answer': 'no' });
    expect(browser.page.url).toBe('/questionnaire/summary');
    expect(summaryItem(browser.page.html, 'Have you lived at this address for more than 5 years?').value).toBe('No');
  });
});
