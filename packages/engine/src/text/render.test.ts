import { describe, expect, it } from 'vitest';
import { emptyState, type ResponseState } from '../state.ts';
import { questionnaire, questionPage } from '../testing/build.ts';
import { evalContext } from '../testing/context.ts';
import { placeholderNames, type RenderContext, renderText } from './render.ts';

const yesNo = [
  { value: 'yes', label: { en: 'Yes', cy: 'Ie' } },
  { value: 'no', label: { en: 'No', cy: 'Na' } },
];
const radio = (id: string) => ({ id, type: 'radio', label: 'Choose', qCode: id, options: yesNo });

const q = questionnaire({
  languages: ['en', 'cy'],
  metadata: [
    { name: 'ru_name', type: 'string' },
    { name: 'period_start', type: 'date' },
  ],
  placeholders: {
    company: { value: { metadata: 'ru_name' } },
    company_possessive: { value: { metadata: 'ru_name' }, format: { type: 'possessive' } },
    period_start: { value: { metadata: 'period_start' }, format: { type: 'date' } },
    period_raw: { value: { metadata: 'period_start' } },
    name: { value: { answer: 'name' } },
    owns: { value: { answer: 'owns' } },
    transport: { value: { answer: 'transport' } },
    staff: { value: { answer: 'staff' } },
    turnover: { value: { answer: 'turnover' } },
    share: { value: { answer: 'share' } },
    area: { value: { answer: 'area' } },
    dob: { value: { answer: 'dob' } },
    started: { value: { answer: 'started' } },
    built: { value: { answer: 'built' } },
    lived: { value: { answer: 'lived' } },
    home: { value: { answer: 'home' } },
    total: { value: { calculated: 'costs-total' }, format: { type: 'currency' } },
    total_plain: { value: { calculated: 'costs-total' } },
    person_name: { value: { itemLabel: 'current' } },
    person_possessive: { value: { itemLabel: 'current' }, format: { type: 'possessive' } },
    primary_name: { value: { itemLabel: 'primary' } },
    everyone: { value: { itemLabels: 'people' } },
    everyone_or: { value: { itemLabels: 'people' }, format: { type: 'list', style: 'or' } },
    first_name: { value: { answer: 'first-name' } },
    all_first_names: { value: { answer: 'first-name', item: 'all' } },
    all_drivers: { value: { answer: 'drives', item: 'all' } },
    person_age: { value: { answer: 'age' } },
    person_rank: { value: { answer: 'age' }, format: { type: 'ordinal' } },
    staff_count: {
      plural: {
        count: { answer: 'staff' },
        forms: {
          en: { one: '{count} employee', other: '{count} employees' },
          cy: {
            zero: '{count} gweithwyr',
            one: '{count} gweithiwr',
            two: '{count} weithiwr',
            few: '{count} gweithiwr',
            many: '{count} gweithiwr',
            other: '{count} gweithiwr',
          },
        },
      },
    },
    people_count: {
      plural: { count: { listCount: 'people' }, forms: { en: { one: '{count} person', other: '{count} people' } } },
    },
    missing_count: { plural: { count: { answer: 'share' }, forms: { en: { other: '{count} per cent' } } } },
  },
  sections: [
    {
      id: 'company',
      title: 'Company',
      pages: [
        questionPage('about', [
          { id: 'name', type: 'text', label: 'Name', qCode: 'n' },
          radio('owns'),
          {
            id: 'transport',
            type: 'checkbox',
            label: 'Transport',
            qCode: 't',
            options: [
              { value: 'car', label: { en: 'Car', cy: 'Car' } },
              { value: 'bus', label: { en: 'Bus', cy: 'Bws' } },
            ],
          },
          { id: 'staff', type: 'number', label: 'Staff', qCode: 's' },
          { id: 'turnover', type: 'currency', label: 'Turnover', qCode: 'tu' },
          { id: 'share', type: 'percentage', label: 'Share', qCode: 'sh' },
          { id: 'area', type: 'unit', label: 'Area', qCode: 'a', unit: 'square-meter', unitLength: 'long' },
          { id: 'dob', type: 'date', label: 'Date', qCode: 'd' },
          { id: 'started', type: 'monthYear', label: 'Started', qCode: 'st' },
          { id: 'built', type: 'year', label: 'Built', qCode: 'b' },
          { id: 'lived', type: 'duration', label: 'Lived', qCode: 'l' },
          { id: 'home', type: 'address', label: 'Home', qCode: 'h' },
        ]),
        questionPage('costs', [
          { id: 'cost-a', type: 'currency', label: 'A', qCode: 'ca' },
          { id: 'cost-b', type: 'currency', label: 'B', qCode: 'cb' },
        ]),
        { id: 'costs-total', kind: 'calculatedSummary', title: 'Total', answers: ['cost-a', 'cost-b'] },
      ],
    },
    {
      id: 'household',
      title: 'Household',
      pages: [
        {
          id: 'people-collector',
          kind: 'listCollector',
          list: 'people',
          itemLabel: { concat: [{ answer: 'first-name' }, { answer: 'last-name' }] },
          question: { id: 'anyone-q', title: 'Anyone else?', answers: [radio('anyone')] },
          addValue: 'yes',
          itemPage: {
            id: 'person-details',
            question: {
              id: 'person-q',
              title: 'Who?',
              answers: [
                { id: 'first-name', type: 'text', label: 'First name', qCode: 'fn' },
                { id: 'last-name', type: 'text', label: 'Last name', qCode: 'ln' },
                radio('drives'),
              ],
            },
          },
          removePage: {
            id: 'person-remove',
            question: { id: 'remove-q', title: 'Remove?', answers: [radio('remove')] },
          },
          removeValue: 'yes',
        },
      ],
    },
    {
      id: 'individual',
      title: 'Individual',
      repeat: { list: 'people', title: '{person_name}' },
      pages: [questionPage('age-page', [{ id: 'age', type: 'number', label: 'Age', qCode: 'ag' }])],
    },
  ],
});

