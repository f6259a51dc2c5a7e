import type { Answer, Question } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { questionnaire, section } from '../testing/build.ts';
import { evalContext } from '../testing/context.ts';
import type { FormInput } from './form.ts';
import { type ValidationContext, validateQuestion } from './validate.ts';

/** Answers given on an earlier page, which bounds and totals can refer to. */
const earlier: Question = {
  id: 'earlier',
  title: 'Earlier',
  answers: [
    { id: 'income', label: 'Income', qCode: '10', type: 'currency' },
    { id: 'unanswered', label: 'Unanswered', qCode: '11', type: 'number' },
  ],
};

function setup(question: Question, lang = 'en'): ValidationContext {
  const q = questionnaire({
    languages: ['en', 'cy'],
    metadata: [
      { name: 'period_start', type: 'date' },
      { name: 'employees', type: 'number' },
    ],
    placeholders: {
      employees: { value: { metadata: 'employees' } },
      income: { value: { answer: 'income' } },
      total: { value: { answer: 'total' } },
    },
    pages: [
      { id: 'p-earlier', kind: 'question', question: earlier },
      { id: 'p-sum', kind: 'calculatedSummary', title: 'Total', answers: ['income'] },
      { id: 'p', kind: 'question', question },
    ],
  });
  const state = { metadata: { period_start: '2024-04-01', employees: 12 }, answers: { income: 5000 } };
  return evalContext(q, state, { today: '2024-06-15', lang });
}

const ask = (answers: Answer[], extra: Partial<Question> = {}): Question => ({
  id: 'q',
  title: 'Question',
  answers,
  ...extra,
});

function validate(question: Question, form: FormInput, lang = 'en') {
  return validateQuestion(question, form, setup(question, lang));
}

const base = { label: 'Label', qCode: 'q' };
const num = (extra: Partial<Extract<Answer, { type: 'number' }>> = {}): Answer => ({
  ...base,
  id: 'n',
  type: 'number',
  ...extra,
});

describe('validating a question', () => {
  it('returns typed values and no errors for a good submission', () => {
    const q = ask([num(), { ...base, id: 'name', type: 'text' }]);
    expect(validate(q, { n: '1,200', name: ' Jo ' })).toEqual({ values: { n: 1200, name: 'Jo' }, errors: [] });
  });

  it('leaves an optional answer unanswered without complaint', () => {
    expect(validate(ask([num()]), { n: '' })).toEqual({ values: { n: undefined }, errors: [] });
  });

  it('asks for a mandatory answer in the respondent’s language', () => {
    const q = ask([num({ mandatory: true })]);
    expect(validate(q, {}).errors).toEqual([
      { answerId: 'n', field: 'n', code: 'mandatory', message: 'Enter an answer' },
    ]);
    expect(validate(q, {}, 'cy').errors[0]?.message).toBe('Rhowch ateb');
  });

  it('links a missing mandatory date to its day field', () => {
    const q = ask([{ ...base, id: 'dob', type: 'date', mandatory: true }]);
    expect(validate(q, {}).errors[0]).toMatchObject({ field: 'dob-day', code: 'mandatory', message: 'Enter a date' });
  });

  it('requires at least one box ticked for a mandatory checkbox', () => {
    const q = ask([{ ...base, id: 'c', type: 'checkbox', mandatory: true, options: [{ value: 'a', label: 'A' }] }]);
    expect(validate(q, { c: [] }).errors[0]?.message).toBe('Select at least one answer');
    expect(validate(q, { c: ['a'] }).errors).toEqual([]);
  });

  it('reports only the first problem with an answer', () => {
    const q = ask([num({ mandatory: true, min: { value: 10 } })]);
    expect(validate(q, { n: 'ten' }).errors).toEqual([
      { answerId: 'n', field: 'n', code: 'invalidNumber', message: 'Enter a number' },
    ]);
  });

  it('reports each answer of the question separately', () => {
    const q = ask([num({ mandatory: true }), { ...base, id: 'e', type: 'email' }]);
    expect(validate(q, { e: 'nope' }).errors.map((e) => [e.answerId, e.code])).toEqual([
      ['n', 'mandatory'],
      ['e', 'invalidEmail'],
    ]);
  });

  it('uses the pattern’s own message, then the answer’s, then the default', () => {
    const pattern = { regex: '\\d{4}', message: { en: 'Enter 4 digits', cy: 'Rhowch 4 digid' } };
    const text: Answer = { ...base, id: 't', type: 'text', pattern };
    expect(validate(ask([text]), { t: 'abc' }, 'cy').errors[0]?.message).toBe('Rhowch 4 digid');
    const plain: Answer = { ...text, pattern: { regex: '\\d{4}' }, messages: { patternMismatch: 'Use 4 digits' } };
    expect(validate(ask([plain]), { t: 'abc' }).errors[0]?.message).toBe('Use 4 digits');
  });
});

