import { answerFields, compile, formValues, readAnswer } from '@eq/engine';
import type { Answer, DetailAnswer } from '@eq/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { summaryItem } from '../../testing/page-reading.ts';
import { dateFields, walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

async function start(slug: string): Promise<Browser> {
  const browser = new Browser(runner.app);
  await browser.open(`/s/${slug}`);
  return browser;
}

/** The answers of a question with their detail answers. */
function withDetails(answers: Answer[]): (Answer | DetailAnswer)[] {
  return answers.flatMap((a) => [a, ...('options' in a ? a.options.flatMap((o) => o.detailAnswer ?? []) : [])]);
}

describe('every answer type posts and shows back', () => {
  it.each(['answers-text', 'answers-numeric', 'answers-dates', 'answers-options', 'answers-address'])(
    '%s: each page shows the saved answers in its fields when revisited',
    async (slug) => {
      for (const seed of [1, 2, 3]) {
        const respondent = new HttpRespondent(runner, { seed, skipRate: 0.3 });
        await respondent.start(slug);
        await respondent.complete();
        const { q } = await respondent.questionnaire();
        const compiled = compile(q);
        const { answers } = (await respondent.record()).state;
        for (const { url, location } of respondent.posts) {
          const page = location.kind === 'page' ? compiled.pages.get(location.page)?.page : undefined;
          if (page?.kind !== 'question') continue;
          await respondent.browser.open(url);
          for (const answer of withDetails(page.question.answers)) {
            const shown = Object.fromEntries(answerFields(answer).map((f) => [f, respondent.browser.field(f)]));
            expect(shown, `${answer.id} on ${url}`).toEqual(formValues(answer, readAnswer(answer, answers[answer.id])));
          }
        }
      }
    },
  );
});

describe('dates and durations (answers-dates)', () => {
  it('takes a date, a month and year, a year and durations, and shows them in full', async () => {
    const browser = await start('answers-dates');
    await walk(browser, [
      ['date-of-birth', dateFields('date-of-birth-answer', '1980-05-17')],
      ['moved-in', { 'moved-in-answer-month': '9', 'moved-in-answer-year': '2001' }],
      ['arrived-uk', { 'arrived-uk-answer': '2000' }],
      [
        'durations',
        {
          'job-duration-answer-years': '2',
          'job-duration-answer-months': '6',
          'contract-duration-answer-months': '18',
        },
      ],
    ]);
    expect(browser.page.url).toBe('/questionnaire/summary');
    const value = (title: string) => summaryItem(browser.page.html, title).value;
    expect(value('What is your date of birth?')).toBe('17 May 1980');
    expect(value('When did you move to your current address?')).toBe('September 2001');
    expect(value('If you were born outside the UK, in what year did you most recently arrive to live here?')).toBe(
      '2000',
    );
    expect(value('Time in current job')).toBe('2 years 6 months');
    expect(value('Time on current contract')).toBe('18 months');
    await browser.open('/questionnaire/durations');
    expect(browser.field('job-duration-answer-years')).toBe('2');
    expect(browser.field('job-duration-answer-months')).toBe('6');
    expect(browser.field('contract-duration-answer-months')).toBe('18');
    await browser.submit({}, '/submit');
    expect(runner.delivered.at(-1)?.answers.map((a) => [a.answerId, a.value])).toEqual([
      ['date-of-birth-answer', '1980-05-17'],
      ['moved-in-answer', '2001-09'],
      ['arrived-uk-answer', 2000],
      ['job-duration-answer', { years: 2, months: 6 }],
      ['contract-duration-answer', { months: 18 }],
    ]);
  });
});

describe('addresses (answers-address)', () => {
  it('takes an address line by line, tidies the postcode and leaves an optional address out', async () => {
    const browser = await start('answers-address');
    await browser.submit({
      'home-address-answer-line1': '',
      'home-address-answer-town': '',
      'home-address-answer-postcode': '',
    });
    expect(browser.errors().length).toBeGreaterThan(0);
    await walk(browser, [
      [
        'home-address',
        {
          'home-address-answer-line1': '1 Heol y Bont',
          'home-address-answer-line2': '',
          'home-address-answer-town': 'Caerdydd',
          'home-address-answer-postcode': 'cf101aa',
        },
      ],
      ['address-year-ago', {}],
    ]);
    await browser.open('/questionnaire/home-address');
    expect(browser.field('home-address-answer-line1')).toBe('1 Heol y Bont');
    expect(browser.field('home-address-answer-postcode')).toBe('CF10 1AA');
    await browser.open('/questionnaire/summary');
    await browser.submit({}, '/submit');
    expect(runner.delivered.at(-1)?.answers.map((a) => [a.answerId, a.value])).toEqual([
      ['home-address-answer', { line1: '1 Heol y Bont', town: 'Caerdydd', postcode: 'CF10 1AA' }],
    ]);
  });
});

describe('options with detail answers (answers-options)', () => {
  it('keeps checkbox selections and each chosen option’s detail answer', async () => {
    const browser = await start('answers-options');
    await walk(browser, [
      ['breakfast', { 'breakfast-answer': 'other', 'breakfast-other-answer': 'Porridge' }],
      ['drinks', { 'drinks-answer': ['tea', 'other'], 'drinks-other-answer': 'Mate' }],
    ]);
    await browser.submit({ 'cups-answer': 'more', 'cups-more-answer': '5' });
    expect(browser.errors()).toHaveLength(1);
    await walk(browser, [
      ['cups', { 'cups-answer': 'more', 'cups-more-answer': '8' }],
      ['region', { 'region-answer': 'north-west' }],
    ]);
    await browser.open('/questionnaire/drinks');
    expect(browser.field('drinks-answer')).toEqual(['tea', 'other']);
    expect(browser.field('drinks-other-answer')).toBe('Mate');
    await browser.open('/questionnaire/region');
    expect(browser.field('region-answer')).toBe('north-west');
    await browser.open('/questionnaire/summary');
    expect(summaryItem(browser.page.html, 'What did you usually eat for breakfast last week?').value).toBe(
      'Other: Porridge',
    );
    await browser.submit({}, '/submit');
    expect(runner.delivered.at(-1)?.answers.map((a) => [a.answerId, a.value])).toEqual([
      ['breakfast-answer', 'other'],
      ['breakfast-other-answer', 'Porridge'],
      ['drinks-answer', ['tea', 'other']],
      ['drinks-other-answer', 'Mate'],
      ['cups-answer', 'more'],
      ['cups-more-answer', 8],
      ['region-answer', 'north-west'],
    ]);
  });

  it('drops a detail answer once its option is no longer chosen', async () => {
    const browser = await start('answers-options');
    await walk(browser, [['breakfast', { 'breakfast-answer': 'other', 'breakfast-other-answer': 'Porridge' }]]);
    await browser.open('/questionnaire/breakfast');
    await walk(browser, [['breakfast', { 'breakfast-answer': 'toast', 'breakfast-other-answer': 'Porridge' }]]);
    await walk(browser, [
      ['drinks', {}],
      ['cups', { 'cups-answer': 'none' }],
      ['region', { 'region-answer': 'london' }],
    ]);
    await browser.submit({}, '/submit');
    const ids = runner.delivered.at(-1)?.answers.map((a) => a.answerId);
    expect(ids).toEqual(['breakfast-answer', 'cups-answer', 'region-answer']);
  });
});
