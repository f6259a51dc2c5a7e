import { addToDate, todayIso } from '@eq/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { dateFields as date, type Fields, walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

type Steps = [page: string, fields?: Fields][];

/** Starts the fixture on its open link and answers the steps; returns where the respondent is sent. */
async function route(slug: string, steps: Steps): Promise<string> {
  const browser = new Browser(runner.app);
  await browser.open(`/s/${slug}`);
  return walk(browser, steps);
}

describe('routing with == and != (routing-equals)', () => {
  it('sends renters to the landlord question', async () => {
    expect(await route('routing-equals', [['tenure', { 'tenure-answer': 'rent' }]])).toBe('/questionnaire/landlord');
  });

  it('asks owners about their mortgage, then the accommodation type', async () => {
    const steps: Steps = [
      ['tenure', { 'tenure-answer': 'own' }],
      ['mortgage', { 'mortgage-answer': 'no' }],
    ];
    expect(await route('routing-equals', steps)).toBe('/questionnaire/accommodation-type');
  });

  it('sends everyone but owners and renters past the mortgage question', async () => {
    const to = await route('routing-equals', [['tenure', { 'tenure-answer': 'rent-free' }]]);
    expect(to).toBe('/questionnaire/accommodation-type');
  });
});

describe('routing with <, <=, > and >= (routing-comparisons)', () => {
  it.each([
    ['9', 'micro-business'],
    ['10', 'small-business'],
    ['49', 'small-business'],
    ['50', 'medium-business'],
    ['249', 'medium-business'],
    ['250', 'large-business'],
  ])('sends a business of %s employees to the %s page, then to turnover', async (count, page) => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-comparisons');
    expect(await walk(browser, [['employees', { 'employee-count': count }]])).toBe(`/questionnaire/${page}`);
    expect(await walk(browser, [[page]])).toBe('/questionnaire/turnover');
  });
});

describe('routing with and (routing-and)', () => {
  it('asks people aged 16 or over in paid work about their hours', async () => {
    const steps: Steps = [
      ['age', { 'age-answer': '16' }],
      ['paid-work', { 'paid-work-answer': 'yes' }],
    ];
    expect(await route('routing-and', steps)).toBe('/questionnaire/hours-worked');
  });

  it.each([
    ['15', 'yes'],
    ['40', 'no'],
  ])('ends the section for someone aged %s answering %s', async (age, work) => {
    const steps: Steps = [
      ['age', { 'age-answer': age }],
      ['paid-work', { 'paid-work-answer': work }],
    ];
    expect(await route('routing-and', steps)).toBe('/questionnaire/not-in-scope');
    expect(await route('routing-and', [...steps, ['not-in-scope']])).toBe('/questionnaire/summary');
  });
});

describe('routing with or (routing-or)', () => {
  it.each([
    ['yes', 'no', 'course'],
    ['no', 'yes', 'course'],
    ['no', 'no', 'not-in-training'],
  ])('sends a student (%s) or apprentice (%s) to %s', async (student, apprentice, page) => {
    const steps: Steps = [
      ['student', { 'student-answer': student }],
      ['apprentice', { 'apprentice-answer': apprentice }],
    ];
    expect(await route('routing-or', steps)).toBe(`/questionnaire/${page}`);
  });
});

describe('routing with not (routing-not)', () => {
  it('skips the India questions for someone who did not visit India', async () => {
    const to = await route('routing-not', [
      ['countries-visited', { 'countries-visited-answer': ['azerbaijan', 'malta'] }],
    ]);
    expect(to).toBe('/questionnaire/not-visited-india');
  });

  it('asks someone who visited India about the trip', async () => {
    const steps: Steps = [['countries-visited', { 'countries-visited-answer': ['india'] }], ['visited-india']];
    expect(await route('routing-not', steps)).toBe('/questionnaire/trip-purpose');
  });
});

