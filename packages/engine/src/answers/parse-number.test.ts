import type { NumericAnswer } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse.ts';

const number: NumericAnswer = { id: 'n', label: 'Employees', qCode: '1', type: 'number' };
const currency: NumericAnswer = { id: 'n', label: 'Turnover', qCode: '1', type: 'currency' };
const percentage: NumericAnswer = { id: 'n', label: 'Share', qCode: '1', type: 'percentage', decimalPlaces: 1 };
const unit: NumericAnswer = { id: 'n', label: 'Area', qCode: '1', type: 'unit', unit: 'hectare' };

const parse = (answer: NumericAnswer, text: string) => parseAnswer(answer, { n: text });

describe('parsing numbers', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1 234', 1234],
    ['1,234,567', 1234567],
    ['-5', -5],
    ['  42  ', 42],
    ['0', 0],
    ['-0', 0],
    ['1\u00a0234', 1234],
    ['\u22125', -5],
  ])('reads "%s" as %d', (text, value) => {
    expect(parse(number, text)).toEqual({ value, errors: [] });
  });

  it.each([
    '1,23,4',
    '1e5',
    'abc',
    '12abc',
    '1,2345',
    '1,234 567',
    '--5',
    '5-',
    '1.2.3',
    '.',
    '-',
    '0x10',
    'Infinity',
    'NaN',
  ])('refuses "%s" as not a number', (text) => {
    expect(parse(number, text)).toEqual({ errors: [{ field: 'n', code: 'invalidNumber' }] });
  });

  it('gives no value and no error for an empty or blank field', () => {
    expect(parse(number, '')).toEqual({ errors: [] });
    expect(parse(number, '   ')).toEqual({ errors: [] });
    expect(parseAnswer(number, {})).toEqual({ errors: [] });
  });

  it('refuses decimals for a number answer by default', () => {
    expect(parse(number, '12.5')).toEqual({ errors: [{ field: 'n', code: 'tooManyDecimals', detail: { count: 0 } }] });
  });

  it('accepts trailing zeros that do not change the value', () => {
    expect(parse(number, '12.00')).toEqual({ value: 12, errors: [] });
  });

  it('accepts as many decimal places as the answer allows and no more', () => {
    const answer: NumericAnswer = { ...number, decimalPlaces: 2 };
    expect(parse(answer, '12.34')).toEqual({ value: 12.34, errors: [] });
    expect(parse(answer, '.5')).toEqual({ value: 0.5, errors: [] });
    expect(parse(answer, '12.345').errors[0]).toEqual({ field: 'n', code: 'tooManyDecimals', detail: { count: 2 } });
  });

  it('reads money with a pound sign, thousands separators and pence', () => {
    expect(parse(currency, '£1,234.50')).toEqual({ value: 1234.5, errors: [] });
    expect(parse(currency, '£ 12')).toEqual({ value: 12, errors: [] });
    expect(parse(currency, '-£5')).toEqual({ value: -5, errors: [] });
    expect(parse(currency, '£-5')).toEqual({ value: -5, errors: [] });
  });

  it('allows two decimal places for money unless the answer says otherwise', () => {
    expect(parse(currency, '12.345').errors[0]?.code).toBe('tooManyDecimals');
    expect(parse({ ...currency, decimalPlaces: 0 }, '12.50').errors[0]).toMatchObject({ detail: { count: 0 } });
  });

  it("reads the currency's own symbol for other currencies", () => {
    expect(parse({ ...currency, currency: 'EUR' }, '€99')).toEqual({ value: 99, errors: [] });
    expect(parse({ ...currency, currency: 'EUR' }, '£99').errors[0]?.code).toBe('invalidNumber');
  });

  it('reads percentages with or without a percent sign', () => {
    expect(parse(percentage, '45%')).toEqual({ value: 45, errors: [] });
    expect(parse(percentage, '12.5 %')).toEqual({ value: 12.5, errors: [] });
    expect(parse(percentage, '45')).toEqual({ value: 45, errors: [] });
    expect(parse(number, '45%').errors[0]?.code).toBe('invalidNumber');
  });

  it('reads unit answers as plain numbers', () => {
    expect(parse(unit, '2,500')).toEqual({ value: 2500, errors: [] });
    expect(parse(unit, '2500 ha').errors[0]?.code).toBe('invalidNumber');
  });

  it('refuses numbers too large to hold', () => {
    expect(parse(number, '9'.repeat(400)).errors[0]?.code).toBe('invalidNumber');
  });

  it('reads the first value when the field is repeated', () => {
    expect(parseAnswer(number, { n: ['7', '8'] })).toEqual({ value: 7, errors: [] });
  });
});
