import type { DateOffset } from '@eq/schema';

/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so results never depend on the
 * server's time zone.
 */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (1-12) of the proleptic Gregorian calendar; 0 for a month out of range. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses YYYY-MM-DD (or YYYY-MM as the first of the month), ASCII digits only; undefined if not a
 * real date. Read character by character: conditions on ages parse dates at every page of a walk.
 */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | undefined {
  const full = value.length === 10;
  if ((!full && value.length !== 7) || value.charCodeAt(4) !== DASH || (full && value.charCodeAt(7) !== DASH)) {
    return undefined;
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = full ? digitsAt(value, 8, 2) : 1;
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

const DASH = 0x2d;
const ZERO = 0x30;

/** The number `count` ASCII digits at `from` spell, or -1 when one is not a digit. */
function digitsAt(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const digit = value.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Normalises YYYY-MM-DD, YYYY-MM or a year number to a full ISO date; undefined otherwise. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1 && value <= 9999 ? formatIsoDate(value, 1, 1) : undefined;
  if (typeof value !== 'string' || (value.length !== 10 && value.length !== 7)) return undefined;
  if (!parseIsoDate(value)) return undefined;
  // A valid string is already zero-padded, so only a month-year needs rewriting.
  return value.length === 7 ? `${value}-01` : value;
}

/**
 * Adds an offset; a day past the end of the resulting month falls back to its last day
 * (31 January + 1 month is 28 or 29 February), and days are added last. Undefined for a bad
 * date, a non-integer offset or a result outside years 1-9999.
 */
export function addToDate(iso: string, offset: DateOffset): string | undefined {
  const date = parseIsoDate(iso);
  const { years = 0, months = 0, days = 0 } = offset;
  if (!date || !Number.isSafeInteger(years) || !Number.isSafeInteger(months) || !Number.isSafeInteger(days)) {
    return undefined;
  }
  const totalMonths = date.year * 12 + (date.month - 1) + years * 12 + months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12 + 1;
  if (year < 1 || year > 9999) return undefined;
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const result = new Date(0);
  result.setUTCFullYear(year, month - 1, Math.min(date.day, daysInMonth(year, month)) + days);
  const y = result.getUTCFullYear();
  if (!(y >= 1 && y <= 9999)) return undefined;
  return formatIsoDate(y, result.getUTCMonth() + 1, result.getUTCDate());
}

/** Whole years from `birth` to `on` (an age; a 29 February birthday counts from 1 March); undefined for bad dates. */
export function yearsBetween(birth: string, on: string): number | undefined {
  const a = parseIsoDate(birth);
  const b = parseIsoDate(on);
  if (!a || !b) return undefined;
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

/** Today's date in UTC as YYYY-MM-DD. The only place the engine reads the clock, as a default. */
export function todayIso(now: Date = new Date()): string {
  return formatIsoDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
