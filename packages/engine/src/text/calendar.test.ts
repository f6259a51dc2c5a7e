import { describe, expect, it } from 'vitest';
import { formatDate, formatMonthYear } from './calendar.ts';

describe('formatDate', () => {
  it('writes a long date by default', () => {
    expect(formatDate('2024-01-01', 'en')).toBe('1 January 2024');
    expect(formatDate('2024-01-01', 'cy')).toBe('1 Ionawr 2024');
  });

  it('writes each date style', () => {
    const styles = ['full', 'long', 'medium', 'short'] as const;
    expect(styles.map((style) => formatDate('2024-03-05', 'en', style))).toEqual([
      'Tuesday, 5 March 2024',
      '5 March 2024',
      '5 Mar 2024',
      '05/03/2024',
    ]);
    expect(styles.map((style) => formatDate('2024-03-05', 'cy', style))).toEqual([
      'Dydd Mawrth, 5 Mawrth 2024',
      '5 Mawrth 2024',
      '5 Maw 2024',
      '05/03/24',
    ]);
  });

  it('keeps the calendar day whatever the time zone, and years below 100 as written', () => {
    expect(formatDate('2024-12-31', 'en')).toBe('31 December 2024');
    expect(formatDate('0050-06-15', 'en')).toBe('15 June 50');
  });

  it('returns anything that is not a real date as given', () => {
    expect(formatDate('2024-02-30', 'en')).toBe('2024-02-30');
    expect(formatDate('next Tuesday', 'cy')).toBe('next Tuesday');
    expect(formatDate('2024-02', 'en')).toBe('2024-02');
  });
});

describe('formatMonthYear', () => {
  it('writes a month and year from YYYY-MM or a full date', () => {
    expect(formatMonthYear('2024-01', 'en')).toBe('January 2024');
    expect(formatMonthYear('2024-02-29', 'en')).toBe('February 2024');
    expect(formatMonthYear('2024-07', 'cy')).toBe('Gorffennaf 2024');
  });

  it('returns anything else as given', () => {
    expect(formatMonthYear('2024-13', 'en')).toBe('2024-13');
    expect(formatMonthYear('', 'en')).toBe('');
  });
});