describe('numeric bounds', () => {
  it('refuses a number below an inclusive minimum and accepts the minimum itself', () => {
    const q = ask([num({ min: { value: 0 } })]);
    expect(validate(q, { n: '-1' }).errors[0]).toMatchObject({
      code: 'belowMinimum',
      message: 'Enter a number more than or equal to 0',
    });
    expect(validate(q, { n: '0' }).errors).toEqual([]);
  });

  it('refuses the bound itself when it is exclusive', () => {
    const q = ask([num({ max: { value: 100, exclusive: true } })]);
    expect(validate(q, { n: '100' }).errors[0]).toMatchObject({
      code: 'aboveMaximum',
      message: 'Enter a number less than 100',
    });
    expect(validate(q, { n: '99' }).errors).toEqual([]);
  });

  it('keeps numbers within ±999,999,999,999,999 when the answer sets no bounds', () => {
    expect(validate(ask([num()]), { n: '1,000,000,000,000,000' }).errors[0]?.message).toBe(
      'Enter a number less than or equal to 999,999,999,999,999',
    );
    expect(validate(ask([num()]), { n: '-999,999,999,999,999' }).errors).toEqual([]);
  });

  it('takes a bound from an answer given earlier, formatted as money', () => {
    const q = ask([{ ...base, id: 'spend', type: 'currency', max: { value: { answer: 'income' } } }]);
    expect(validate(q, { spend: '£5,000.01' }).errors[0]?.message).toBe('Enter an amount less than or equal to £5,000');
    expect(validate(q, { spend: '£5,000' }).errors).toEqual([]);
  });

  it('takes a bound from another answer of the same question as just submitted', () => {
    const q = ask([
      { ...base, id: 'total', type: 'number' },
      { ...base, id: 'part', type: 'number', max: { value: { answer: 'total' } } },
    ]);
    expect(validate(q, { total: '10', part: '11' }).errors[0]).toMatchObject({
      answerId: 'part',
      code: 'aboveMaximum',
    });
    expect(validate(q, { total: '12', part: '11' }).errors).toEqual([]);
  });

  it('takes a bound from metadata and from a calculated total', () => {
    const q = ask([num({ max: { value: { metadata: 'employees' } } })]);
    expect(validate(q, { n: '13' }).errors[0]?.message).toBe('Enter a number less than or equal to 12');
    const c = ask([num({ min: { value: { calculated: 'p-sum' }, exclusive: true } })]);
    expect(validate(c, { n: '5000' }).errors[0]?.message).toBe('Enter a number more than 5,000');
  });

  it('does not apply a bound that refers to an unanswered answer', () => {
    const q = ask([num({ min: { value: { answer: 'unanswered' } } })]);
    expect(validate(q, { n: '-50' }).errors).toEqual([]);
  });

  it('shows the bound’s own message when it has one', () => {
    const q = ask([num({ max: { value: 10, message: { en: 'Too many', cy: 'Gormod' } } })]);
    expect(validate(q, { n: '11' }, 'cy').errors[0]?.message).toBe('Gormod');
  });

  it('formats bounds of percentages in Welsh', () => {
    const q = ask([{ ...base, id: 'p', type: 'percentage', max: { value: 100 } }]);
    expect(validate(q, { p: '101%' }, 'cy').errors[0]?.message).toBe('Rhowch ganran sy’n llai na neu’n hafal i 100%');
  });
});

