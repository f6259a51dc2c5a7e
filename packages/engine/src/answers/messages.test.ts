import { type Answer, MESSAGE_CODES, type MessageCode } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import { questionnaire, questionPage } from '../testing/build.ts';
import { evalContext } from '../testing/context.ts';
import { formatAnswerValue } from '../text/answer-value.ts';
import type { AnswerValue } from '../values.ts';
import { answerMessage, defaultMessage, type MessageDetail } from './messages.ts';

const base = { id: 'a', label: 'Label', qCode: 'q' };
const options = [{ value: 'x', label: 'X' }];
const text: Answer = { ...base, type: 'text' };
const number: Answer = { ...base, type: 'number' };
const currency: Answer = { ...base, type: 'currency' };
const percentage: Answer = { ...base, type: 'percentage' };
const date: Answer = { ...base, type: 'date' };
const monthYear: Answer = { ...base, type: 'monthYear' };
const year: Answer = { ...base, type: 'year' };
const duration: Answer = { ...base, type: 'duration' };
const checkbox: Answer = { ...base, type: 'checkbox', options };

type Case = [MessageCode, Answer, MessageDetail, string, string];

/** One line per message code (and per wording a code has), in English and Welsh. */
const CASES: Case[] = [
  ['mandatory', text, {}, 'Enter an answer', 'Rhowch ateb'],
  ['mandatory', { ...base, type: 'radio', options }, {}, 'Select an answer', 'Dewiswch ateb'],
  ['mandatory', checkbox, {}, 'Select at least one answer', 'Dewiswch o leiaf un ateb'],
  ['mandatory', date, {}, 'Enter a date', 'Rhowch ddyddiad'],
  ['mandatory', duration, {}, 'Enter a number of years and months', 'Rhowch nifer o flynyddoedd a misoedd'],
  ['mandatory', { ...base, type: 'address' }, { part: 'town' }, 'Enter a town or city', 'Rhowch dref neu ddinas'],
  ['mandatory', { ...base, type: 'address' }, { part: 'line1' }, 'Enter address line 1', 'Rhowch linell 1 y cyfeiriad'],
  ['invalidNumber', number, {}, 'Enter a number', 'Rhowch rif'],
  ['tooManyDecimals', number, { count: 0 }, 'Enter a whole number', 'Rhowch rif cyfan'],
  [
    'tooManyDecimals',
    currency,
    { count: 2 },
    'Enter an amount with no more than 2 decimal places',
    'Rhowch swm heb fwy na 2 lle degol',
  ],
  [
    'belowMinimum',
    number,
    { limit: 0 },
    'Enter a number more than or equal to 0',
    'Rhowch rif sy’n fwy na neu’n hafal i 0',
  ],
  [
    'belowMinimum',
    currency,
    { limit: 1000, exclusive: true },
    'Enter an amount more than £1,000',
    'Rhowch swm sy’n fwy na £1,000',
  ],
  [
    'aboveMaximum',
    percentage,
    { limit: 100 },
    'Enter a percentage less than or equal to 100%',
    'Rhowch ganran sy’n llai na neu’n hafal i 100%',
  ],
  [
    'aboveMaximum',
    number,
    { limit: 1234567.5, exclusive: true },
    'Enter a number less than 1,234,567.5',
    'Rhowch rif sy’n llai na 1,234,567.5',
  ],
  [
    'belowMinimum',
    duration,
    { limit: { years: 1, months: 6 } },
    'Enter a period of at least 1 year 6 months',
    'Rhowch gyfnod o 1 flwyddyn 6 mis o leiaf',
  ],
  [
    'aboveMaximum',
    duration,
    { limit: { years: 2, months: 1 } },
    'Enter a period of no more than 2 years 1 month',
    'Rhowch gyfnod o ddim mwy na 2 flynedd 1 mis',
  ],
  ['tooShort', text, { count: 3 }, 'Enter at least 3 characters', 'Rhowch o leiaf 3 nod'],
  ['tooLong', text, { count: 100 }, 'Enter 100 characters or fewer', 'Rhowch 100 nod neu lai'],
  ['patternMismatch', text, {}, 'Enter an answer in the correct format', 'Rhowch ateb yn y fformat cywir'],
  ['invalidDate', date, {}, 'Enter a real date', 'Rhowch ddyddiad go iawn'],
  [
    'invalidDate',
    date,
    { part: 'year' },
    'Enter a year with 4 digits, like 2021',
    'Rhowch flwyddyn â 4 digid, fel 2021',
  ],
  ['invalidDate', monthYear, {}, 'Enter a real month and year', 'Rhowch fis a blwyddyn go iawn'],
  [
    'incompleteDate',
    date,
    {},
    'Enter a full date, including the day, month and year',
    'Rhowch ddyddiad llawn, gan gynnwys y diwrnod, y mis a’r flwyddyn',
  ],
  [
    'dateTooEarly',
    date,
    { limit: '2020-01-01', exclusive: true },
    'Enter a date that is after 1 January 2020',
    'Rhowch ddyddiad sydd ar ôl 1 Ionawr 2020',
  ],
  [
    'dateTooEarly',
    date,
    { limit: '2020-01-01' },
    'Enter a date that is on or after 1 January 2020',
    'Rhowch ddyddiad sydd ar 1 Ionawr 2020 neu ar ôl hynny',
  ],
  [
    'dateTooLate',
    monthYear,
    { limit: '2020-06-15' },
    'Enter a date that is in or before June 2020',
    'Rhowch ddyddiad sydd ym mis Mehefin 2020 neu cyn hynny',
  ],
  ['dateTooLate', year, { limit: 2000, exclusive: true }, 'Enter a year before 2000', 'Rhowch flwyddyn cyn 2000'],
  ['dateTooEarly', year, { limit: 1900 }, 'Enter 1900 or a later year', 'Rhowch 1900 neu flwyddyn ddiweddarach'],
  [
    'invalidDuration',
    duration,
    {},
    'Enter a whole number of years and a number of months from 0 to 11',
    'Rhowch nifer cyfan o flynyddoedd a nifer o fisoedd rhwng 0 ac 11',
  ],
  [
    'invalidDuration',
    { ...duration, units: ['months'] },
    {},
    'Enter a whole number of months',
    'Rhowch nifer cyfan o fisoedd',
  ],
  [
    'invalidEmail',
    { ...base, type: 'email' },
    {},
    'Enter an email address in the correct format, like name@example.com',
    'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
  ],
  [
    'invalidMobile',
    { ...base, type: 'mobile' },
    {},
    'Enter a UK mobile number, like 07700 900982 or +44 7700 900982',
    'Rhowch rif ffôn symudol yn y DU, fel 07700 900982 neu +44 7700 900982',
  ],
  [
    'invalidPostcode',
    { ...base, type: 'postcode' },
    {},
    'Enter a real UK postcode, like NP10 8XG',
    'Rhowch god post go iawn yn y DU, fel NP10 8XG',
  ],
  ['invalidOption', checkbox, {}, 'Select one of the options', 'Dewiswch un o’r opsiynau'],
  [
    'exclusiveConflict',
    checkbox,
    { label: 'None of these' },
    'Remove ‘None of these’ or the other answers',
    'Tynnwch ‘None of these’ neu’r atebion eraill',
  ],
  [
    'totalMismatch',
    currency,
    { limit: 5000 },
    'Enter answers that add up to £5,000',
    'Rhowch atebion sy’n dod i gyfanswm o £5,000',
  ],
  [
    'totalMismatch',
    percentage,
    { limit: 100, mustBe: 'lessThanOrEqual' },
    'Enter answers that add up to 100% or less',
    'Rhowch atebion sy’n dod i gyfanswm o 100% neu lai',
  ],
  [
    'totalMismatch',
    number,
    { limit: 10, mustBe: 'lessThan' },
    'Enter answers that add up to less than 10',
    'Rhowch atebion sy’n dod i gyfanswm sy’n llai na 10',
  ],
  [
    'totalMismatch',
    number,
    { limit: 10, mustBe: 'greaterThan' },
    'Enter answers that add up to more than 10',
    'Rhowch atebion sy’n dod i gyfanswm sy’n fwy na 10',
  ],
  [
    'totalMismatch',
    number,
    { limit: 10, mustBe: 'greaterThanOrEqual' },
    'Enter answers that add up to 10 or more',
    'Rhowch atebion sy’n dod i gyfanswm o 10 neu fwy',
  ],
];