function household(): ResponseState {
  const state = emptyState({ ru_name: 'Acme {company} Ltd', period_start: '2024-04-01' });
  state.lists.people = { items: ['p1', 'p2', 'p3'], primary: 'p1' };
  state.itemAnswers = {
    p1: { 'first-name': 'Alice', 'last-name': 'Jones', drives: 'yes', age: 41 },
    p2: { 'first-name': 'James', drives: 'no', age: 22 },
    p3: { 'first-name': 'Eira', 'last-name': 'Evans', drives: 'yes', age: 3 },
  };
  return state;
}

function render(text: Parameters<typeof renderText>[0], context: Partial<RenderContext> = {}): string {
  return renderText(text, evalContext(q, household(), { lang: 'en', ...context }));
}

function withAnswers(answers: Record<string, unknown>): ResponseState {
  const state = household();
  state.answers = answers;
  return state;
}

describe('renderText', () => {
  it('writes the text in the language asked for, falling back to the default language', () => {
    const text = { en: 'Hello', cy: 'Helo' };
    expect(render(text, { lang: 'cy' })).toBe('Helo');
    expect(render({ en: 'Hello' }, { lang: 'cy' })).toBe('Hello');
    expect(render(undefined)).toBe('');
  });

  it('pipes metadata, formatted when a format is given', () => {
    expect(render('Does {company_possessive} office open on {period_start}?')).toBe(
      'Does Acme {company} Ltd’s office open on 1 April 2024?',
    );
    expect(render('Ers {period_start}', { lang: 'cy' })).toBe('Ers 1 Ebrill 2024');
    expect(render('{period_raw}')).toBe('2024-04-01');
  });

  it('pipes each type of answer as the answer writes it', () => {
    const state = withAnswers({
      name: 'Alice',
      owns: 'yes',
      transport: ['car', 'bus'],
      staff: 1250,
      turnover: 1500.5,
      share: 45,
      area: 2,
      dob: '1990-07-04',
      started: '2020-09',
      built: 1999,
      lived: { years: 2, months: 3 },
      home: { line1: '1 High Street', town: 'Newport', postcode: 'NP10 8XG' },
    });
    const text = '{name}|{owns}|{transport}|{staff}|{turnover}|{share}|{area}|{dob}|{started}|{built}|{lived}|{home}';
    expect(render(text, { state })).toBe(
      'Alice|Yes|Car and Bus|1,250|£1,500.50|45%|2 square metres|4 July 1990|September 2020|1999|2 years 3 months|1 High Street, Newport, NP10 8XG',
    );
    expect(render(text, { state, lang: 'cy' })).toBe(
      'Alice|Ie|Car a Bws|1,250|£1,500.50|45%|2 fetr sgwâr|4 Gorffennaf 1990|Medi 2020|1999|2 flynedd 3 mis|1 High Street, Newport, NP10 8XG',
    );
  });

  it('writes an unanswered or invalid answer as nothing', () => {
    expect(render('[{name}][{staff}]', { state: withAnswers({ staff: 'lots' }) })).toBe('[][]');
  });

  it('pipes a calculated total', () => {
    const state = withAnswers({ 'cost-a': 100, 'cost-b': 50.25 });
    expect(render('Total {total} ({total_plain})', { state })).toBe('Total £150.25 (150.25)');
  });

  it("pipes the current list item's label and answers", () => {
    expect(render('Is {person_name} {person_age}?', { item: 'p2' })).toBe('Is James 22?');
    expect(render('{person_possessive} age', { item: 'p2' })).toBe('James’ age');
    expect(render('{person_possessive} age', { item: 'p1' })).toBe('Alice Jones’ age');
    expect(render('{person_possessive} oed', { item: 'p1', lang: 'cy' })).toBe('Alice Jones oed');
    expect(render('{first_name} is {person_rank}', { item: 'p3' })).toBe('Eira is 3rd');
  });

  it('pipes the primary item label and all item labels as a list', () => {
    expect(render('{primary_name}', { item: 'p3' })).toBe('Alice Jones');
    expect(render('{primary_name}')).toBe('Alice Jones');
    expect(render('{everyone}')).toBe('Alice Jones, James and Eira Evans');
    expect(render('{everyone}', { lang: 'cy' })).toBe('Alice Jones, James ac Eira Evans');
    expect(render('{everyone_or}')).toBe('Alice Jones, James or Eira Evans');
  });

  it("writes every item's answer as a list, each as the answer writes it", () => {
    expect(render('{all_first_names}')).toBe('Alice, James and Eira');
    expect(render('{all_drivers}', { lang: 'cy' })).toBe('Ie, Na ac Ie');
  });

  it('writes nothing for a list item answer outside any item', () => {
    expect(render('[{person_name}][{first_name}]')).toBe('[][]');
  });

  it('chooses the English plural form by count', () => {
    const text = 'We have {staff_count}';
    expect(render(text, { state: withAnswers({ staff: 1 }) })).toBe('We have 1 employee');
    expect(render(text, { state: withAnswers({ staff: 0 }) })).toBe('We have 0 employees');
    expect(render(text, { state: withAnswers({ staff: 1200 }) })).toBe('We have 1,200 employees');
  });

  it('chooses among all six Welsh plural forms', () => {
    const forms = [0, 1, 2, 3, 4, 6, 10].map((staff) =>
      render('{staff_count}', { lang: 'cy', state: withAnswers({ staff }) }),
    );
    expect(forms).toEqual([
      '0 gweithwyr',
      '1 gweithiwr',
      '2 weithiwr',
      '3 gweithiwr',
      '4 gweithiwr',
      '6 gweithiwr',
      '10 gweithiwr',
    ]);
  });

  it('uses the default language forms, and their plural rules, when a language has none', () => {
    expect(render('{people_count}', { lang: 'cy' })).toBe('3 people');
    const one = household();
    one.lists.people = { items: ['p1'] };
    expect(render('{people_count}', { lang: 'cy', state: one })).toBe('1 person');
  });

  it('writes nothing for a plural whose count is missing', () => {
    expect(render('[{missing_count}]')).toBe('[]');
  });

  it('leaves unknown placeholders and braces that are not placeholders as written', () => {
    expect(render('{unknown} {Name} { name} {1st} {} {name {constructor} {__proto__} {toString}')).toBe(
      '{unknown} {Name} { name} {1st} {} {name {constructor} {__proto__} {toString}',
    );
  });

  it('keeps markup and never escapes piped values', () => {
    const state = withAnswers({ name: '<script>alert("x")</script> & co' });
    expect(render('<strong>{name}</strong>', { state })).toBe('<strong><script>alert("x")</script> & co</strong>');
  });

  it('never expands placeholders inside piped values', () => {
    const state = withAnswers({ name: '{company} {name} $& $1' });
    expect(render('Hello {name}', { state })).toBe('Hello {company} {name} $& $1');
    expect(render('{company}')).toBe('Acme {company} Ltd');
  });
});

describe('placeholderNames', () => {
  it('lists the names used in any language, each once', () => {
    expect(placeholderNames({ en: '{a} and {b_2} and {a}', cy: '{c} {Not} {b_2}' })).toEqual(['a', 'b_2', 'c']);
    expect(placeholderNames('no placeholders { here }')).toEqual([]);
  });
});
