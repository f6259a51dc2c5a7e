import type { Answer, BinaryOperator, DetailAnswer, DurationValue, MetadataDefinition } from '@eq/schema';
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

/** What an expression evaluates to: an answer value, a literal, a list, or undefined for a missing value. */
export type Value = AnswerValue | boolean | null | undefined | Value[];

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
  if (
    line1.length > MAX_TEXT ||
    town.length > MAX_TEXT ||
    postcode.length > MAX_TEXT ||
    (line2?.length ?? 0) > MAX_TEXT
  ) {
    return undefined;
  }
  return line2 ? { line1, line2, town, postcode } : { line1, town, postcode };
}

/** Reads a launch value against its metadata definition: undefined when undeclared, missing or of the wrong type. */
export function readMetadata(def: MetadataDefinition | undefined, raw: unknown): string | number | boolean | undefined {
  switch (def?.type) {
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'date':
      return toIsoDate(typeof raw === 'string' ? raw : undefined);
  }
  return undefined;
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

/**
 * Equality across value types: a missing value (undefined or an empty list) equals only null,
 * so `== null` tests for unanswered while two missing values are not equal; lists compare as
 * sets (checkbox selections); dates by calendar day, a month-year being its first day;
 * durations by total months.
 */
export function equals(a: Value, b: Value): boolean {
  if (isMissing(a)) return b === null;
  if (isMissing(b)) return a === null;
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.every((x) => includesValue(b, x)) && b.every((y) => includesValue(a, y))
    );
  }
  // Two different strings of one length are never the same day: only YYYY-MM against YYYY-MM-DD can be.
  if (typeof a === 'string') return typeof b === 'string' && a.length !== b.length && order(a, b) === 0;
  return isDuration(a) && isDuration(b) && durationMonths(a) === durationMonths(b);
}

/**
 * Orders two numbers, two dates (YYYY-MM-DD, or YYYY-MM as its first day) or two durations:
 * negative, zero or positive; undefined when the two cannot be ordered.
 */
export function order(a: Value, b: Value): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : undefined;
  if (typeof a === 'string' && typeof b === 'string') {
    const da = toIsoDate(a);
    const db = toIsoDate(b);
    if (da === undefined || db === undefined) return undefined;
    return da < db ? -1 : da > db ? 1 : 0;
  }
  if (isDuration(a) && isDuration(b)) return Math.sign(durationMonths(a) - durationMonths(b));
  return undefined;
}

function isMissing(v: Value): boolean {
  return v === undefined || (Array.isArray(v) && v.length === 0);
}

/** Whether a list holds a value, by `equals`. */
export function includesValue(list: readonly Value[], v: Value): boolean {
  for (const x of list) if (equals(x, v)) return true;
  return false;
}

/** A `{years, months}` value with at least one of the two, both numbers when present. */
export function isDuration(v: unknown): v is DurationValue {
  if (!isRecord(v)) return false;
  const { years, months } = v;
  if (years === undefined && months === undefined) return false;
  return (years === undefined || typeof years === 'number') && (months === undefined || typeof months === 'number');
}

/** Applies a binary operator. Comparing with a missing value is false, except `!=` (which is `not ==`). */
export function compareValues(op: BinaryOperator, a: Value, b: Value): boolean {
  switch (op) {
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case 'in':
      return !Array.isArray(a) && isPresent(a) && Array.isArray(b) && includesValue(b, a);
    case 'any-in':
      return membersOf(a, b, false);
    case 'all-in':
      return membersOf(a, b, true);
  }
  const sign = order(a, b);
  if (sign === undefined) return false;
  return op === '<' ? sign < 0 : op === '<=' ? sign <= 0 : op === '>' ? sign > 0 : sign >= 0;
}

function isPresent(v: Value): boolean {
  return v !== undefined && v !== null;
}

/** Whether a value is one of a list, or the single value given in place of a list. */
function memberOf(v: Value, list: Value): boolean {
  return Array.isArray(list) ? includesValue(list, v) : isPresent(list) && equals(v, list);
}

/** Whether any (or every) value of `a`, a list or a single value, is one of `b`; false when `a` is empty. */
function membersOf(a: Value, b: Value, every: boolean): boolean {
  if (!Array.isArray(a)) return isPresent(a) && memberOf(a, b);
  if (a.length === 0) return false;
  for (const x of a) if (memberOf(x, b) !== every) return !every;
  return every;
}

/** A number, or the sum of the numbers in a list (other values count as 0). */
/** Answers have at most 6 decimal places, so anything past that in a sum is floating-point noise (0.1 + 0.2). */
export function roundTotal(n: number): number {
  return Number(n.toFixed(6));
}

export function numberTotal(v: Value): number {
  if (typeof v === 'number') return v;
  let total = 0;
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'number') total += x;
  return total;
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