describe('default validation messages', () => {
  it.each(CASES)('%s reads well in English and Welsh', (code, answer, detail, english, welsh) => {
    expect(defaultMessage(code, answer, 'en', detail)).toBe(english);
    expect(defaultMessage(code, answer, 'cy', detail)).toBe(welsh);
  });

  it('has a message for every code, in both languages', () => {
    expect(new Set(CASES.map(([code]) => code))).toEqual(new Set(MESSAGE_CODES));
    for (const code of MESSAGE_CODES) {
      for (const lang of ['en', 'cy']) expect(defaultMessage(code, number, lang, { limit: 1 })).toMatch(/^\S.*\S$/);
    }
  });

  it('falls back to English for languages without a catalogue', () => {
    expect(defaultMessage('mandatory', text, 'ga')).toBe('Enter an answer');
    expect(defaultMessage('mandatory', text, '__proto__')).toBe('Enter an answer');
  });

  it('writes money in the answer currency and keeps pence when there are any', () => {
    const euros: Answer = { ...base, type: 'currency', currency: 'EUR' };
    expect(defaultMessage('belowMinimum', euros, 'en', { limit: 0.5, exclusive: true })).toBe(
      'Enter an amount more than €0.50',
    );
  });

  it('writes units with the answer unit, in Welsh too', () => {
    const km: Answer = { ...base, type: 'unit', unit: 'kilometer', unitLength: 'long' };
    expect(defaultMessage('aboveMaximum', km, 'en', { limit: 5 })).toBe(
      'Enter a number less than or equal to 5 kilometres',
    );
    expect(defaultMessage('aboveMaximum', km, 'cy', { limit: 5 })).toBe(
      'Rhowch rif sy’n llai na neu’n hafal i 5 cilometr',
    );
    const area: Answer = { ...base, type: 'unit', unit: 'square-meter' };
    expect(defaultMessage('aboveMaximum', area, 'en', { limit: 1500 })).toBe(
      'Enter a number less than or equal to 1,500 m²',
    );
  });

  it('writes dates of the first centuries exactly', () => {
    expect(defaultMessage('dateTooEarly', date, 'en', { limit: '0050-03-01' })).toBe(
      'Enter a date that is on or after 1 March 50',
    );
  });
});

