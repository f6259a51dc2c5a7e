import { UNITS } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { formatUnit } from './units.ts';

const every = (unit: string, lang: string, numbers: number[]) => numbers.map((n) => formatUnit(n, unit, lang, 'long'));

describe('formatUnit', () => {
  it('writes every unit of the format in every length and language, starting with the number', () => {
    for (const unit of Object.values(UNITS).flat()) {
      for (const lang of ['en', 'cy']) {
        for (const length of ['short', 'long', 'narrow'] as const) {
          const text = formatUnit(1234.5, unit, lang, length);
          expect(text, `${unit} ${lang} ${length}`).toMatch(/^1,234\.5\s?\S/);
        }
      }
    }
  });

  it('uses Intl for sanctioned units', () => {
    expect(formatUnit(5, 'centimeter', 'en')).toBe('5 cm');
    expect(formatUnit(5, 'centimeter', 'en', 'long')).toBe('5 centimetres');
    expect(formatUnit(1, 'kilogram', 'en', 'long')).toBe('1 kilogram');
    expect(formatUnit(5, 'kilometer', 'en', 'narrow')).toBe('5km');
    expect(formatUnit(2, 'pound', 'cy', 'long')).toBe('2 bwys');
    expect(formatUnit(2, 'year', 'cy', 'long')).toBe('2 flynedd');
  });

  it('writes square and cubic units with symbols when short', () => {
    expect(formatUnit(12, 'square-meter', 'en')).toBe('12 m²');
    expect(formatUnit(12, 'square-foot', 'en')).toBe('12 sq ft');
    expect(formatUnit(12, 'square-foot', 'en', 'narrow')).toBe('12ft²');
    expect(formatUnit(3, 'cubic-centimeter', 'cy')).toBe('3 cm³');
  });

  it('writes English own labels in the singular only for one', () => {
    expect(every('square-meter', 'en', [0, 1, 2, 1.5])).toEqual([
      '0 square metres',
      '1 square metre',
      '2 square metres',
      '1.5 square metres',
    ]);
    expect(every('square-foot', 'en', [1, 3])).toEqual(['1 square foot', '3 square feet']);
    expect(every('tonne', 'en', [1, 2])).toEqual(['1 tonne', '2 tonnes']);
    expect(every('stone', 'en', [1, 11])).toEqual(['1 stone', '11 stone']);
  });

  it('writes an imperial gallon, not CLDR’s US gallon', () => {
    expect(formatUnit(2, 'gallon', 'en', 'long')).toBe('2 gallons');
    expect(formatUnit(2, 'gallon', 'en')).toBe('2 gal');
  });

  it('mutates Welsh own labels after 1, 2, 3 and 6 as the numeral requires', () => {
    expect(every('square-meter', 'cy', [0, 1, 2, 3, 6, 10])).toEqual([
      '0 metr sgwâr',
      '1 metr sgwâr',
      '2 fetr sgwâr',
      '3 metr sgwâr',
      '6 metr sgwâr',
      '10 metr sgwâr',
    ]);
    expect(every('square-kilometer', 'cy', [2, 3, 6])).toEqual([
      '2 gilometr sgwâr',
      '3 chilometr sgwâr',
      '6 chilometr sgwâr',
    ]);
    expect(every('tonne', 'cy', [0, 1, 2, 3, 4, 6])).toEqual([
      '0 tunnell fetrig',
      '1 dunnell fetrig',
      '2 dunnell fetrig',
      '3 tunnell fetrig',
      '4 tunnell fetrig',
      '6 thunnell fetrig',
    ]);
    expect(every('square-mile', 'cy', [1, 2, 3])).toEqual(['1 filltir sgwâr', '2 filltir sgwâr', '3 milltir sgwâr']);
    expect(every('cubic-meter', 'cy', [2])).toEqual(['2 fetr ciwbig']);
    expect(every('gallon', 'cy', [1, 2])).toEqual(['1 galwyn', '2 alwyn']);
  });

  it('writes the number alone for a unit it does not know', () => {
    expect(formatUnit(5, 'furlong', 'en')).toBe('5');
    expect(formatUnit(5, 'constructor', 'cy', 'long')).toBe('5');
  });

  it('fixes the decimals when asked', () => {
    expect(formatUnit(2, 'square-meter', 'en', 'short', 2)).toBe('2.00 m²');
    expect(formatUnit(2, 'meter', 'en', 'short', 1)).toBe('2.0 m');
  });
});
