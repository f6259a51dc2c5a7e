import type { Answer, DetailAnswer, DurationValue } from '@eq/schema';
import { toIsoDate } from './dates.ts';
import { isRecord } from './state.ts';

export interface Address {
  line1: string;
  line2?: string;
  town: string;
  postcode: string;
}

/**
 * Stored answer values by type: text-like and option answers are strings, numeric answers
 * numbers, checkboxes string arrays, dates YYYY-MM-DD, month-years YYYY-MM, years numbers,
 * durations `{years, months}` and addresses `{line1, line2, town, postcode}`.
 */
export type AnswerValue = string | number | string[] | DurationValue | Address;

const MAX_TEXT = 100_000;

/**
 * Reads a stored value against its answer definition: the typed value, or undefined when the
 * value is missing or is not a valid value of that answer (wrong type, unknown option).
 */
export function readAnswer(answer: Answer | DetailAnswer, raw: unknown): AnswerValue | undefined {
  switch (answer.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'mobile':
    case 'postcode':
      return typeof raw === 'string' && raw.length > 0 && raw.length <= MAX_TEXT ? raw : undefined;
    case 'radio':
    case 'dropdown':
      return typeof raw === 'string' && answer.options.some((o) => o.value === raw) ? raw : undefined;
    case 'checkbox': {
      if (!Array.isArray(raw)) return undefined;
      const chosen = answer.options.map((o) => o.value).filter((v) => raw.includes(v));
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'date':
      return typeof raw === 'string' && raw.length === 10 && toIsoDate(raw) === raw ? raw : undefined;
    case 'monthYear':
      return typeof raw === 'string' && raw.length === 7 && toIsoDate(raw) === `${raw}-01` ? raw : undefined;
    case 'year':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 9999 ? raw : undefined;
    case 'duration':
      return readDuration(raw);
    case 'address':
      return readAddress(raw);
  }
}

function readDuration(raw: unknown): DurationValue | undefined {
  if (!isRecord(raw)) return undefined;
  const out: DurationValue = {};
  for (const unit of ['years', 'months'] as const) {
    const v = raw[unit];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return undefined;
    out[unit] = v;
  }
  return out.years === undefined && out.months === undefined ? undefined : out;
}

function readAddress(raw: unknown): Address | undefined {
  if (!isRecord(raw)) return undefined;
  const { line1, line2, town, postcode } = raw;
  if (typeof line1 !== 'string' || typeof town !== 'string' || typeof postcode !== 'string') return undefined;
  if (!line1 || !town || !postcode) return undefined;
  if (line2 !== undefined && typeof line2 !== 'string') return undefined;
  return line2 ? { line1, line2, town, postcode } : { line1, town, postcode };
}

/** Reads a relationships answer: the chosen value for each other item. */
export function readRelationships(answer: Answer | DetailAnswer, raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(raw)) return out;
  for (const [to, value] of Object.entries(raw)) {
    const read = readAnswer(answer, value);
    if (typeof read === 'string') out[to] = read;
  }
  return out;
}

/** Total months of a duration, for comparisons. */
export function durationMonths(value: DurationValue): number {
  return (value.years ?? 0) * 12 + (value.months ?? 0);
}

export function isNumericAnswer(answer: Answer | DetailAnswer): boolean {
  return (
    answer.type === 'number' || answer.type === 'currency' || answer.type === 'percentage' || answer.type === 'unit'
  );
}
