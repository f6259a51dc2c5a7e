import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToDate,
  daysInMonth,
  formatIsoDate,
  isLeapYear,
  isValidDate,
  parseIsoDate,
  todayIso,
  toIsoDate,
  yearsBetween,
} from './dates.ts';

describe('calendar', () => {
  it('knows leap years of the Gregorian calendar', () => {
    expect([1900, 2000, 2023, 2024, 4].map(isLeapYear)).toEqual([false, true, false, true, true]);
  });

  it('knows the days of each month', () => {
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(daysInMonth(2024, 13)).toBe(0);
  });

  it('accepts only real dates between years 1 and 9999', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(2024, 4, 31)).toBe(false);
    expect(isValidDate(0, 1, 1)).toBe(false);
    expect(isValidDate(10000, 1, 1)).toBe(false);
    expect(isValidDate(2024, 0, 1)).toBe(false);
    expect(isValidDate(2024, 1, 0)).toBe(false);
    expect(isValidDate(2024, 1.5, 1)).toBe(false);
  });

  it('formats dates with zero padding', () => {
    expect(formatIsoDate(5, 3, 7)).toBe('0005-03-07');
    expect(formatIsoDate(2024, 12, 31)).toBe('2024-12-31');
  });
});

describe('parseIsoDate and toIsoDate', () => {
  it('parses a date, and a month-year as its first day', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2024-02')).toEqual({ year: 2024, month: 2, day: 1 });
  });

  it('refuses strings that are not real ISO dates', () => {
    for (const s of [
      '',
      '2024',
      '2024-2-1',
      '2024-02-30',
      '2024-13',
      '24-02-01',
      '2024-02-01T00:00:00Z',
      ' 2024-02-01',
      'abcd-ef-gh',
    ]) {
      expect(parseIsoDate(s), s).toBeUndefined();
      expect(toIsoDate(s), s).toBeUndefined();
    }
  });

  it('reads every string as the pattern YYYY-MM-DD (or YYYY-MM and the first of the month) reads it', () => {
    const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
    const byPattern = (value: string) => {
      const full = pattern.exec(value.length === 7 ? `${value}-01` : value);
      if (!full) return undefined;
      const [year, month, day] = [Number(full[1]), Number(full[2]), Number(full[3])];
      return isValidDate(year, month, day) ? { year, month, day } : undefined;
    };
    const characters = fc.constantFrom(...'0123456789-/: x\n٣０'.split(''), '1', '2', '0', '-');
    const strings = fc.oneof(
      fc.array(characters, { minLength: 6, maxLength: 11 }).map((cs) => cs.join('')),
      fc
        .date({ min: new Date(-62198755200000), max: new Date(253402214400000), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc
        .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
      fc.string({ maxLength: 12 }),
    );
    // Real dates with one character replaced, inserted or removed: the strings closest to passing.
    const nearly = fc
      .tuple(strings, fc.nat(), characters, fc.constantFrom('replace', 'insert', 'remove'))
      .map(([value, at, c, how]) => {
        const i = at % (value.length + 1);
        const rest = how === 'insert' ? value.slice(i) : value.slice(i + 1);
        return value.slice(0, i) + (how === 'remove' ? '' : c) + rest;
      });
    fc.assert(
      fc.property(fc.oneof(strings, nearly), fc.boolean(), (value, monthYear) => {
        const s = monthYear && value.length === 10 ? value.slice(0, 7) : value;
        expect(parseIsoDate(s)).toEqual(byPattern(s));
      }),
      { numRuns: 5_000 },
    );
  });

  it('normalises a date, a month-year or a year number to a date', () => {
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(toIsoDate('2024-02')).toBe('2024-02-01');
    expect(toIsoDate(1990)).toBe('1990-01-01');
    expect(toIsoDate(42)).toBe('0042-01-01');
  });

  it('refuses other values', () => {
    for (const v of [0, 10000, 1990.5, Number.NaN, null, undefined, true, ['2024-01-01'], { year: 2024 }]) {
      expect(toIsoDate(v), String(v)).toBeUndefined();
    }
  });
});

describe('addToDate', () => {
  it('adds years, months and days, negative ones going back', () => {
    expect(addToDate('2024-01-15', { years: 1, months: 2, days: 3 })).toBe('2025-03-18');
    expect(addToDate('2024-01-15', { years: -16 })).toBe('2008-01-15');
    expect(addToDate('2024-01-15', { months: -13 })).toBe('2022-12-15');
    expect(addToDate('2024-12-31', { days: 1 })).toBe('2025-01-01');
    expect(addToDate('2024-03-01', { days: -1 })).toBe('2024-02-29');
    expect(addToDate('2024-01-15', {})).toBe('2024-01-15');
  });

  it('falls back to the last day of a shorter month, then adds days', () => {
    expect(addToDate('2024-01-31', { months: 1 })).toBe('2024-02-29');
    expect(addToDate('2023-01-31', { months: 1 })).toBe('2023-02-28');
    expect(addToDate('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(addToDate('2024-02-29', { years: 4 })).toBe('2028-02-29');
    expect(addToDate('2024-05-31', { months: -1 })).toBe('2024-04-30');
    expect(addToDate('2024-01-31', { months: 1, days: 1 })).toBe('2024-03-01');
  });

  it('accepts a month-year as its first day', () => {
    expect(addToDate('2024-02', { months: 1 })).toBe('2024-03-01');
  });

  it('computes dates in the first century without reading them as 1900s', () => {
    expect(addToDate('0050-01-01', { days: 1 })).toBe('0050-01-02');
    expect(addToDate('0001-03-01', { days: -1 })).toBe('0001-02-28');
  });

  it('is undefined for a bad date, a non-integer offset or a result out of range', () => {
    expect(addToDate('2024-02-30', { days: 1 })).toBeUndefined();
    expect(addToDate('2024-01-01', { days: 1.5 })).toBeUndefined();
    expect(addToDate('2024-01-01', { months: Number.NaN })).toBeUndefined();
    expect(addToDate('2024-01-01', { years: 8000 })).toBeUndefined();
    expect(addToDate('0001-01-01', { days: -1 })).toBeUndefined();
    expect(addToDate('9999-12-31', { days: 1 })).toBeUndefined();
    expect(addToDate('2024-01-01', { days: 1e15 })).toBeUndefined();
    expect(addToDate('2024-01-01', { years: Number.MAX_SAFE_INTEGER })).toBeUndefined();
  });
});

describe('yearsBetween', () => {
  it('counts whole years, a birthday counting from its day', () => {
    expect(yearsBetween('2000-06-15', '2024-06-14')).toBe(23);
    expect(yearsBetween('2000-06-15', '2024-06-15')).toBe(24);
    expect(yearsBetween('2000-06-15', '2000-06-15')).toBe(0);
  });

  it('counts a 29 February birthday from 1 March in other years', () => {
    expect(yearsBetween('2008-02-29', '2025-02-28')).toBe(16);
    expect(yearsBetween('2008-02-29', '2025-03-01')).toBe(17);
    expect(yearsBetween('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('is negative for a birth after the day, and undefined for bad dates', () => {
    expect(yearsBetween('2030-01-01', '2024-01-01')).toBe(-6);
    expect(yearsBetween('nope', '2024-01-01')).toBeUndefined();
    expect(yearsBetween('2024-01-01', '2024-02-30')).toBeUndefined();
  });
});

describe('todayIso', () => {
  it('gives the UTC date whatever the time zone of the instant', () => {
    expect(todayIso(new Date('2024-03-01T23:30:00-05:00'))).toBe('2024-03-02');
    expect(todayIso(new Date('2024-03-01T00:30:00+01:00'))).toBe('2024-02-29');
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
