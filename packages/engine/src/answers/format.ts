import type { Answer, DetailAnswer, DurationValue } from '@eq/schema';
import { parseIsoDate } from '../dates.ts';

/**
 * Values written into validation messages ("Enter a number less than or equal to £1,000"), in
 * the way the answer shows them. Dates are formatted in UTC so the server's zone never matters.
 */
type AnyAnswer = Answer | DetailAnswer;

/** Intl locale of a message language: British conventions for English and Welsh alike. */
export function localeOf(lang: string): string {
  return lang === 'cy' ? 'cy-GB' : 'en-GB';
}

/** Units Intl cannot format by name, written with their usual symbol instead. */
const UNIT_SYMBOLS: Record<string, string> = {
  'square-centimeter': 'cm²',
  'square-meter': 'm²',
  'square-kilometer': 'km²',
  'square-foot': 'sq ft',
  'square-mile': 'sq mi',
  'cubic-centimeter': 'cm³',
  'cubic-meter': 'm³',
  tonne: 't',
};

export function formatNumber(answer: AnyAnswer, n: number, lang: string): string {
  const locale = localeOf(lang);
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(n);
  switch (answer.type) {
    case 'currency': {
      const fraction = Number.isInteger(n) ? 0 : 2;
      const options: Intl.NumberFormatOptions = {
        style: 'currency',
        currency: answer.currency ?? 'GBP',
        minimumFractionDigits: fraction,
        maximumFractionDigits: Math.max(fraction, answer.decimalPlaces ?? 2),
      };
      return formatOr(locale, options, n, plain);
    }
    case 'percentage':
      return `${plain}%`;
    case 'unit': {
      const symbol = Object.hasOwn(UNIT_SYMBOLS, answer.unit) ? UNIT_SYMBOLS[answer.unit] : undefined;
      if (symbol) return `${plain} ${symbol}`;
      const options: Intl.NumberFormatOptions = {
        style: 'unit',
        unit: answer.unit,
        unitDisplay: answer.unitLength ?? 'short',
        maximumFractionDigits: 6,
      };
      return formatOr(locale, options, n, `${plain} ${answer.unit}`);
    }
    default:
      return plain;
  }
}

/** Intl refuses unknown units and currencies (a questionnaire that skipped validation): fall back. */
function formatOr(locale: string, options: Intl.NumberFormatOptions, n: number, fallback: string): string {
  try {
    return new Intl.NumberFormat(locale, options).format(n);
  } catch {
    return fallback;
  }
}

const MONTH_YEAR: Intl.DateTimeFormatOptions = { timeZone: 'UTC', month: 'long', year: 'numeric' };
const FULL_DATE: Intl.DateTimeFormatOptions = { ...MONTH_YEAR, day: 'numeric' };

/** An ISO date (YYYY-MM-DD or YYYY-MM) as "1 January 2020", or "January 2020" without a day. */
export function formatDate(iso: string, lang: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const utc = new Date(Date.UTC(2000, date.month - 1, date.day));
  // Date.UTC reads years 0-99 as 1900-1999; setting the year afterwards keeps it exact.
  utc.setUTCFullYear(date.year);
  return new Intl.DateTimeFormat(localeOf(lang), iso.length === 7 ? MONTH_YEAR : FULL_DATE).format(utc);
}

/** A duration as "2 years and 6 months" / "2 flynedd a 6 mis" (Intl knows the Welsh mutations). */
export function formatDuration(value: DurationValue, lang: string): string {
  const locale = localeOf(lang);
  const unit = (name: 'year' | 'month', n: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(n);
  const years = value.years ?? 0;
  const months = value.months ?? 0;
  if (years === 0) return unit('month', months);
  if (months === 0) return unit('year', years);
  // Welsh "a" becomes "ac" before a vowel: "un" (1) and "un ar ddeg" (11) are the months that start with one.
  const and = lang === 'cy' ? (months === 1 || months === 11 ? 'ac' : 'a') : 'and';
  return `${unit('year', years)} ${and} ${unit('month', months)}`;
}
