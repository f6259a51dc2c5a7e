import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { summaryTitles } from '../../testing/page-reading.ts';
import { walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

async function start(slug: string, people = 2): Promise<HttpRespondent> {
  const respondent = new HttpRespondent(runner, { people });
  await respondent.start(slug);
  return respondent;
}

/** The list's items as the runner stores them. */
async function items(respondent: HttpRespondent, list = 'people'): Promise<string[]> {
  return (await respondent.record()).state.lists[list]?.items ?? [];
}

/** Adds a person from the collector page: Yes, then their name. */
async function addPerson(browser: Browser, first: string, last: string): Promise<void> {
  await walk(browser, [
    ['household-members', { 'anyone-else-answer': 'yes' }],
    ['person-name', { 'first-name': first, 'last-name': last }],
  ]);
}

describe('a list collector (list-collector)', () => {
  it('asks whether anyone lives here until someone is added, then whether anyone else does', async () => {
    const { browser } = await start('list-collector');
    expect(browser.heading()).toBe('Does anyone live here?');
    await addPerson(browser, 'Ann', 'Jones');
    expect(browser.page.url).toBe('/questionnaire/household-members');
    expect(browser.heading()).toBe('Does anyone else live here?');
    expect(browser.page.html).toContain('Ann Jones');
  });

  it('changes a person from their change link and comes back to the list', async () => {
    const respondent = await start('list-collector');
    const { browser } = respondent;
    await addPerson(browser, 'Ann', 'Jones');
    const [ann] = await items(respondent);
    const change = `/questionnaire/people/${ann}/person-name`;
    expect(browser.links()).toContain(change);
    await browser.open(change);
    expect(browser.field('first-name')).toBe('Ann');
    expect(browser.field('last-name')).toBe('Jones');
    await browser.submit({ 'first-name': 'Anna', 'last-name': 'Jones' });
    expect(browser.page.url).toBe('/questionnaire/household-members');
    expect(browser.page.html).toContain('Anna Jones');
    expect(await items(respondent)).toEqual([ann]);
  });

  it('removes a person only once the removal is confirmed', async () => {
    const respondent = await start('list-collector');
    const { browser } = respondent;
    await addPerson(browser, 'Ann', 'Jones');
    await addPerson(browser, 'Ben', 'Smith');
    const [ann, ben] = await items(respondent);
    const remove = `/questionnaire/people/${ben}/remove-person`;
    expect(browser.links()).toContain(remove);

    await browser.open(remove);
    expect(browser.heading()).toBe('Are you sure you want to remove Ben Smith?');
    await browser.submit({});
    expect(browser.errors()).toHaveLength(1);
    await browser.submit({ 'remove-person-answer': 'no' });
    expect(browser.page.url).toBe('/questionnaire/household-members');
    expect(browser.page.html).toContain('Ben Smith');
    expect(await items(respondent)).toEqual([ann, ben]);

    await browser.open(remove);
    await browser.submit({ 'remove-person-answer': 'yes' });
    expect(browser.page.url).toBe('/questionnaire/household-members');
    expect(browser.page.html).not.toContain('Ben Smith');
    const record = await respondent.record();
    expect(record.state.lists.people?.items).toEqual([ann]);
    expect(Object.keys(record.state.itemAnswers)).toEqual([ann]);
    // The removed person's pages are gone with them.
    await browser.open(remove);
    expect(browser.page.url).not.toBe(remove);
  });

  it('submits the people left on the list', async () => {
    const respondent = await start('list-collector', 1);
    const { browser } = respondent;
    await addPerson(browser, 'Ann', 'Jones');
    await addPerson(browser, 'Ben', 'Smith');
    const [, ben] = await items(respondent);
    await browser.open(`/questionnaire/people/${ben}/remove-person`);
    await browser.submit({ 'remove-person-answer': 'yes' });
    await respondent.sync();
    await respondent.complete();
    await respondent.submit();
    const submission = runner.delivered.at(-1);
    expect(submission?.answers.map((a) => a.value)).toEqual(['Ann', 'Jones']);
    expect(submission?.lists.people?.items).toHaveLength(1);
  });
});

describe('a primary person (list-collector-primary-person)', () => {
  it('asks the respondent their own name, lists them as You, and never offers to remove them', async () => {
    const respondent = await start('list-collector-primary-person');
    const { browser } = respondent;
    await browser.submit({ 'you-live-here-answer': 'yes' });
    const [you] = await items(respondent);
    expect(browser.page.url).toBe(`/questionnaire/people/${you}/person-name`);
    expect(browser.heading()).toBe('What is your name?');
    await browser.submit({ 'first-name': 'Siân', 'last-name': 'Evans' });
    expect(browser.page.url).toBe('/questionnaire/household-members');
    expect(browser.page.html).toContain('Siân Evans (You)');
    expect(browser.links()).not.toContain(`/questionnaire/people/${you}/remove-person`);
    await addPerson(browser, 'Cai', 'Evans');
    expect(browser.heading()).toBe('Does anyone else live here?');
    await walk(browser, [['household-members', { 'anyone-else-answer': 'no' }]]);
    expect(browser.page.url).toBe('/questionnaire/household-check');
    expect(browser.page.html).toContain('You have added Siân Evans and Cai Evans to this household.');
  });

  it('removes the respondent from the list when they say they do not live here', async () => {
    const respondent = await start('list-collector-primary-person');
    const { browser } = respondent;
    await browser.submit({ 'you-live-here-answer': 'yes' });
    await browser.submit({ 'first-name': 'Siân', 'last-name': 'Evans' });
    await browser.open('/questionnaire/you-live-here');
    expect(browser.field('you-live-here-answer')).toBe('yes');
    await browser.submit({ 'you-live-here-answer': 'no' });
    expect(await items(respondent)).toEqual([]);
    expect(browser.page.url).toBe('/questionnaire/household-members');
    expect(browser.page.html).not.toContain('Siân');
  });
});

describe('relationships (relationships)', () => {
  it('asks one page per pair with both names piped, and submits each pair once', async () => {
    const respondent = await start('relationships');
    const { browser } = respondent;
    await browser.submit({ 'you-live-here-answer': 'yes' });
    await browser.submit({ 'first-name': 'Siân', 'last-name': 'Evans' });
    await addPerson(browser, 'Cai', 'Evans');
    await addPerson(browser, 'Mari', 'Jones');
    await walk(browser, [['household-members', { 'anyone-else-answer': 'no' }]]);
    const [you, cai, mari] = await items(respondent);
    const pairs = [
      [you, cai, 'Thinking of yourself, Cai Evans is your …', 'son-or-daughter'],
      [you, mari, 'Thinking of yourself, Mari Jones is your …', 'unrelated'],
      [cai, mari, 'Thinking of Cai Evans, Mari Jones is their …', 'unrelated'],
    ] as const;
    for (const [from, to, heading, value] of pairs) {
      expect(browser.page.url).toBe(`/questionnaire/people/${from}/relationships/${to}`);
      expect(browser.heading()).toBe(heading);
      await browser.submit({ 'relationship-answer': value });
    }
    expect(browser.page.url).toBe('/questionnaire/relationships-done');
    await walk(browser, [['relationships-done']]);
    await respondent.submit();
    const related = runner.delivered.at(-1)?.answers.filter((a) => a.answerId === 'relationship-answer');
    expect(related).toEqual(
      pairs.map(([from, to, , value]) => ({
        answerId: 'relationship-answer',
        qCode: expect.any(String),
        listItemId: from,
        toListItemId: to,
        value,
      })),
    );
  });
});

describe('a repeating section (repeating-section)', () => {
  async function household(respondent: HttpRespondent): Promise<string[]> {
    const { browser } = respondent;
    await addPerson(browser, 'Ann', 'Jones');
    await addPerson(browser, 'Ben', 'Smith');
    await walk(browser, [['household-members', { 'anyone-else-answer': 'no' }]]);
    return items(respondent);
  }

  it('asks each person their own questions, named in the titles, skipping paid work for a child', async () => {
    const respondent = await start('repeating-section');
    const { browser } = respondent;
    const [ann, ben] = await household(respondent);
    expect(browser.page.url).toBe(`/questionnaire/people/${ann}/date-of-birth`);
    expect(browser.heading()).toBe('What is Ann Jones’ date of birth?');
    await browser.submit({
      'date-of-birth-answer-day': '1',
      'date-of-birth-answer-month': '2',
      'date-of-birth-answer-year': '1980',
    });
    expect(browser.heading()).toBe('What is Ann Jones’ sex?');
    await browser.submit({ 'sex-answer': 'female' });
    expect(browser.heading()).toBe('In the last 7 days, did Ann Jones do any paid work?');
    await browser.submit({ 'paid-work-answer': 'yes' });
    expect(browser.page.url).toBe(`/questionnaire/people/${ben}/date-of-birth`);
    expect(browser.heading()).toBe('What is Ben Smith’s date of birth?');
    const child = String(Number((await respondent.today()).slice(0, 4)) - 5);
    await browser.submit({
      'date-of-birth-answer-day': '1',
      'date-of-birth-answer-month': '1',
      'date-of-birth-answer-year': child,
    });
    await browser.submit({ 'sex-answer': 'male' });
    expect(browser.page.url).toBe('/questionnaire/summary');
    expect(summaryTitles(browser.page.html)).toEqual(['People who live here', 'Ann Jones', 'Ben Smith']);
    expect(browser.links()).not.toContain(`/questionnaire/people/${ben}/paid-work?return=summary#paid-work-answer`);
    expect(browser.links()).toContain(`/questionnaire/people/${ann}/paid-work?return=summary#paid-work-answer`);
  });

  it('removes a person’s answers with them', async () => {
    const respondent = await start('repeating-section');
    const { browser } = respondent;
    const [ann, ben] = await household(respondent);
    await respondent.sync();
    await respondent.complete();
    expect(Object.keys((await respondent.record()).state.itemAnswers)).toEqual([ann, ben]);
    await browser.open(`/questionnaire/people/${ben}/remove-person`);
    await browser.submit({ 'remove-person-answer': 'yes' });
    const record = await respondent.record();
    expect(Object.keys(record.state.itemAnswers)).toEqual([ann]);
    expect(record.state.completed.filter((key) => key.includes(`${ben}`))).toEqual([]);
    await respondent.sync();
    await respondent.complete();
    await respondent.submit();
    const submitted = runner.delivered.at(-1);
    expect(submitted?.answers.some((a) => a.listItemId === ben)).toBe(false);
    expect(submitted?.answers.filter((a) => a.listItemId === ann).length).toBeGreaterThan(2);
  });
});
