import type { NumericAnswer } from '@eq/schema';
import { fieldText } from './form.ts';
import type { ParseResult } from './parse.ts';

/**
 * Numbers as people type them: "1,234", "1 234", "-5", "12.50", "£1,234.50" for money and
 * "45%" for percentages. Thousands separators must group digits in threes, so "1,23,4" (a
 * likely typo) is refused rather than read as 1234; exponents ("1e5") are refused too.
 */
const NUMBER = /^(-)?(\d+|\d{1,3}(?:([, ])\d{3})(?:\3\d{3})*)?(?:\.(\d+))?$/;

/** Decimal places allowed when the answer does not say. */
export function decimalPlaces(answer: NumericAnswer): number {
  return answer.decimalPlaces ?? (answer.type === 'currency' ? 2 : 0);
}

export function parseNumber(answer: NumericAnswer, form: unknown): ParseResult {
  const field = answer.id;
  const text = fieldText(form, field);
  if (text === '') return { errors: [] };
  const match = NUMBER.exec(normalise(answer, text));
  const whole = match?.[2];
  const fraction = match?.[4];
  if (!match || (whole === undefined && fraction === undefined)) return invalid(field);
  const value = Number(`${match[1] ?? ''}${(whole ?? '0').replace(/[, ]/g, '')}.${fraction ?? '0'}`);
  if (!Number.isFinite(value)) return invalid(field);
  // "12.50" has two places as typed but is 12.5: only digits that change the value count.
  const places = (fraction ?? '').replace(/0+$/, '').length;
  const allowed = decimalPlaces(answer);
  if (places > allowed) return { errors: [{ field, code: 'tooManyDecimals', detail: { count: allowed } }] };
  // -0 would be stored as 0 by JSON anyway; make it so now.
  return { value: value === 0 ? 0 : value, errors: [] };
}

function invalid(field: string): ParseResult {
  return { errors: [{ field, code: 'invalidNumber' }] };
}

/** Drops what may decorate a number (currency symbol, percent sign) and unifies spaces and minus signs. */
function normalise(answer: NumericAnswer, text: string): string {
  let out = text.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\u2212/g, '-');
  if (answer.type === 'percentage') out = out.replace(/\s*%$/, '');
  if (answer.type === 'currency') {
    const symbol = currencySymbol(answer.currency ?? 'GBP');
    // The symbol may come before or after a minus sign: "-£5" and "£-5".
    if (out.startsWith(symbol)) out = out.slice(symbol.length).trimStart();
    else if (out.startsWith(`-${symbol}`)) out = `-${out.slice(symbol.length + 1).trimStart()}`;
  }
  return out;
}

function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