describe('routing with in, any-in and all-in (routing-in)', () => {
  it.each([
    ['wales', 'england-or-wales'],
    ['scotland', 'outside-england-and-wales'],
  ])('sends someone living in %s to %s', async (country, page) => {
    expect(await route('routing-in', [['home-country', { 'home-country-answer': country }]])).toBe(
      `/questionnaire/${page}`,
    );
  });

  it.each([
    [['azerbaijan', 'malta'], 'visited-india-or-malta', ['france', 'spain'], 'worked-only-in-europe'],
    [['liechtenstein'], 'not-visited-india-or-malta', ['germany', 'japan'], 'worked-outside-europe'],
  ])(
    'after visiting %j goes to %s; after working in %j goes to %s',
    async (visited, visitedPage, worked, workedPage) => {
      const browser = new Browser(runner.app);
      await browser.open('/s/routing-in');
      await walk(browser, [['home-country', { 'home-country-answer': 'england' }], ['england-or-wales']]);
      expect(await walk(browser, [['countries-visited', { 'countries-visited-answer': visited }]])).toBe(
        `/questionnaire/${visitedPage}`,
      );
      await walk(browser, [[visitedPage]]);
      expect(await walk(browser, [['countries-worked', { 'countries-worked-answer': worked }]])).toBe(
        `/questionnaire/${workedPage}`,
      );
    },
  );
});

describe('routing on a count of selections (routing-count)', () => {
  it('sends two or more toppings to the enough-toppings page, which shows the count', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-count');
    await walk(browser, [['toppings', { 'toppings-answer': ['cheese', 'ham', 'tuna'] }]]);
    expect(browser.page.url).toBe('/questionnaire/enough-toppings');
    expect(browser.page.html).toContain('You chose 3 toppings.');
  });

  it('sends one topping to the too-few-toppings page', async () => {
    const browser = new Browser(runner.app);
    await browser.open('/s/routing-count');
    await walk(browser, [['toppings', { 'toppings-answer': 'cheese' }]]);
    expect(browser.page.url).toBe('/questionnaire/too-few-toppings');
    expect(browser.page.html).toContain('but you chose 1.');
  });
});

describe('routing on answered and unanswered (routing-answered)', () => {
  it('asks for a good time to call when a number is given', async () => {
    expect(await route('routing-answered', [['contact-number', { 'contact-number-answer': '07700 900123' }]])).toBe(
      '/questionnaire/contact-time',
    );
  });

  it('goes past the call time without a number, and ends the section without comments', async () => {
    const steps: Steps = [['contact-number', { 'contact-number-answer': '' }], ['no-contact']];
    expect(await route('routing-answered', steps)).toBe('/questionnaire/comments');
    expect(await route('routing-answered', [...steps, ['comments', { 'comments-answer': '' }]])).toBe(
      '/questionnaire/summary',
    );
    expect(await route('routing-answered', [...steps, ['comments', { 'comments-answer': 'Thanks' }]])).toBe(
      '/questionnaire/comments-received',
    );
  });
});

describe('routing on dates (routing-dates)', () => {
  const today = () => todayIso(runner.services.now());

  it.each([
    [{ years: -11 }, 'long-established-business'],
    [{ years: -2 }, 'established-business'],
    [{ months: -3 }, 'new-business'],
  ])('sends a business that started trading %j from today to %s', async (offset, page) => {
    const steps: Steps = [['trading-start', date('trading-start-answer', addToDate(today(), offset))]];
    expect(await route('routing-dates', steps)).toBe(`/questionnaire/${page}`);
  });

  it.each([
    ['2024-05-02', 'long-period'],
    ['2024-05-01', 'standard-period'],
  ])('sends a period from 1 February 2024 to %s to %s', async (to, page) => {
    const steps: Steps = [
      ['trading-start', date('trading-start-answer', addToDate(today(), { years: -2 }))],
      ['established-business'],
      ['reporting-period', { ...date('period-from-answer', '2024-02-01'), ...date('period-to-answer', to) }],
    ];
    expect(await route('routing-dates', steps)).toBe(`/questionnaire/${page}`);
  });
});

describe('routing comparing two answers (routing-answer-comparison)', () => {
  it.each([
    ['1,000', '1200.50', 'turnover-increased'],
    ['1000', '1,000.00', 'turnover-unchanged'],
    ['1000', '999', 'turnover-decreased'],
  ])('after turnover of %s then %s goes to %s', async (last, current, page) => {
    const steps: Steps = [
      ['turnover-last-year', { 'turnover-last-year-answer': last }],
      ['turnover-this-year', { 'turnover-this-year-answer': current }],
    ];
    expect(await route('routing-answer-comparison', steps)).toBe(`/questionnaire/${page}`);
  });
});