describe('writing limits', () => {
  const compiled = compile(
    questionnaire({ languages: ['en', 'cy'], pages: [questionPage('p', [{ ...text, id: 't' }])] }),
  );
  const limits: [Answer, MessageCode, NonNullable<MessageDetail['limit']>][] = [
    [number, 'aboveMaximum', 1234567.25],
    [{ ...base, type: 'currency', currency: 'EUR' }, 'aboveMaximum', 0.5],
    [percentage, 'aboveMaximum', 12.5],
    [{ ...base, type: 'unit', unit: 'gallon', unitLength: 'long' }, 'aboveMaximum', 4],
    [{ ...base, type: 'unit', unit: 'square-meter', unitLength: 'long' }, 'aboveMaximum', 2],
    [date, 'dateTooLate', '2024-02-29'],
    [monthYear, 'dateTooLate', '2024-02'],
    [year, 'dateTooLate', 2024],
    [duration, 'aboveMaximum', { years: 4, months: 2 }],
  ];

  it.each(limits.map(([answer, code, limit]) => [answer.type, answer, code, limit] as const))(
    'writes a limit of a %s answer as summaries and piping write its values',
    (_, answer, code, limit) => {
      for (const lang of ['en', 'cy']) {
        const written = formatAnswerValue(compiled, answer, limit as AnswerValue, lang);
        expect(defaultMessage(code, answer, lang, { limit })).toContain(written);
      }
    },
  );

  it('writes Welsh durations with their mutations, imperial gallons and square units in words', () => {
    expect(defaultMessage('belowMinimum', duration, 'cy', { limit: { years: 4 } })).toBe(
      'Rhowch gyfnod o 4 blynedd o leiaf',
    );
    const gallons: Answer = { ...base, type: 'unit', unit: 'gallon' };
    expect(defaultMessage('aboveMaximum', gallons, 'en', { limit: 5 })).toBe(
      'Enter a number less than or equal to 5 gal',
    );
    const area: Answer = { ...base, type: 'unit', unit: 'square-meter', unitLength: 'long' };
    expect(defaultMessage('aboveMaximum', area, 'en', { limit: 2 })).toBe(
      'Enter a number less than or equal to 2 square metres',
    );
  });
});

