import type { DurationValue } from '@eq/schema';
import { baseLanguage, localeFor, plurals } from './intl.ts';
import { formatNumber } from './numbers.ts';

type DurationUnit = 'years' | 'months';

const ENGLISH: Record<DurationUnit, { one: string; other: string }> = {
  years: { one: 'year', other: 'years' },
  months: { one: 'month', other: 'months' },
};

/**
 * In Welsh the noun follows a numeral in the singular and mutates by that numeral: "blwyddyn"
 * gives un flwyddyn, dwy flynedd, tair/pedair/chwe blynedd and, after pum, saith, wyth, naw,
 * deng, deuddeng, pymtheng, deunaw, ugain and can, mlynedd; "mis" gives dau fis, otherwise mis.
 * Plural categories cannot express this (4 falls in `other` with 5), so the numeral is worked out.
 */
function welshWord(unit: DurationUnit, n: number): string {
  const { numeral, compound } = spokenNumeral(n);
  if (unit === 'months') return numeral === 2 ? 'fis' : 'mis';
  if (numeral === 1) return compound ? 'mlynedd' : 'flwyddyn';
  if (numeral === 2) return 'flynedd';
  return numeral === 3 || numeral === 4 || numeral === 6 ? 'blynedd' : 'mlynedd';
}

/** Teens spoken as a numeral plus ten or fifteen: 11 un ar ddeg, 13 tair ar ddeg, 17 dwy ar bymtheg, 19 pedair ar bymtheg. */
const TEEN_NUMERALS: Record<number, number> = { 11: 1, 13: 3, 14: 4, 16: 1, 17: 2, 19: 4 };

/**
 * The numeral that comes right before the noun in traditional (vigesimal) counting, where the
 * noun follows the first part: 23 is "tair blynedd ar hugain". From 100 the noun follows the
 * whole number.
 */
function spokenNumeral(n: number): { numeral: number; compound: boolean } {
  if (n >= 100 || n <= 10) return { numeral: n, compound: false };
  const rest = n % 20;
  const below = n < 20 ? n : rest;
  if (n >= 20 && rest === 0) return { numeral: n, compound: false };
  const teen = TEEN_NUMERALS[below];
  if (teen !== undefined) return { numeral: teen, compound: true };
  return { numeral: below, compound: n > 20 };
}

function unitText(unit: DurationUnit, n: number, lang: string): string {
  const locale = localeFor(lang);
  const number = formatNumber(n, lang);
  if (baseLanguage(locale) === 'cy') return `${number} ${welshWord(unit, n)}`;
  const words = ENGLISH[unit];
  return `${number} ${plurals(locale).select(n) === 'one' ? words.one : words.other}`;
}

/**
 * A duration in words: "2 years 3 months", "1 year", Welsh "2 flynedd 3 mis". Zero parts are left
 * out; a duration of nothing at all is written as zero of its smallest unit ("0 months").
 */
export function formatDuration(value: DurationValue, lang: string): string {
  const given = (['years', 'months'] as const).filter((unit) => isCount(value[unit]));
  const parts = given.filter((unit) => (value[unit] ?? 0) > 0);
  const shown = parts.length > 0 ? parts : given.slice(-1);
  return shown.map((unit) => unitText(unit, value[unit] ?? 0, lang)).join(' ');
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}
