import { describe, expect, it } from 'vitest';
import { formatCurrency, formatNumber, formatOrdinal, formatPercentage } from './numbers.ts';

describe('formatNumber', () => {
  it('groups thousands and keeps the decimals given', () => {
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.891');
    expect(formatNumber(1234567.891, 'cy')).toBe('1,234,567.891');
  });

  it('writes exactly the decimal places asked for', () => {
    expect(formatNumber(3, 'en', 2)).toBe('3.00');
    expect(formatNumber(2.345, 'en', 1)).toBe('2.3');
  });

  it('hides floating point noise from sums', () => {
    expect(formatNumber(0.1 + 0.2, 'en')).toBe('0.3');
  });

  it('writes nothing for a number that is not finite', () => {
    expect(formatNumber(Number.NaN, 'en')).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY, 'cy')).toBe('');
  });
});

describe('formatCurrency', () => {
  it('writes whole amounts without pence and other amounts with two decimals', () => {
    expect(formatCurrency(1234, 'en')).toBe('£1,234');
    expect(formatCurrency(1234.5, 'en')).toBe('£1,234.50');
    expect(formatCurrency(1234.5, 'cy')).toBe('£1,234.50');
  });

  it('uses the currency and decimal places given', () => {
    expect(formatCurrency(10, 'en', 'EUR', 2)).toBe('€10.00');
    expect(formatCurrency(10.256, 'cy', 'USD', 1)).toBe('US$10.3');
  });

  it('falls back to pounds for a malformed currency code', () => {
    expect(formatCurrency(5, 'en', 'pounds')).toBe('£5');
  });
});

describe('formatPercentage', () => {
  it('writes a stored 45 as 45%', () => {
    expect(formatPercentage(45, 'en')).toBe('45%');
    expect(formatPercentage(12.5, 'cy')).toBe('12.5%');
    expect(formatPercentage(12.5, 'en', 0)).toBe('13%');
  });
});

const ordinals = (lang: string, numbers: number[]) => numbers.map((n) => formatOrdinal(n, lang));
const oneToTwentyFive = Array.from({ length: 25 }, (_, i) => i + 1);

describe('formatOrdinal', () => {
  it('writes English ordinals 1 to 25', () => {
    expect(ordinals('en', oneToTwentyFive).join(' ')).toBe(
      '1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th 13th 14th 15th 16th 17th 18th 19th 20th 21st 22nd 23rd 24th 25th',
    );
  });

  it('writes English ordinals past 100', () => {
    expect(ordinals('en', [100, 101, 102, 103, 111, 112, 113, 121, 1001])).toEqual([
      '100th',
      '101st',
      '102nd',
      '103rd',
      '111th',
      '112th',
      '113th',
      '121st',
      '1,001st',
    ]);
  });

  it('writes Welsh ordinals 1 to 25 with the traditional suffixes', () => {
    expect(ordinals('cy', oneToTwentyFive).join(' ')).toBe(
      '1af 2il 3ydd 4ydd 5ed 6ed 7fed 8fed 9fed 10fed 11eg 12fed 13eg 14eg 15fed 16eg 17eg 18fed 19eg 20fed 21ain 22ain 23ain 24ain 25ain',
    );
  });

  it('ends Welsh ordinals of round twenties in -fed and those between them in -ain', () => {
    expect(ordinals('cy', [30, 31, 39, 40, 41, 50, 51, 60, 61, 80, 99])).toEqual([
      '30ain',
      '31ain',
      '39ain',
      '40fed',
      '41ain',
      '50fed',
      '51ain',
      '60fed',
      '61ain',
      '80fed',
      '99ain',
    ]);
  });

  it('writes Welsh ordinals past 100 by their last two digits, and hundreds in -fed', () => {
    expect(ordinals('cy', [100, 101, 102, 103, 111, 112, 121, 200, 1000])).toEqual([
      '100fed',
      '101af',
      '102il',
      '103ydd',
      '111eg',
      '112fed',
      '121ain',
      '200fed',
      '1,000fed',
    ]);
  });

  it('writes a number that cannot be an ordinal as a plain number', () => {
    expect(formatOrdinal(2.5, 'en')).toBe('2.5');
    expect(formatOrdinal(-3, 'cy')).toBe('-3');
  });
});
