import { describe, expect, it } from 'vitest';
import { applyFormat, formatValue } from './format.ts';

describe('formatValue', () => {
  it('writes values by their JavaScript type', () => {
    expect(formatValue('Alice', 'en')).toBe('Alice');
    expect(formatValue(1234.5, 'en')).toBe('1,234.5');
    expect(formatValue(['Alice', 'Bob', 'Carol'], 'en')).toBe('Alice, Bob and Carol');
    expect(formatValue([1000, 2000], 'cy')).toBe('1,000 a 2,000');
    expect(formatValue({ years: 3 }, 'en')).toBe('3 years');
    expect(formatValue({ line1: '1 High St', town: 'Cardiff', postcode: 'CF10 1AA' }, 'en')).toBe(
      '1 High St, Cardiff, CF10 1AA',
    );
    expect(formatValue(true, 'en')).toBe('true');
  });

  it('writes a missing value as nothing', () => {
    expect(formatValue(undefined, 'en')).toBe('');
    expect(formatValue(null, 'en')).toBe('');
  });
});

describe('applyFormat', () => {
  it('applies each format to a value it fits', () => {
    expect(applyFormat({ type: 'number', decimalPlaces: 1 }, 2, 'en')).toBe('2.0');
    expect(applyFormat({ type: 'currency' }, 2.5, 'en')).toBe('£2.50');
    expect(applyFormat({ type: 'currency', currency: 'EUR', decimalPlaces: 0 }, 2.5, 'en')).toBe('€3');
    expect(applyFormat({ type: 'percentage' }, 45, 'cy')).toBe('45%');
    expect(applyFormat({ type: 'unit', unit: 'tonne', unitLength: 'long' }, 2, 'cy')).toBe('2 dunnell fetrig');
    expect(applyFormat({ type: 'unit', unit: 'kilogram' }, 5, 'en')).toBe('5 kg');
    expect(applyFormat({ type: 'date' }, '2024-01-01', 'cy')).toBe('1 Ionawr 2024');
    expect(applyFormat({ type: 'date', style: 'short' }, '2024-01-01', 'en')).toBe('01/01/2024');
    expect(applyFormat({ type: 'monthYear' }, '2024-01-01', 'en')).toBe('January 2024');
    expect(applyFormat({ type: 'duration' }, { years: 1, months: 6 }, 'en')).toBe('1 year 6 months');
    expect(applyFormat({ type: 'ordinal' }, 3, 'cy')).toBe('3ydd');
    expect(applyFormat({ type: 'possessive' }, 'James', 'en')).toBe('James’');
  });

  it('writes a list in the style asked for', () => {
    expect(applyFormat({ type: 'list' }, ['Alice', 'Bob'], 'en')).toBe('Alice and Bob');
    expect(applyFormat({ type: 'list', style: 'or' }, ['Alice', 'Bob'], 'en')).toBe('Alice or Bob');
    expect(applyFormat({ type: 'list', style: 'unit' }, ['Alice', 'Bob'], 'en')).toBe('Alice, Bob');
    expect(applyFormat({ type: 'list' }, 'Alice', 'en')).toBe('Alice');
  });

  it('formats each value of a list and writes them as a list', () => {
    expect(applyFormat({ type: 'currency' }, [5, 7.5], 'en')).toBe('£5 and £7.50');
    expect(applyFormat({ type: 'date' }, ['2024-01-01', '2024-02-01'], 'en')).toBe(
      '1 January 2024 and 1 February 2024',
    );
  });

  it('writes the possessive of a list of names after the last name', () => {
    expect(applyFormat({ type: 'possessive' }, ['Alice', 'Bob'], 'en')).toBe('Alice and Bob’s');
  });

  it('writes a value the format does not fit by its type', () => {
    expect(applyFormat({ type: 'date' }, 42, 'en')).toBe('42');
    expect(applyFormat({ type: 'currency' }, 'a lot', 'en')).toBe('a lot');
    expect(applyFormat({ type: 'duration' }, 'two years', 'en')).toBe('two years');
  });

  it('writes a missing value as nothing', () => {
    expect(applyFormat({ type: 'currency' }, undefined, 'en')).toBe('');
    expect(applyFormat({ type: 'list' }, null, 'en')).toBe('');
  });
});