describe('date bounds', () => {
  const dob = (extra: Partial<Extract<Answer, { type: 'date' }>>): Answer => ({
    ...base,
    id: 'dob',
    type: 'date',
    ...extra,
  });
  const on = (d: string, m: string, y: string) => ({ 'dob-day': d, 'dob-month': m, 'dob-year': y });

  it('refuses a date after today offset by 16 years, in English and Welsh', () => {
    const q = ask([dob({ max: { value: { date: 'today', offset: { years: -16 } } } })]);
    expect(validate(q, on('16', '6', '2008')).errors[0]).toMatchObject({
      field: 'dob-day',
      code: 'dateTooLate',
      message: 'Enter a date that is on or before 15 June 2008',
    });
    expect(validate(q, on('16', '6', '2008'), 'cy').errors[0]?.message).toBe(
      'Rhowch ddyddiad sydd ar 15 Mehefin 2008 neu cyn hynny',
    );
    expect(validate(q, on('15', '6', '2008')).errors).toEqual([]);
  });

  it('takes an exclusive minimum from metadata', () => {
    const q = ask([dob({ min: { value: { metadata: 'period_start' }, exclusive: true } })]);
    expect(validate(q, on('1', '4', '2024')).errors[0]?.message).toBe('Enter a date that is after 1 April 2024');
    expect(validate(q, on('2', '4', '2024')).errors).toEqual([]);
  });

  it('checks a date range within one question', () => {
    const q = ask([
      { ...base, id: 'from', type: 'date' },
      { ...base, id: 'to', type: 'date', min: { value: { answer: 'from' }, exclusive: true } },
    ]);
    const form = {
      'from-day': '10',
      'from-month': '5',
      'from-year': '2024',
      'to-day': '1',
      'to-month': '5',
      'to-year': '2024',
    };
    expect(validate(q, form).errors[0]).toMatchObject({ answerId: 'to', field: 'to-day', code: 'dateTooEarly' });
  });

  it('compares a month and year with the bound’s month', () => {
    const q = ask([{ ...base, id: 'm', type: 'monthYear', min: { value: '2020-06-15' } }]);
    expect(validate(q, { 'm-month': '6', 'm-year': '2020' }).errors).toEqual([]);
    expect(validate(q, { 'm-month': '5', 'm-year': '2020' }).errors[0]?.message).toBe(
      'Enter a date that is in or after June 2020',
    );
  });

  it('compares a year with the year of a date bound', () => {
    const q = ask([{ ...base, id: 'y', type: 'year', max: { value: { date: 'today' } } }]);
    expect(validate(q, { y: '2024' }).errors).toEqual([]);
    expect(validate(q, { y: '2025' }).errors[0]?.message).toBe('Enter 2024 or an earlier year');
  });

  it('takes a year as the bound of a year answer', () => {
    const q = ask([{ ...base, id: 'y', type: 'year', min: { value: 1900, exclusive: true } }]);
    expect(validate(q, { y: '1900' }).errors[0]?.message).toBe('Enter a year after 1900');
    expect(validate(q, { y: '1901' }).errors).toEqual([]);
  });

  it('does not apply a number as the bound of a date, which the static checks refuse', () => {
    const q = ask([dob({ min: { value: 2000 } })]);
    expect(validate(q, on('1', '1', '1990')).errors).toEqual([]);
  });
});

