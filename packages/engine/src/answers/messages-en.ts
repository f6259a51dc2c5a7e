import type { AnswerType } from '@eq/schema';
import type { Catalogue, MessageArgs } from './messages.ts';

/** Default validation messages in English, in the ONS and GOV.UK style: say what to do. */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function numberKind(type: AnswerType): string {
  if (type === 'currency') return 'an amount';
  if (type === 'percentage') return 'a percentage';
  return 'a number';
}

function durationNoun(units: MessageArgs['units']): string {
  if (units.length === 1) return units[0] === 'years' ? 'years' : 'months';
  return 'years and months';
}

const MANDATORY: Partial<Record<AnswerType, string>> = {
  radio: 'Select an answer',
  dropdown: 'Select an answer',
  checkbox: 'Select at least one answer',
  date: 'Enter a date',
  monthYear: 'Enter a month and year',
  year: 'Enter a year',
  email: 'Enter an email address',
  mobile: 'Enter a UK mobile number',
  postcode: 'Enter a postcode',
  address: 'Enter an address',
};

const ADDRESS_PARTS = { line1: 'Enter address line 1', town: 'Enter a town or city', postcode: 'Enter a postcode' };

function dateBound(a: MessageArgs, after: boolean): string {
  if (a.type === 'year') {
    if (a.exclusive) return `Enter a year ${after ? 'after' : 'before'} ${a.limit}`;
    return `Enter ${a.limit} or ${after ? 'a later' : 'an earlier'} year`;
  }
  const within = a.type === 'monthYear' ? 'in' : 'on';
  const side = after ? 'after' : 'before';
  return `Enter a date that is ${a.exclusive ? '' : `${within} or `}${side} ${a.limit}`;
}

const TOTALS = {
  equal: (t: string) => `Enter answers that add up to ${t}`,
  lessThan: (t: string) => `Enter answers that add up to less than ${t}`,
  lessThanOrEqual: (t: string) => `Enter answers that add up to ${t} or less`,
  greaterThan: (t: string) => `Enter answers that add up to more than ${t}`,
  greaterThanOrEqual: (t: string) => `Enter answers that add up to ${t} or more`,
};

export const en: Catalogue = {
  mandatory: (a) => {
    if (a.part && a.part !== 'year') return ADDRESS_PARTS[a.part];
    if (a.type === 'duration') return `Enter a number of ${durationNoun(a.units)}`;
    return MANDATORY[a.type] ?? 'Enter an answer';
  },
  invalidNumber: () => 'Enter a number',
  tooManyDecimals: (a) =>
    a.count === 0
      ? 'Enter a whole number'
      : `Enter ${numberKind(a.type)} with no more than ${plural(a.count, 'decimal place', 'decimal places')}`,
  belowMinimum: (a) =>
    a.type === 'duration'
      ? `Enter a period of at least ${a.limit}`
      : `Enter ${numberKind(a.type)} more than ${a.exclusive ? '' : 'or equal to '}${a.limit}`,
  aboveMaximum: (a) =>
    a.type === 'duration'
      ? `Enter a period of no more than ${a.limit}`
      : `Enter ${numberKind(a.type)} less than ${a.exclusive ? '' : 'or equal to '}${a.limit}`,
  tooShort: (a) => `Enter at least ${plural(a.count, 'character', 'characters')}`,
  tooLong: (a) => `Enter ${plural(a.count, 'character', 'characters')} or fewer`,
  patternMismatch: () => 'Enter an answer in the correct format',
  invalidDate: (a) => {
    if (a.part === 'year') return 'Enter a year with 4 digits, like 2021';
    if (a.type === 'year') return 'Enter a real year';
    return a.type === 'monthYear' ? 'Enter a real month and year' : 'Enter a real date';
  },
  incompleteDate: (a) =>
    a.type === 'monthYear'
      ? 'Enter a full date, including the month and year'
      : 'Enter a full date, including the day, month and year',
  dateTooEarly: (a) => dateBound(a, true),
  dateTooLate: (a) => dateBound(a, false),
  invalidDuration: (a) =>
    a.units.length === 1
      ? `Enter a whole number of ${durationNoun(a.units)}`
      : 'Enter a whole number of years and a number of months from 0 to 11',
  invalidEmail: () => 'Enter an email address in the correct format, like name@example.com',
  invalidMobile: () => 'Enter a UK mobile number, like 07700 900982 or +44 7700 900982',
  invalidPostcode: () => 'Enter a real UK postcode, like NP10 8XG',
  invalidOption: () => 'Select one of the options',
  exclusiveConflict: (a) => (a.label ? `Remove ‘${a.label}’ or the other answers` : 'Remove an answer'),
  totalMismatch: (a) => TOTALS[a.mustBe](a.limit),
};
