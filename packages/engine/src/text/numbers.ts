import { baseLanguage, localeFor, numberFormat, plurals } from './intl.ts';

/** Answers allow up to 6 decimal places, so plain numbers show up to 6 rather than Intl's default 3. */
const MAX_DECIMALS = 6;

/** Fraction digit options: exactly `decimalPlaces` when it is valid (0-6), else up to 6. */
export function fractionDigits(decimalPlaces?: number): Intl.NumberFormatOptions {
  if (decimalPlaces !== undefined && Number.isInteger(decimalPlaces) && decimalPlaces >= 0) {
    const places = Math.min(decimalPlaces, MAX_DECIMALS);
    return { minimumFractionDigits: places, maximumFractionDigits: places };
  }
  return { maximumFractionDigits: MAX_DECIMALS };
}

/** A grouped number: "1,234.5". Non-finite numbers give an empty string. */
export function formatNumber(value: number, lang: string, decimalPlaces?: number): string {
  if (!Number.isFinite(value)) return '';
  return numberFormat(localeFor(lang), fractionDigits(decimalPlaces)).format(value);
}

/**
 * An amount of money: "£1,234" for whole amounts, "£1,234.50" otherwise, or exactly
 * `decimalPlaces` decimals when given. An unknown currency code falls back to GBP.
 */
export function formatCurrency(value: number, lang: string, currency = 'GBP', decimalPlaces?: number): string {
  if (!Number.isFinite(value)) return '';
  const code = /^[A-Z]{3}$/.test(currency) ? currency : 'GBP';
  const places = decimalPlaces ?? (Number.isInteger(value) ? 0 : 2);
  return numberFormat(localeFor(lang), { style: 'currency', currency: code, ...fractionDigits(places) }).format(value);
}

/** A percentage stored as 45 (not 0.45): "45%". */
export function formatPercentage(value: number, lang: string, decimalPlaces?: number): string {
  if (!Number.isFinite(value)) return '';
  return numberFormat(localeFor(lang), { style: 'unit', unit: 'percent', ...fractionDigits(decimalPlaces) }).format(
    value,
  );
}

const ENGLISH_SUFFIXES: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** An ordinal number: "21st" in English, "21ain" in Welsh. Anything but a whole number is written as a number. */
export function formatOrdinal(value: number, lang: string): string {
  if (!Number.isSafeInteger(value) || value < 0) return formatNumber(value, lang);
  const locale = localeFor(lang);
  const number = numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  if (baseLanguage(locale) === 'cy') return `${number}${welshOrdinalSuffix(value)}`;
  if (baseLanguage(locale) !== 'en') return number;
  const category = plurals(locale, { type: 'ordinal' }).select(value);
  return `${number}${ENGLISH_SUFFIXES[category] ?? 'th'}`;
}

/**
 * Welsh ordinals follow the traditional (vigesimal) counting used for dates: the suffix is that
 * of the last spoken part. 11 is "unfed ar ddeg" (11eg), 21 "unfed ar hugain" (21ain), 20
 * "ugeinfed" (20fed). CLDR's ordinal rules use decimal counting (11fed), hence this table.
 */
const WELSH_BELOW_TWENTY = 'fed af il ydd ydd ed ed fed fed fed fed eg fed eg eg fed eg eg fed eg'.split(' ');

function welshOrdinalSuffix(value: number): string {
  // Past a hundred the last two digits are spoken after "wedi'r cant": 101af, 111eg; 100 is "canfed".
  const rest = value >= 100 ? value % 100 : value;
  if (value >= 100 && rest === 0) return 'fed';
  if (rest < 20) return WELSH_BELOW_TWENTY[rest] ?? 'fed';
  // 20, 40, 50 (hanner canfed), 60 and 80 end in -fed; numbers between them end in -ain
  // ("ar hugain", "a deugain", "a thrigain", "a phedwar ugain").
  return rest % 20 === 0 || rest === 50 ? 'fed' : 'ain';
}
