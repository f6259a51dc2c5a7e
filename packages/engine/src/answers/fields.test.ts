import type { Answer } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../values.ts';
import { answerFields, formValues } from './fields.ts';
import { parseAnswer } from './parse.ts';

const base = { label: 'Label', qCode: 'q' };
const options = [
  { value: 'a', label: 'A' },
  { value: 'b', label: 'B' },
];

describe('form field names', () => {
  it('uses the answer id for single-field answers', () => {
    expect(answerFields({ ...base, id: 'name', type: 'text' })).toEqual(['name']);
    expect(answerFields({ ...base, id: 'pick', type: 'checkbox', options })).toEqual(['pick']);
    expect(answerFields({ ...base, id: 'built', type: 'year' })).toEqual(['built']);
  });

  it('splits dates, month-years, durations and addresses into one field per part', () => {
    expect(answerFields({ ...base, id: 'dob', type: 'date' })).toEqual(['dob-day', 'dob-month', 'dob-year']);
    expect(answerFields({ ...base, id: 'm', type: 'monthYear' })).toEqual(['m-month', 'm-year']);
    expect(answerFields({ ...base, id: 'd', type: 'duration' })).toEqual(['d-years', 'd-months']);
    expect(answerFields({ ...base, id: 'home', type: 'address' })).toEqual([
      'home-line1',
      'home-line2',
      'home-town',
      'home-postcode',
    ]);
  });

  it('asks only for the duration units the answer wants, years first', () => {
    expect(answerFields({ ...base, id: 'd', type: 'duration', units: ['months'] })).toEqual(['d-months']);
    expect(answerFields({ ...base, id: 'd', type: 'duration', units: ['months', 'years'] })).toEqual([
      'd-years',
      'd-months',
    ]);
  });
});

describe('refilling a form with a saved answer', () => {
  const cases: [Answer, AnswerValue][] = [
    [{ ...base, id: 'x', type: 'text' }, 'Jo <Sam>'],
    [{ ...base, id: 'x', type: 'textarea' }, 'line 1\nline 2'],
    [{ ...base, id: 'x', type: 'number' }, -1234],
    [{ ...base, id: 'x', type: 'currency' }, 1234.5],
    [{ ...base, id: 'x', type: 'percentage', decimalPlaces: 6 }, 0.000001],
    [{ ...base, id: 'x', type: 'unit', unit: 'meter' }, 12],
    [{ ...base, id: 'x', type: 'date' }, '2020-02-29'],
    [{ ...base, id: 'x', type: 'monthYear' }, '2020-06'],
    [{ ...base, id: 'x', type: 'year' }, 1066],
    [
      { ...base, id: 'x', type: 'duration' },
      { years: 2, months: 0 },
    ],
    [{ ...base, id: 'x', type: 'duration', units: ['months'] }, { months: 30 }],
    [{ ...base, id: 'x', type: 'radio', options }, 'b'],
    [{ ...base, id: 'x', type: 'dropdown', options }, 'a'],
    [{ ...base, id: 'x', type: 'checkbox', options }, ['a', 'b']],
    [{ ...base, id: 'x', type: 'email' }, 'name@example.com'],
    [{ ...base, id: 'x', type: 'mobile' }, '07700900982'],
    [{ ...base, id: 'x', type: 'postcode' }, 'SW1A 1AA'],
    [
      { ...base, id: 'x', type: 'address' },
      { line1: '1 High St', line2: 'Flat 2', town: 'Newport', postcode: 'NP10 8XG' },
    ],
  ];

  it.each(cases.map(([answer, value]) => [answer.type, answer, value] as const))(
    'gives back %s fields that parse to the same value',
    (_type, answer, value) => {
      expect(parseAnswer(answer, formValues(answer, value))).toEqual({ value, errors: [] });
    },
  );

  it('writes a date without padding, as a respondent types it', () => {
    expect(formValues({ ...base, id: 'dob', type: 'date' }, '2020-03-05')).toEqual({
      'dob-day': '5',
      'dob-month': '3',
      'dob-year': '2020',
    });
  });

  it('leaves every field empty when there is no saved value', () => {
    expect(formValues({ ...base, id: 'dob', type: 'date' }, undefined)).toEqual({
      'dob-day': '',
      'dob-month': '',
      'dob-year': '',
    });
    expect(formValues({ ...base, id: 'pick', type: 'checkbox', options }, undefined)).toEqual({ pick: [] });
    expect(formValues({ ...base, id: 'n', type: 'number' }, undefined)).toEqual({ n: '' });
  });

  it('leaves fields empty when the saved value has the wrong shape', () => {
    expect(formValues({ ...base, id: 'dob', type: 'date' }, 42)['dob-day']).toBe('');
    expect(formValues({ ...base, id: 'home', type: 'address' }, 'text')['home-town']).toBe('');
  });

  it('never writes a number in exponent notation', () => {
    expect(formValues({ ...base, id: 'n', type: 'number' }, 1e-7)).toEqual({ n: '0.0000001' });
  });
});
