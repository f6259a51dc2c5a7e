import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { dateFields, walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

/** Follows the introduction's Start button. */
async function startQuestionnaire(browser: Browser): Promise<void> {
  const start = browser.startLink();
  if (start === undefined) throw new Error(`no introduction on ${browser.page.url}`);
  await browser.open(start);
}

describe('Welsh (welsh)', () => {
  it('switches the interface and the questionnaire to Welsh, errors included, and submits in Welsh', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/welsh?lang=cy');
    expect(browser.page.html).toMatch(/<html lang="cy"/);
    expect(browser.heading()).toBe('Cyn i chi ddechrau');
    expect(browser.page.html).toContain('Mae’r arolwg hwn yn cymryd tua 5 munud.');
    await startQuestionnaire(browser);
    expect(browser.heading()).toBe('Beth yw eich enw?');
    expect(browser.page.html).toContain('Cadw a pharhau');
    expect(browser.page.html).toContain('Enw cyntaf');
    await browser.submit({ 'first-name': '', 'last-name': '' });
    expect(browser.errors()).toEqual(['Rhowch eich enw cyntaf']);
    expect(browser.page.html).toMatch(/<title>Gwall: /);
    await walk(browser, [['name', { 'first-name': 'Siân', 'last-name': 'Evans' }]]);
    expect(browser.heading()).toBe('Siân Evans, beth yw eich dyddiad geni?');
    expect(browser.previousLink()).toBe('/questionnaire/name');
    expect(browser.page.html).toContain('Blaenorol');

    await browser.open('/questionnaire/date-of-birth?lang=en');
    expect(browser.page.url).toBe('/questionnaire/date-of-birth');
    expect(browser.page.html).toMatch(/<html lang="en"/);
    expect(browser.heading()).toBe('Siân Evans, what is your date of birth?');
    await browser.open('/questionnaire/date-of-birth?lang=cy');
    expect(browser.heading()).toBe('Siân Evans, beth yw eich dyddiad geni?');

    await walk(browser, [
      ['date-of-birth', dateFields('date-of-birth-answer', '1990-03-01')],
      ['sex', { 'sex-answer': 'female' }],
      ['welsh-skills', { 'welsh-skills-answer': ['speak', 'read'] }],
      ['people-count', { 'people-count-answer': '2' }],
      ['all-answered'],
    ]);
    expect(browser.heading()).toBe('Cyflwyno eich atebion');
    expect(browser.page.html).toContain('1 Mawrth 1990');
    expect(browser.page.html).toContain('Cyflwyno atebion');
    await browser.submit({}, '/submit');
    expect(browser.heading()).toBe('Diolch am gwblhau’r arolwg');
    expect(runner.delivered.at(-1)?.language).toBe('cy');
  });

  it('keeps English for a respondent who did not switch', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/welsh');
    expect(browser.page.html).toMatch(/<html lang="en"/);
    expect(browser.heading()).toBe('Before you start');
    await startQuestionnaire(browser);
    expect(browser.heading()).toBe('What is your name?');
  });
});

