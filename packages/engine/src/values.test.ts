import { Answer } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import {
  durationMonths,
  equals,
  isDuration,
  isNumericAnswer,
  numberTotal,
  order,
  readAnswer,
  readMetadata,
  readRelationships,
} from './values.ts';

const answer = (type: string, extra: object = {}) => Answer.parse({ id: 'a', type, label: 'A', qCode: 'a', ...extra });
const options = [
  { value: 'red', label: 'Red' },
  { value: 'green', label: 'Green' },
  { value: 'blue', label: 'Blue' },
];

/** Values no answer type accepts. */
const garbage: unknown[] = [undefined, null, true, {}, [], Number.NaN, () => 'x'];

describe('readAnswer', () => {
  it.each(['text', 'textarea', 'email', 'mobile', 'postcode'])('reads a %s answer as a non-empty string', (type) => {
    const a = answer(type);
    expect(readAnswer(a, 'hello')).toBe('hello');
    for (const raw of ['', 42, ['hello'], 'x'.repeat(100_001), ...garbage]) expect(readAnswer(a, raw)).toBeUndefined();
  });

  it.each(['radio', 'dropdown'])('reads a %s answer as one of its option values', (type) => {
    const a = answer(type, { options });
    expect(readAnswer(a, 'green')).toBe('green');
    for (const raw of ['purple', 'Green', ['green'], ...garbage]) expect(readAnswer(a, raw)).toBeUndefined();
  });

  it('reads a checkbox answer as the known options chosen, in option order', () => {
    const a = answer('checkbox', { options });
    expect(readAnswer(a, ['blue', 'red'])).toEqual(['red', 'blue']);
    expect(readAnswer(a, ['blue', 'purple', 7, { value: 'red' }])).toEqual(['blue']);
    for (const raw of ['red', ['purple'], [{ value: 'red' }], ...garbage]) expect(readAnswer(a, raw)).toBeUndefined();
  });

  it.each(['number', 'currency', 'percentage'])('reads a %s answer as a finite number', (type) => {
    const a = answer(type);
    expect(readAnswer(a, -1.25)).toBe(-1.25);
    expect(readAnswer(a, 0)).toBe(0);
    for (const raw of ['12', Number.POSITIVE_INFINITY, ...garbage]) expect(readAnswer(a, raw)).toBeUndefined();
  });

  it('reads a unit answer as a finite number', () => {
    const a = answer('unit', { unit: 'kilogram' });
    expect(readAnswer(a, 70)).toBe(70);
    expect(readAnswer(a, '70')).toBeUndefined();
  });

  it('reads a date answer as a real YYYY-MM-DD date', () => {
    const a = answer('date');
    expect(readAnswer(a, '2024-02-29')).toBe('2024-02-29');
    for (const raw of ['2023-02-29', '2024-02', '2024-2-29', 20240229, ...garbage])
      expect(readAnswer(a, raw)).toBeUndefined();
  });

  it('reads a month-year answer as a real YYYY-MM month', () => {
    const a = answer('monthYear');
    expect(readAnswer(a, '2024-02')).toBe('2024-02');
    for (const raw of ['2024-13', '2024-02-01', '2024-2', ...garbage]) expect(readAnswer(a, raw)).toBeUndefined();
  });

  it('reads a year answer as a whole year from 1 to 9999', () => {
    const a = answer('year');
    expect(readAnswer(a, 1990)).toBe(1990);
    for (const raw of [0, 10000, 1990.5, '1990', ...garbage]) expect(readAnswer(a, raw)).toBeUndefined();
  });

  it('reads a duration answer as whole, non-negative years and months', () => {
    const a = answer('duration');
    expect(readAnswer(a, { years: 1, months: 2 })).toEqual({ years: 1, months: 2 });
    expect(readAnswer(a, { months: 0 })).toEqual({ months: 0 });
    expect(readAnswer(a, { years: 3, weeks: 2 })).toEqual({ years: 3 });
    for (const raw of [{ years: -1 }, { years: 1.5 }, { months: '2' }, { weeks: 2 }, [1, 2], 14, ...garbage]) {
      expect(readAnswer(a, raw), JSON.stringify(raw)).toBeUndefined();
    }
  });

  it('reads an address answer with its line 1, town and postcode', () => {
    const a = answer('address');
    const address = { line1: '1 High St', town: 'Newport', postcode: 'NP10 8XG' };
    expect(readAnswer(a, address)).toEqual(address);
    expect(readAnswer(a, { ...address, line2: 'Flat 2' })).toEqual({ ...address, line2: 'Flat 2' });
    expect(readAnswer(a, { ...address, line2: '' })).toEqual(address);
    const bad = [
      { ...address, town: '' },
      { ...address, line2: 3 },
      { line1: '1 High St' },
      { ...address, postcode: 7 },
      { ...address, line1: 'x'.repeat(100_001) },
    ];
    for (const raw of [...bad, 'address', ...garbage]) expect(readAnswer(a, raw)).toBeUndefined();
  });
});

