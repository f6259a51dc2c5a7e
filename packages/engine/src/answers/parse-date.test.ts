import type { Answer } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse.ts';

const date: Answer = { id: 'dob', label: 'Date of birth', qCode: '1', type: 'date' };
const monthYear: Answer = { id: 'start', label: 'Start', qCode: '2', type: 'monthYear' };
const year: Answer = { id: 'built', label: 'Year built', qCode: '3', type: 'year' };
const duration: Answer = { id: 'stay', label: 'How long', qCode: '4', type: 'duration' };

const dob = (day: string, month: string, y: string) =>
  parseAnswer(date, { 'dob-day': day, 'dob-month': month, 'dob-year': y });

describe('parsing dates', () => {
  it('reads day, month and year as an ISO date', () => {
    expect(dob('5', '3', '1990')).toEqual({ value: '1990-03-05', errors: [] });
    expect(dob(' 05 ', '03', '1990')).toEqual({ value: '1990-03-05', errors: [] });
  });

  it('gives no value and no error when every field is empty', () => {
    expect(dob('', '', '')).toEqual({ errors: [] });
  });

  it('links an incomplete date to its first empty field', () => {
    expect(dob('5', '', '1990').errors).toEqual([{ field: 'dob-month', code: 'incompleteDate' }]);
    expect(dob('', '', '1990').errors).toEqual([{ field: 'dob-day', code: 'incompleteDate' }]);
    expect(dob('5', '3', '').errors).toEqual([{ field: 'dob-year', code: 'incompleteDate' }]);
  });

  it('refuses 31 February and 29 February outside leap years', () => {
    expect(dob('31', '2', '2021').errors).toEqual([{ field: 'dob-day', code: 'invalidDate' }]);
    expect(dob('29', '2', '2021').errors).toEqual([{ field: 'dob-day', code: 'invalidDate' }]);
    expect(dob('29', '2', '2024')).toEqual({ value: '2024-02-29', errors: [] });
    expect(dob('29', '2', '1900').errors[0]?.code).toBe('invalidDate');
    expect(dob('29', '2', '2000').value).toBe('2000-02-29');
  });

  it('refuses a month outside 1 to 12 on the month field', () => {
    expect(dob('1', '13', '2020').errors).toEqual([{ field: 'dob-month', code: 'invalidDate' }]);
    expect(dob('1', '0', '2020').errors).toEqual([{ field: 'dob-month', code: 'invalidDate' }]);
  });

  it('refuses a year that is not written with 4 digits', () => {
    expect(dob('1', '1', '90').errors).toEqual([{ field: 'dob-year', code: 'invalidDate', detail: { part: 'year' } }]);
    expect(dob('1', '1', '19900').errors[0]?.field).toBe('dob-year');
    expect(dob('1', '1', '0000').errors).toEqual([{ field: 'dob-year', code: 'invalidDate' }]);
  });

  it('refuses month names, signs and decimals', () => {
    expect(dob('1', 'March', '2020').errors[0]).toEqual({ field: 'dob-month', code: 'invalidDate' });
    expect(dob('-1', '3', '2020').errors[0]).toEqual({ field: 'dob-day', code: 'invalidDate' });
    expect(dob('1.5', '3', '2020').errors[0]).toEqual({ field: 'dob-day', code: 'invalidDate' });
    expect(dob('001', '3', '2020').errors[0]).toEqual({ field: 'dob-day', code: 'invalidDate' });
  });

  it('reads a month and year as YYYY-MM', () => {
    expect(parseAnswer(monthYear, { 'start-month': '6', 'start-year': '2020' })).toEqual({
      value: '2020-06',
      errors: [],
    });
    expect(parseAnswer(monthYear, { 'start-month': '6' }).errors).toEqual([
      { field: 'start-year', code: 'incompleteDate' },
    ]);
    expect(parseAnswer(monthYear, { 'start-month': '13', 'start-year': '2020' }).errors[0]?.field).toBe('start-month');
  });

  it('reads a year on its own as a number', () => {
    expect(parseAnswer(year, { built: '1066' })).toEqual({ value: 1066, errors: [] });
    expect(parseAnswer(year, { built: '66' }).errors).toEqual([
      { field: 'built', code: 'invalidDate', detail: { part: 'year' } },
    ]);
    expect(parseAnswer(year, { built: 'soon' }).errors[0]?.code).toBe('invalidDate');
    expect(parseAnswer(year, { built: '' })).toEqual({ errors: [] });
  });
});

describe('parsing durations', () => {
  const stay = (years?: string, months?: string) =>
    parseAnswer(duration, { 'stay-years': years, 'stay-months': months });

  it('reads years and months as whole numbers', () => {
    expect(stay('2', '6')).toEqual({ value: { years: 2, months: 6 }, errors: [] });
    expect(stay('0', '0')).toEqual({ value: { years: 0, months: 0 }, errors: [] });
  });

  it('keeps only the units filled in', () => {
    expect(stay('3', '')).toEqual({ value: { years: 3 }, errors: [] });
    expect(stay('', '4')).toEqual({ value: { months: 4 }, errors: [] });
    expect(stay('', '')).toEqual({ errors: [] });
  });

  it('refuses negative, decimal and non-numeric values on the field at fault', () => {
    expect(stay('-1', '2').errors).toEqual([{ field: 'stay-years', code: 'invalidDuration' }]);
    expect(stay('1', '2.5').errors).toEqual([{ field: 'stay-months', code: 'invalidDuration' }]);
    expect(stay('two', '').errors).toEqual([{ field: 'stay-years', code: 'invalidDuration' }]);
  });

  it('refuses 12 months or more when years are asked too', () => {
    expect(stay('1', '12').errors).toEqual([{ field: 'stay-months', code: 'invalidDuration' }]);
  });

  it('reads only the units the answer asks for', () => {
    const months: Answer = { ...duration, units: ['months'] };
    expect(parseAnswer(months, { 'stay-years': '5', 'stay-months': '30' })).toEqual({
      value: { months: 30 },
      errors: [],
    });
  });
});