describe('choosing the message to show', () => {
  const q = questionnaire({
    languages: ['en', 'cy'],
    metadata: [{ name: 'ru_name', type: 'string' }],
    placeholders: { company: { value: { metadata: 'ru_name' } } },
    pages: [questionPage('p', [{ ...number, id: 'n' }])],
  });
  const ctx = (lang: string) => evalContext(q, { metadata: { ru_name: 'Acme Ltd' } }, { today: '2024-06-15', lang });
  const custom: Answer = {
    ...number,
    messages: { mandatory: { en: 'Enter the number of employees', cy: 'Rhowch nifer y gweithwyr' } },
  };

  it("uses the answer's own message for the code, in the respondent's language", () => {
    expect(answerMessage('mandatory', custom, ctx('cy'))).toBe('Rhowch nifer y gweithwyr');
    expect(answerMessage('mandatory', custom, ctx('ga'))).toBe('Enter the number of employees');
  });

  it('prefers a specific override (a bound or total message) to the answer message', () => {
    expect(answerMessage('mandatory', custom, ctx('cy'), {}, { en: 'Too few', cy: 'Rhy ychydig' })).toBe('Rhy ychydig');
  });

  it('uses the default when the answer has no message for the code', () => {
    expect(answerMessage('invalidNumber', custom, ctx('cy'))).toBe('Rhowch rif');
    expect(answerMessage('invalidNumber', { ...number, messages: { invalidNumber: '' } }, ctx('cy'))).toBe(
      'Rhowch rif',
    );
  });

  it('fills in the placeholders of custom messages, leaving unknown ones as written', () => {
    const own: Answer = {
      ...number,
      messages: { mandatory: { en: 'Enter the employees of {company}', cy: 'Rhowch weithwyr {company}' } },
    };
    expect(answerMessage('mandatory', own, ctx('en'))).toBe('Enter the employees of Acme Ltd');
    expect(answerMessage('mandatory', own, ctx('cy'))).toBe('Rhowch weithwyr Acme Ltd');
    expect(answerMessage('aboveMaximum', number, ctx('en'), { limit: 5 }, 'At most 5 for {company} {nope}')).toBe(
      'At most 5 for Acme Ltd {nope}',
    );
  });
});

describe('formatting limits from an unvalidated questionnaire', () => {
  it('writes the number alone for a unit the formatter does not know, and pounds for an unknown currency', () => {
    const odd = { ...base, type: 'unit', unit: 'furlong' } as unknown as Answer;
    expect(defaultMessage('aboveMaximum', odd, 'en', { limit: 8 })).toBe('Enter a number less than or equal to 8');
    const money = { ...base, type: 'currency', currency: 'pounds' } as unknown as Answer;
    expect(defaultMessage('aboveMaximum', money, 'en', { limit: 8 })).toBe('Enter an amount less than or equal to £8');
  });
});