describe('readRelationships', () => {
  it('keeps the valid value towards each other item', () => {
    const a = answer('radio', { options });
    expect(readRelationships(a, { p2: 'red', p3: 'purple', p4: 7 })).toEqual({ p2: 'red' });
    expect(readRelationships(a, 'red')).toEqual({});
  });
});

describe('readMetadata', () => {
  const def = (type: 'string' | 'date' | 'number' | 'boolean') => ({ name: 'm', type });

  it('reads a launch value of its declared type', () => {
    expect(readMetadata(def('string'), 'Acme')).toBe('Acme');
    expect(readMetadata(def('number'), 0)).toBe(0);
    expect(readMetadata(def('boolean'), false)).toBe(false);
    expect(readMetadata(def('date'), '2024-02-29')).toBe('2024-02-29');
  });

  it('refuses undeclared values and values of another type', () => {
    expect(readMetadata(undefined, 'Acme')).toBeUndefined();
    expect(readMetadata(def('string'), 5)).toBeUndefined();
    expect(readMetadata(def('number'), '5')).toBeUndefined();
    expect(readMetadata(def('number'), Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(readMetadata(def('boolean'), 'true')).toBeUndefined();
    expect(readMetadata(def('date'), '2023-02-29')).toBeUndefined();
    expect(readMetadata(def('date'), 20240101)).toBeUndefined();
  });
});

describe('durations', () => {
  it('recognises durations and counts their months', () => {
    expect(isDuration({ years: 1 })).toBe(true);
    expect(isDuration({ months: 0 })).toBe(true);
    expect(isDuration({})).toBe(false);
    expect(isDuration({ years: '1' })).toBe(false);
    expect(isDuration({ line1: 'x', town: 'y', postcode: 'z' })).toBe(false);
    expect(durationMonths({ years: 2, months: 3 })).toBe(27);
    expect(durationMonths({})).toBe(0);
  });
});

describe('equals and order', () => {
  it('orders numbers, dates, month-years and durations, and nothing else', () => {
    expect(order(1, 2)).toBe(-1);
    expect(order(2, 2)).toBe(0);
    expect(order('2024-01-31', '2024-02')).toBe(-1);
    expect(order('2024-02', '2024-02-01')).toBe(0);
    expect(order({ years: 1 }, { months: 12 })).toBe(0);
    expect(order({ years: 1 }, { months: 13 })).toBe(-1);
    expect(order('a', 'b')).toBeUndefined();
    expect(order('2024', 2024)).toBeUndefined();
    expect(order({}, {})).toBeUndefined();
    expect(order(undefined, 1)).toBeUndefined();
  });

  it('agrees with order on dates and durations', () => {
    expect(equals('2024-02', '2024-02-01')).toBe(true);
    expect(equals('2024-02-01', '2024-02')).toBe(true);
    expect(equals('2024-02', '2024-02-02')).toBe(false);
    expect(equals({ years: 1 }, { months: 12 })).toBe(true);
    expect(equals({}, {})).toBe(false);
  });

  it('compares lists as sets and never equals a value with a list', () => {
    expect(equals(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(equals(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(equals(['a'], 'a')).toBe(false);
  });

  it('makes a missing value equal only null', () => {
    expect(equals(undefined, null)).toBe(true);
    expect(equals([], null)).toBe(true);
    expect(equals(null, null)).toBe(true);
    expect(equals(undefined, undefined)).toBe(false);
    expect(equals(undefined, '')).toBe(false);
    expect(equals(null, 0)).toBe(false);
  });
});

describe('numberTotal', () => {
  it('adds the numbers of a list and counts anything else as 0', () => {
    expect(numberTotal(4.5)).toBe(4.5);
    expect(numberTotal([1, 'x', 2, null, [3]])).toBe(3);
    expect(numberTotal('7')).toBe(0);
    expect(numberTotal(undefined)).toBe(0);
  });
});

describe('isNumericAnswer', () => {
  it('is true for number, currency, percentage and unit answers only', () => {
    expect(['number', 'currency', 'percentage'].map((t) => isNumericAnswer(answer(t)))).toEqual([true, true, true]);
    expect(isNumericAnswer(answer('unit', { unit: 'meter' }))).toBe(true);
    expect(isNumericAnswer(answer('year'))).toBe(false);
  });
});