describe('routing on metadata (routing-metadata)', () => {
  const launch = async (metadata: Record<string, string | number | boolean>) => {
    const respondent = new HttpRespondent(runner);
    await respondent.start('routing-metadata', { metadata });
    return respondent.browser;
  };
  const recent = () => addToDate(todayIso(runner.services.now()), { days: -7 }) ?? '';
  const old = () => addToDate(todayIso(runner.services.now()), { months: -3 }) ?? '';

  it('sends a first return straight to turnover, and others outside NI past the Ireland sales', async () => {
    const browser = await launch({ region: 'wales', period_end: recent(), register_employees: 10, first_return: true });
    expect(await walk(browser, [['trading', { 'trading-answer': 'yes' }]])).toBe('/questionnaire/turnover');
    expect(await walk(browser, [['turnover', { 'turnover-answer': '100' }]])).toBe('/questionnaire/employees');
  });

  it('asks a later return whether its activity changed, and a business in NI about sales to Ireland', async () => {
    const browser = await launch({ region: 'ni', period_end: recent(), register_employees: 10, first_return: false });
    expect(await walk(browser, [['trading', { 'trading-answer': 'yes' }]])).toBe('/questionnaire/activity-changed');
    await walk(browser, [['activity-changed', { 'activity-changed-answer': 'no' }]]);
    expect(await walk(browser, [['turnover', { 'turnover-answer': '100' }]])).toBe('/questionnaire/ireland-sales');
  });

  it.each([
    ['10', 'contact-name'],
    ['11', 'employee-increase'],
  ])('compares %s employees with the 10 on the register: goes to %s', async (employees, page) => {
    const browser = await launch({ region: 'wales', period_end: recent(), register_employees: 10, first_return: true });
    await walk(browser, [
      ['trading', { 'trading-answer': 'yes' }],
      ['turnover', { 'turnover-answer': '100' }],
    ]);
    expect(await walk(browser, [['employees', { 'employees-answer': employees }]])).toBe(`/questionnaire/${page}`);
  });

  it.each([
    ['a recent period', recent, 'summary'],
    ['a period that ended months ago', old, 'late-reason'],
  ])('after %s goes to %s', async (_name, periodEnd, page) => {
    const browser = await launch({
      region: 'wales',
      period_end: periodEnd(),
      register_employees: 10,
      first_return: true,
    });
    const to = await walk(browser, [
      ['trading', { 'trading-answer': 'yes' }],
      ['turnover', { 'turnover-answer': '100' }],
      ['employees', { 'employees-answer': '5' }],
      ['contact-name', { 'contact-name-answer': 'Siân' }],
    ]);
    expect(to).toBe(`/questionnaire/${page}`);
  });
});

describe('routing on the number of list items (routing-list-count)', () => {
  const add = (first: string): Steps => [
    ['household-members', { 'anyone-else-answer': 'yes' }],
    ['person-name', { 'first-name': first, 'last-name': 'Jones' }],
  ];

  it.each([
    [0, 'empty-address'],
    [1, 'living-alone'],
    [2, 'shared-kitchen'],
  ])('with %i people goes to %s', async (people, page) => {
    const steps: Steps = [...(people > 0 ? add('Ann') : []), ...(people > 1 ? add('Ben') : [])];
    const to = await route('routing-list-count', [...steps, ['household-members', { 'anyone-else-answer': 'no' }]]);
    expect(to).toBe(`/questionnaire/${page}`);
  });
});

describe('ending a section or the questionnaire early (routing-section-end)', () => {
  it('skips the rest of a section, then the remaining sections', async () => {
    const to = await route('routing-section-end', [
      ['travelled', { 'travelled-answer': 'no' }],
      ['more-questions', { 'more-questions-answer': 'no' }],
    ]);
    expect(to).toBe('/questionnaire/summary');
  });

  it('carries on through every section otherwise', async () => {
    const to = await route('routing-section-end', [
      ['travelled', { 'travelled-answer': 'yes' }],
      ['trips', { 'trips-answer': '2' }],
      ['more-questions', { 'more-questions-answer': 'yes' }],
      ['contact-consent', { 'contact-consent-answer': 'yes' }],
      ['hobbies', { 'hobbies-answer': ['sport'] }],
    ]);
    expect(to).toBe('/questionnaire/summary');
  });
});
