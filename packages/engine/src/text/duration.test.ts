import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.ts';

const years = (lang: string, numbers: number[]) => numbers.map((n) => formatDuration({ years: n }, lang));
const months = (lang: string, numbers: number[]) => numbers.map((n) => formatDuration({ months: n }, lang));

describe('formatDuration', () => {
  it('writes years and months in English, singular for one', () => {
    expect(formatDuration({ years: 2, months: 3 }, 'en')).toBe('2 years 3 months');
    expect(formatDuration({ years: 1, months: 1 }, 'en')).toBe('1 year 1 month');
    expect(formatDuration({ years: 1 }, 'en')).toBe('1 year');
  });

  it('writes years and months in Welsh', () => {
    expect(formatDuration({ years: 2, months: 3 }, 'cy')).toBe('2 flynedd 3 mis');
    expect(formatDuration({ years: 1, months: 2 }, 'cy')).toBe('1 flwyddyn 2 fis');
  });

  it('mutates the Welsh year by the numeral before it', () => {
    expect(years('cy', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([
      '0 mlynedd',
      '1 flwyddyn',
      '2 flynedd',
      '3 blynedd',
      '4 blynedd',
      '5 mlynedd',
      '6 blynedd',
      '7 mlynedd',
      '8 mlynedd',
      '9 mlynedd',
      '10 mlynedd',
    ]);
  });

  it('follows traditional counting for Welsh teens and twenties', () => {
    // 13 tair blynedd ar ddeg, 16 un mlynedd ar bymtheg, 17 dwy flynedd ar bymtheg, 22 dwy flynedd ar hugain.
    expect(years('cy', [11, 12, 13, 15, 16, 17, 19, 20, 21, 22, 26, 40, 100])).toEqual([
      '11 mlynedd',
      '12 mlynedd',
      '13 blynedd',
      '15 mlynedd',
      '16 mlynedd',
      '17 flynedd',
      '19 blynedd',
      '20 mlynedd',
      '21 mlynedd',
      '22 flynedd',
      '26 blynedd',
      '40 mlynedd',
      '100 mlynedd',
    ]);
  });

  it('softens the Welsh month only after two', () => {
    expect(months('cy', [1, 2, 3, 6, 11, 17])).toEqual(['1 mis', '2 fis', '3 mis', '6 mis', '11 mis', '17 fis']);
  });

  it('leaves out zero parts', () => {
    expect(formatDuration({ years: 0, months: 5 }, 'en')).toBe('5 months');
    expect(formatDuration({ years: 3, months: 0 }, 'cy')).toBe('3 blynedd');
  });

  it('writes a duration of nothing as zero of its smallest unit', () => {
    expect(formatDuration({ years: 0, months: 0 }, 'en')).toBe('0 months');
    expect(formatDuration({ years: 0 }, 'en')).toBe('0 years');
    expect(formatDuration({}, 'en')).toBe('');
  });

  it('ignores parts that are not whole counts', () => {
    expect(formatDuration({ years: -1, months: 2.5 }, 'en')).toBe('');
    expect(formatDuration({ years: 2, months: -3 }, 'en')).toBe('2 years');
  });
});
