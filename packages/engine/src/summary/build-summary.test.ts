import type { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import type { Location } from '../location.ts';
import { isComplete } from '../navigation/progress.ts';
import { savePage } from '../navigation/save.ts';
import type { ResponseState } from '../state.ts';
import { pageAt } from '../testing/context.ts';
import { example, fixture } from '../testing/files.ts';
import { answeredState, household, type Script } from '../testing/index.ts';
import type { AnswerValue } from '../values.ts';
import { buildSummary } from './build-summary.ts';
import type { SummaryGroup, SummarySection } from './model.ts';

const TODAY = '2025-06-01';

/** A respondent who completes the questionnaire, answering as the script says and anything else as seed 1 gives. */
const respond = (q: Questionnaire, script?: Script) => answeredState(q, script, { seed: 1, today: TODAY });

function save(q: Questionnaire, state: ResponseState, location: Location, values: Record<string, AnswerValue>) {
  return savePage(q, state, location, values, { today: TODAY, newItemId: () => 'unused' }).state;
}

/** Each group in one line: its page (and pair), title and answers, so a test reads like the page. */
function lines(sections: SummarySection[]): string[] {
  return sections.flatMap((s) => [`# ${s.title}`, ...s.groups.map(line)]);
}

function line(group: SummaryGroup): string {
  switch (group.kind) {
    case 'question': {
      const pair = [group.item, group.to].filter(Boolean).join('>');
      const answers = group.answers.map((a) => `${a.label}: ${a.value ?? '(not answered)'}`).join('; ');
      return `${group.page}${pair ? `@${pair}` : ''} | ${group.title} | ${answers}`;
    }
    case 'list':
      return `${group.page} | ${group.title} | ${group.items.map((i) => i.label).join(', ')}`;
    case 'calculated':
      return `${group.page} | ${group.title} | ${group.total}`;
  }
}

const people = (...names: [string, string][]) =>
  names.map(([first, last]) => ({ 'first-name': first, 'last-name': last }));

describe('buildSummary of a linear questionnaire', () => {
  const q = fixture('answers-options');
  const state = respond(q, {
    answers: {
      'breakfast-answer': 'other',
      'breakfast-other-answer': 'Pancakes',
      'drinks-answer': ['tea', 'coffee', 'other'],
      'drinks-other-answer': 'Cocoa',
      'cups-answer': 'more',
      'cups-more-answer': 8,
      'region-answer': 'london',
    },
  });

  it('shows every question on the path with its answers formatted, and where to change them', () => {
    const change = pageAt('options', 'breakfast');
    expect(buildSummary(q, state, { lang: 'en', today: TODAY })[0]?.groups[0]).toEqual({
      kind: 'question',
      page: 'breakfast',
      title: 'What did you usually eat for breakfast last week?',
      answers: [
        {
          answerId: 'breakfast-answer',
          label: 'Usual breakfast',
          value: 'Other: Pancakes',
          change,
          field: 'breakfast-answer',
        },
      ],
      change,
    });
  });

  it('shows detail answers after their options, for radios, checkboxes and numbers', () => {
    expect(lines(buildSummary(q, state, { lang: 'en', today: TODAY }))).toEqual([
      '# Your breakfast',
      'breakfast | What did you usually eat for breakfast last week? | Usual breakfast: Other: Pancakes',
      'drinks | Which of these drinks did you have last week? | Drinks: Tea, Coffee and Other: Cocoa',
      'cups | On a usual day, how many hot drinks do you have? | Hot drinks a day: More than 5: 8',
      'region | Which region of England do you live in? | Region: London',
    ]);
  });

  it('leaves out a detail answer whose option is no longer chosen', () => {
    const changed = save(q, state, pageAt('options', 'breakfast'), { 'breakfast-answer': 'toast' });
    const stale = { ...changed, answers: { ...changed.answers, 'breakfast-other-answer': 'Pancakes' } };
    const [section] = buildSummary(q, stale, { lang: 'en', today: TODAY });
    expect(section?.groups[0]?.kind === 'question' && section.groups[0].answers[0]?.value).toBe('Toast');
  });

  it('names the first field of an answer made of several fields, for the change link to focus', () => {
    const dates = fixture('answers-dates');
    const groups = buildSummary(dates, respond(dates), { lang: 'en', today: TODAY })[0]?.groups ?? [];
    const fields = groups.flatMap((g) => (g.kind === 'question' ? g.answers.map((a) => a.field) : []));
    expect(fields).toEqual([
      'date-of-birth-answer-day',
      'moved-in-answer-month',
      'arrived-uk-answer',
      'job-duration-answer-years',
      'contract-duration-answer-months',
    ]);
  });

  it('shows unanswered optional answers without a value', () => {
    const unanswered = save(q, state, pageAt('options', 'drinks'), {});
    const drinks = buildSummary(q, unanswered, { lang: 'en', today: TODAY })[0]?.groups[1];
    expect(drinks?.kind === 'question' && drinks.answers).toEqual([
      { answerId: 'drinks-answer', label: 'Drinks', change: pageAt('options', 'drinks'), field: 'drinks-answer' },
    ]);
  });
});

describe('buildSummary of a hub questionnaire', () => {
  const q = fixture('hub-and-spoke');
  const state = respond(q, {
    answers: {
      'anyone-live-here-answer': 'yes',
      'people-count-answer': 3,
      'accommodation-type-answer': 'house',
      'bedrooms-answer': 3,
      'employment-status-answer': ['employee'],
      'feedback-comments-answer': 'Example comment',
    },
  });

  it('shows every enabled section in order, each with the questions on its path', () => {
    expect(lines(buildSummary(q, state, { lang: 'en', today: TODAY }))).toEqual([
      '# Household',
      'anyone-live-here | Does anyone usually live at this address? | Anyone lives here: Yes',
      'people-count | How many people usually live here? | Number of people: 3',
      '# Accommodation',
      'accommodation-type | What type of accommodation is this? | Accommodation type: House or bungalow',
      'bedrooms | How many bedrooms are available for use only by this household? | Number of bedrooms: 3',
      '# Employment',
      'employment-status | In the last 7 days, were you doing any of the following? | Activities: Working as an employee',
      '# Feedback',
      'feedback-comments | How could we improve the questions about employment? | Your feedback: Example comment',
    ]);
  });

  it('gives only the section asked for, as a section summary needs', () => {
    const sections = buildSummary(q, state, { lang: 'en', today: TODAY, section: 'accommodation' });
    expect(sections.map((s) => s.section)).toEqual(['accommodation']);
    expect(buildSummary(q, state, { lang: 'en', today: TODAY, section: 'unknown' })).toEqual([]);
  });

  it('leaves out a section no longer enabled and pages no longer on the path', () => {
    const withdrawn = save(q, state, pageAt('employment', 'employment-status'), {});
    expect(lines(buildSummary(q, withdrawn, { lang: 'en', today: TODAY })).slice(6)).toEqual([
      '# Employment',
      'employment-status | In the last 7 days, were you doing any of the following? | Activities: (not answered)',
      'not-working | Which of the following describes what you were doing in the last 7 days? | Activity: (not answered)',
    ]);
  });
});

describe('buildSummary and the path', () => {
  const q = fixture('calculated-summary');
  const amounts = { 'food-answer': 120.5, 'gas-answer': 40, 'electricity-answer': 60, 'fuel-answer': 80 };

  it('never shows an answer left off the path, nor counts it in a total', () => {
    const state = respond(q, { answers: { ...amounts, 'car-owner-answer': 'yes' } });
    const noCar = save(q, state, pageAt('spending', 'car-owner'), { 'car-owner-answer': 'no' });
    expect(noCar.answers['fuel-answer']).toBe(80);
    const shown = lines(buildSummary(q, noCar, { lang: 'en', today: TODAY }));
    expect(shown.some((l) => l.startsWith('fuel'))).toBe(false);
    expect(shown).toContain("spending-total | Check your household's spending last month | £220.50");
  });

  it('shows a calculated summary as its title and formatted total, changed on its own page', () => {
    const state = respond(q, { answers: { ...amounts, 'car-owner-answer': 'yes', 'essentials-answer': 250 } });
    const groups = buildSummary(q, state, { lang: 'en', today: TODAY })[0]?.groups ?? [];
    expect(groups.find((g) => g.kind === 'calculated')).toEqual({
      kind: 'calculated',
      page: 'spending-total',
      title: "Check your household's spending last month",
      total: '£300.50',
      change: pageAt('spending', 'spending-total'),
    });
    expect(lines(buildSummary(q, state, { lang: 'en', today: TODAY })).at(-1)).toBe(
      'essentials | Of the £300.50 your household spent last month, how much was on items you could not do without? | Essential spending: £250.00',
    );
  });

  it('leaves out content and confirmation pages', () => {
    const confirmation = fixture('confirmation-question');
    const groups = buildSummary(confirmation, respond(confirmation), { lang: 'en', today: TODAY })[0]?.groups;
    expect(groups?.map((g) => g.page)).toEqual(['employees', 'vacancies']);
    const content = fixture('content-pages');
    const contentPages = content.sections.flatMap((s) => s.pages.filter((p) => p.kind === 'content').map((p) => p.id));
    const shown = buildSummary(content, respond(content), { lang: 'en', today: TODAY }).flatMap((s) => s.groups);
    expect(contentPages.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((g) => contentPages.includes(g.page))).toEqual([]);
  });
});

describe('buildSummary texts', () => {
  it('uses the variant chosen by earlier answers and pipes answers into titles', () => {
    const q = fixture('question-variants');
    const answers = { 'first-name': 'Ann', 'last-name': 'Jones', 'holiday-spending-answer': 1250 };
    const proxy = respond(q, {
      answers: { ...answers, 'age-answer': 3, 'proxy-answer': 'proxy', 'spending-currency-answer': 'usd' },
    });
    expect(lines(buildSummary(q, proxy, { lang: 'en', today: TODAY }))).toEqual([
      '# About the person',
      'name | Who is this questionnaire about? | First name: Ann; Last name: Jones',
      'proxy | Are you Ann Jones? | Answering for yourself: No, I am answering on their behalf',
      'age | What is Ann Jones’ age? | Age: 3',
      '# Spending',
      'spending-currency | Which currency do you want to give your answers in? | Currency: US dollars',
      'holiday-spending | How much did you spend on your last holiday, in dollars? | Amount in dollars: US$1,250.00',
    ]);
    const self = respond(q, {
      answers: { ...answers, 'age-answer': 3, 'proxy-answer': 'self', 'spending-currency-answer': 'gbp' },
    });
    const shown = lines(buildSummary(q, self, { lang: 'en', today: TODAY }));
    expect(shown).toContain('age | What is your age? | Age: 3');
    expect(shown).toContain(
      'holiday-spending | How much did you spend on your last holiday, in pounds? | Amount in pounds: £1,250.00',
    );
  });

  it('renders every text and value in Welsh', () => {
    const q = fixture('welsh');
    const state = respond(q, {
      answers: {
        'first-name': 'Siân',
        'last-name': 'Evans',
        'date-of-birth-answer': '1980-05-17',
        'sex-answer': 'female',
        'welsh-skills-answer': ['understand', 'speak'],
        'people-count-answer': 3,
      },
    });
    expect(lines(buildSummary(q, state, { lang: 'cy', today: TODAY }))).toEqual([
      '# Amdanoch chi',
      'name | Beth yw eich enw? | Enw cyntaf: Siân; Cyfenw: Evans',
      'date-of-birth | Siân Evans, beth yw eich dyddiad geni? | Dyddiad geni: 17 Mai 1980',
      'sex | Beth yw eich rhyw? | Rhyw: Benyw',
      'welsh-skills | Pa rai o’r rhain allwch chi eu gwneud yn Gymraeg? | Sgiliau yn y Gymraeg: Deall Cymraeg llafar a Siarad Cymraeg',
      'people-count | Faint o bobl sy’n byw ar eich aelwyd? | Nifer y bobl: 3',
    ]);
  });
});

describe('buildSummary of lists', () => {
  it('gives each repeat of a repeating section its own entry, titled for its item', () => {
    const q = fixture('repeating-section');
    const ann = { 'date-of-birth-answer': '1980-05-17', 'sex-answer': 'female', 'paid-work-answer': 'yes' };
    const child = {
      'first-name': 'Cai',
      'last-name': 'Jones',
      'date-of-birth-answer': '2015-03-02',
      'sex-answer': 'female',
    };
    const state = respond(q, { items: { people: [{ ...people(['Ann', 'Jones'])[0], ...ann }, child] } });
    const [first, cai] = state.lists.people?.items ?? [];
    const sections = buildSummary(q, state, { lang: 'en', today: TODAY });
    expect(sections.map((s) => [s.section, s.item])).toEqual([
      ['household', undefined],
      ['personal-details', first],
      ['personal-details', cai],
    ]);
    expect(lines(sections.slice(1))).toEqual([
      '# Ann Jones',
      `date-of-birth@${first} | What is Ann Jones’ date of birth? | Date of birth: 17 May 1980`,
      `sex@${first} | What is Ann Jones’ sex? | Sex: Female`,
      `paid-work@${first} | In the last 7 days, did Ann Jones do any paid work? | Paid work: Yes`,
      '# Cai Jones',
      `date-of-birth@${cai} | What is Cai Jones’ date of birth? | Date of birth: 2 March 2015`,
      `sex@${cai} | What is Cai Jones’ sex? | Sex: Female`,
    ]);
    expect(sections[2]?.groups[0]?.kind === 'question' && sections[2].groups[0].change).toEqual(
      pageAt('personal-details', 'date-of-birth', cai),
    );
  });

  it('gives only the repeat asked for', () => {
    const q = fixture('repeating-section');
    const state = respond(q, { items: { people: people(['Ann', 'Jones'], ['Cai', 'Jones']) } });
    const cai = state.lists.people?.items[1] ?? '';
    const sections = buildSummary(q, state, { lang: 'en', today: TODAY, section: 'personal-details', item: cai });
    expect(sections.map((s) => [s.item, s.title])).toEqual([[cai, 'Cai Jones']]);
  });

  it('shows a list collector as its items, each to change and remove, and a link to add one', () => {
    const q = fixture('list-collector-primary-person');
    const state = respond(q, { items: { people: people(['Siân', 'Evans'], ['Cai', 'Evans']) } });
    const [you, other] = state.lists.people?.items ?? [];
    const groups = buildSummary(q, state, { lang: 'en', today: TODAY })[0]?.groups ?? [];
    expect(groups.map(line)).toEqual([
      'you-live-here | Do you usually live at this address? | You live here: Yes',
      'household-members | People who live here | Siân Evans, Cai Evans',
    ]);
    expect(groups[1]).toEqual({
      kind: 'list',
      page: 'household-members',
      list: 'people',
      title: 'People who live here',
      items: [
        { item: you, label: 'Siân Evans', change: pageAt('household', 'person-name', you) },
        {
          item: other,
          label: 'Cai Evans',
          change: pageAt('household', 'person-name', other),
          remove: pageAt('household', 'remove-person', other),
        },
      ],
      add: pageAt('household', 'person-name'),
    });
  });

  it('shows a relationships question once per pair, worded for the pair', () => {
    const q = fixture('relationships');
    const state = respond(q, {
      items: { people: people(['Siân', 'Evans'], ['Cai', 'Evans'], ['Mari', 'Jones']) },
      relationships: { '0>1': 'son-or-daughter', '0>2': 'unrelated', '1>2': 'unrelated' },
    });
    const [a, b, c] = state.lists.people?.items ?? [];
    const groups = buildSummary(q, state, { lang: 'en', today: TODAY })[0]?.groups ?? [];
    expect(groups.filter((g) => g.page === 'relationships').map(line)).toEqual([
      `relationships@${a}>${b} | Thinking of yourself, Cai Evans is your … | Relationship: Son or daughter`,
      `relationships@${a}>${c} | Thinking of yourself, Mari Jones is your … | Relationship: Unrelated`,
      `relationships@${b}>${c} | Thinking of Cai Evans, Mari Jones is their … | Relationship: Unrelated`,
    ]);
    const pair = groups.find((g) => g.kind === 'question' && g.to === c && g.item === b);
    expect(pair?.kind === 'question' && pair.answers[0]?.change).toEqual(pageAt('household', 'relationships', b, c));
  });
});

describe('buildSummary of a hostile state', () => {
  it('shows values of the wrong type or unknown options as unanswered, and never throws', () => {
    const q = fixture('answers-options');
    const state: ResponseState = {
      answers: { 'breakfast-answer': 42, 'drinks-answer': ['tea', 'bogus'], 'region-answer': { toString: 'x' } },
      itemAnswers: { constructor: { x: 1 } },
      lists: { people: { items: ['__proto__'] } },
      completed: ['breakfast', 'drinks', 'cups', 'region', 'constructor'],
      metadata: {},
    };
    expect(lines(buildSummary(q, state, { lang: 'xx', today: TODAY }))).toEqual([
      '# Your breakfast',
      'breakfast | What did you usually eat for breakfast last week? | Usual breakfast: (not answered)',
      'drinks | Which of these drinks did you have last week? | Drinks: Tea',
      'cups | On a usual day, how many hot drinks do you have? | Hot drinks a day: (not answered)',
      'region | Which region of England do you live in? | Region: (not answered)',
    ]);
  });
});

describe('buildSummary of a large household', () => {
  it('gives each of 50 people their section, and every pair its relationship, in Welsh too', () => {
    const census = example('census-household');
    const { state, people, complete } = household(census, 50, { seed: 1, today: TODAY });
    expect(complete).toBe(true);
    expect(isComplete(census, state, { today: TODAY })).toBe(true);
    const summary = buildSummary(census, state, { lang: 'cy', today: TODAY });
    expect(summary.filter((s) => s.section === 'individual').map((s) => s.item)).toEqual(people);
    const pairs = summary.flatMap((s) => s.groups).filter((g) => g.kind === 'question' && g.to !== undefined);
    expect(pairs).toHaveLength(1225);
    expect(pairs.every((g) => g.kind === 'question' && g.answers[0]?.value !== undefined)).toBe(true);
  });
});
