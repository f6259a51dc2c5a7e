import type { Answer, DetailAnswer } from '@eq/schema';
import { formatIsoDate, isValidDate } from '../dates.ts';
import { durationUnits } from './fields.ts';
import { fieldText } from './form.ts';
import type { MessageDetail } from './messages.ts';
import type { FieldError, ParseResult } from './parse.ts';

/** Day/month/year fields: numbers only (no month names), the year always written in full. */
const DAY_OR_MONTH = /^\d{1,2}$/;
const YEAR = /^\d{4}$/;
const WHOLE = /^\d{1,9}$/;

type Part = 'day' | 'month' | 'year';

/** A date (day, month, year) or a month and year, as YYYY-MM-DD or YYYY-MM. */
export function parseDate(answer: Answer | DetailAnswer, form: unknown): ParseResult {
  const parts: Part[] = answer.type === 'date' ? ['day', 'month', 'year'] : ['month', 'year'];
  const text = Object.fromEntries(parts.map((p) => [p, fieldText(form, `${answer.id}-${p}`)])) as Record<Part, string>;
  const missing = parts.filter((p) => text[p] === '');
  if (missing.length === parts.length) return { errors: [] };
  const error = (part: Part, code: FieldError['code'], detail?: MessageDetail): ParseResult => ({
    errors: [{ field: `${answer.id}-${part}`, code, ...(detail ? { detail } : {}) }],
  });
  const [firstMissing] = missing;
  if (firstMissing) return error(firstMissing, 'incompleteDate');
  const day = answer.type === 'date' ? text.day : '1';
  if (!DAY_OR_MONTH.test(day)) return error('day', 'invalidDate');
  if (!DAY_OR_MONTH.test(text.month)) return error('month', 'invalidDate');
  if (!YEAR.test(text.year)) return error('year', 'invalidDate', { part: 'year' });
  const [y, m, d] = [Number(text.year), Number(text.month), Number(day)];
  if (m < 1 || m > 12) return error('month', 'invalidDate');
  if (!isValidDate(y, m, d)) return error(y < 1 ? 'year' : 'day', 'invalidDate');
  const iso = formatIsoDate(y, m, d);
  return { value: answer.type === 'date' ? iso : iso.slice(0, 7), errors: [] };
}

/** A year on its own, in one field, as a number. */
export function parseYear(answer: Answer | DetailAnswer, form: unknown): ParseResult {
  const text = fieldText(form, answer.id);
  if (text === '') return { errors: [] };
  if (!YEAR.test(text)) return { errors: [{ field: answer.id, code: 'invalidDate', detail: { part: 'year' } }] };
  const year = Number(text);
  return year < 1 ? { errors: [{ field: answer.id, code: 'invalidDate' }] } : { value: year, errors: [] };
}

/**
 * A duration in whole years and/or months, keeping only the units filled in. With both units
 * asked, months above 11 are refused: they belong in the years.
 */
export function parseDuration(answer: Answer | DetailAnswer, form: unknown): ParseResult {
  const units = durationUnits(answer);
  const value: { years?: number; months?: number } = {};
  for (const unit of units) {
    const field = `${answer.id}-${unit}`;
    const text = fieldText(form, field);
    if (text === '') continue;
    const n = Number(text);
    if (!WHOLE.test(text) || (unit === 'months' && units.length > 1 && n > 11)) {
      return { errors: [{ field, code: 'invalidDuration' }] };
    }
    value[unit] = n;
  }
  return value.years === undefined && value.months === undefined ? { errors: [] } : { value, errors: [] };
}