describe('duration bounds', () => {
  const q = ask([{ ...base, id: 'd', type: 'duration', min: { months: 6 }, max: { years: 5 } }]);

  it('refuses a duration outside its minimum and maximum', () => {
    expect(validate(q, { 'd-years': '0', 'd-months': '5' }).errors[0]).toMatchObject({
      field: 'd-years',
      code: 'belowMinimum',
      message: 'Enter a period of at least 6 months',
    });
    expect(validate(q, { 'd-years': '5', 'd-months': '1' }).errors[0]?.message).toBe(
      'Enter a period of no more than 5 years',
    );
    expect(validate(q, { 'd-years': '5', 'd-months': '0' }).errors).toEqual([]);
  });
});

describe('inside a list item', () => {
  const q = ask([
    { ...base, id: 'age', type: 'number' },
    { ...base, id: 'years-here', type: 'number', max: { value: { answer: 'age' } } },
  ]);
  const people = questionnaire({
    sections: [
      section('person', [{ id: 'p', kind: 'question', question: q }], { repeat: { list: 'people', title: 'Person' } }),
    ],
  });

  it("compares with the same item's answers as just submitted", () => {
    const state = { lists: { people: { items: ['ann', 'bob'] } }, itemAnswers: { bob: { age: 90 } } };
    const ctx = evalContext(people, state, { today: '2024-06-15', lang: 'en', item: 'ann' });
    expect(validateQuestion(q, { age: '30', 'years-here': '31' }, ctx).errors[0]).toMatchObject({
      answerId: 'years-here',
      message: 'Enter a number less than or equal to 30',
    });
    expect(validateQuestion(q, { age: '30', 'years-here': '30' }, ctx).errors).toEqual([]);
  });
});

describe('custom messages with placeholders', () => {
  it('fills in a bound’s message from metadata', () => {
    const q = ask([num({ max: { value: { metadata: 'employees' }, message: 'Enter {employees} or fewer' } })]);
    expect(validate(q, { n: '13' }).errors[0]?.message).toBe('Enter 12 or fewer');
  });

  it('fills in an answer of the same question as just submitted', () => {
    const q = ask([
      { ...base, id: 'total', type: 'number' },
      {
        ...base,
        id: 'part',
        type: 'number',
        max: { value: { answer: 'total' }, message: { en: 'Enter {total} or less', cy: 'Rhowch {total} neu lai' } },
      },
    ]);
    expect(validate(q, { total: '1500', part: '1600' }).errors[0]?.message).toBe('Enter 1,500 or less');
    expect(validate(q, { total: '1500', part: '1600' }, 'cy').errors[0]?.message).toBe('Rhowch 1,500 neu lai');
  });

  it('fills in the answer’s own messages and a pattern’s message', () => {
    const pay = num({ mandatory: true, messages: { mandatory: 'Enter your pay; last year it was {income}' } });
    expect(validate(ask([pay]), {}).errors[0]?.message).toBe('Enter your pay; last year it was £5,000');
    const code: Answer = {
      ...base,
      id: 't',
      type: 'text',
      pattern: { regex: '\\d{4}', message: '4 digits for {employees}' },
    };
    expect(validate(ask([code]), { t: 'abc' }).errors[0]?.message).toBe('4 digits for 12');
  });

  it('fills in a total rule’s message', () => {
    const money = (id: string): Answer => ({ ...base, id, type: 'currency' });
    const q = ask([money('a'), money('b')], {
      totals: [{ mustBe: 'equal', total: { answer: 'income' }, message: 'The parts must add up to {income}' }],
    });
    expect(validate(q, { a: '100', b: '100' }).errors[0]?.message).toBe('The parts must add up to £5,000');
  });

  it('fills in the label of an exclusive option named in a default message', () => {
    const q = ask([
      {
        ...base,
        id: 'c',
        type: 'checkbox',
        options: [
          { value: 'some', label: 'Some' },
          { value: 'none', label: 'None of the {employees}', exclusive: true },
        ],
      },
    ]);
    expect(validate(q, { c: ['some', 'none'] }).errors[0]?.message).toBe(
      'Remove ‘None of the 12’ or the other answers',
    );
  });
});