describe('piping (piping)', () => {
  const metadata = {
    display_address: '1 Heol y Bont <b>Caerdydd</b>',
    period_start: '2024-04-01',
    period_end: '2024-06-30',
  };

  it('pipes earlier answers, metadata, list labels and totals into later texts, formatted and escaped', async () => {
    const respondent = new HttpRespondent(runner);
    await respondent.start('piping', { metadata });
    const { browser } = respondent;
    expect(browser.heading()).toBe('Who at 1 Heol y Bont <b>Caerdydd</b> is this survey about?');
    expect(browser.page.html).not.toContain('<b>Caerdydd</b>');
    expect(browser.page.html).toContain('&lt;b&gt;Caerdydd&lt;/b&gt;');
    await walk(browser, [['name', { 'first-name': 'Rhys', 'last-name': 'Davies' }]]);
    expect(browser.heading()).toBe('What is Rhys Davies’ date of birth?');
    await walk(browser, [['date-of-birth', dateFields('date-of-birth-answer', '1990-03-01')]]);
    expect(browser.heading()).toBe('About Rhys Davies’ home');
    await walk(browser, [
      [
        'home',
        {
          'floor-answer': '3',
          'floor-area-answer': '85',
          'moved-in-answer-month': '9',
          'moved-in-answer-year': '2015',
          'time-in-area-answer-years': '8',
          'time-in-area-answer-months': '6',
        },
      ],
    ]);
    expect(browser.heading()).toBe('About Rhys Davies’ work between 1 April 2024 and 30 June 2024');
    await walk(browser, [
      [
        'work',
        {
          'pay-answer': '1250.5',
          'hours-answer': '37.5',
          'home-working-answer': '40',
          'distance-answer': '12',
          'employment-type-answer': 'employee',
          'travel-answer': ['bus', 'train'],
          'region-answer': 'wales',
          'email-answer': 'rhys@example.com',
        },
      ],
    ]);
    expect(browser.heading()).toBe('Does anyone else live with Rhys Davies?');
    await walk(browser, [
      ['household-members', { 'anyone-else-answer': 'yes' }],
      ['member-name', { 'member-first-name': 'Mari', 'member-last-name': 'Davies' }],
      ['household-members', { 'anyone-else-answer': 'yes' }],
      ['member-name', { 'member-first-name': 'Aled', 'member-last-name': 'Jones' }],
      ['household-members', { 'anyone-else-answer': 'no' }],
      ['housing-costs', { 'rent-answer': '700', 'bills-answer': '150.25' }],
      ['spending-total'],
    ]);
    expect(browser.page.url).toBe('/questionnaire/check-details');
    const text = browser.page.html.replace(/\s+/g, ' ');
    for (const piped of [
      'Check what you told us about Rhys Davies',
      'Pay: £1,250.50 for 37.5 hours a week, 40% of them working from home',
      'Type of work: Employee, in Wales, 12 kilometres from home',
      'Travels to work by: Bus and Train',
      'Work email: rhys@example.com',
      'Other people who live with Rhys Davies (2): Mari Davies and Aled Jones. Housing costs: £850.25',
      'Moved in: September 2015, and has lived in the area for 8 years 6 months',
      'Date of birth: Thursday, 1 March 1990 (aged ',
      'Home: on the 3rd floor, with a floor area of 85 m²',
    ]) {
      expect(text).toContain(piped);
    }
  });
});

describe('content pages (content-pages)', () => {
  it('shows the introduction, content pages, question guidance and definitions, and the confirmation texts', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/content-pages');
    expect(browser.heading()).toBe('Business energy survey');
    expect(browser.page.html).toContain('Information you need');
    expect(browser.page.html).toContain('Details of any solar panels or batteries the business uses');
    await startQuestionnaire(browser);
    expect(browser.page.url).toBe('/questionnaire/energy-introduction');
    expect(browser.heading()).toBe('Generating your own energy');
    expect(browser.page.html).toContain('Energy generated at premises the business does not occupy');
    await walk(browser, [['energy-introduction']]);
    expect(browser.page.html).toContain('Answer for all the sites the business occupies.');
    expect(browser.page.html).toContain('Select one answer');
    expect(browser.page.html).toContain('Batteries leased from a supplier');
    expect(browser.page.html).toContain('What is a photovoltaic system?');
    await walk(browser, [
      ['battery', { 'battery-answer': 'no' }],
      ['energy-complete'],
      ['comments', { 'comments-answer': '' }],
    ]);
    expect(browser.heading()).toBe('Check your answers and submit');
    expect(browser.page.html).toContain('Submit survey');
    await browser.submit({}, '/submit');
    expect(browser.heading()).toBe('Thank you for completing the business energy survey');
    expect(browser.page.html).toContain('We publish the results in the spring');
  });
});
