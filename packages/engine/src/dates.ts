import type { DateOffset } from '@eq/schema';

/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so results never depend on the
 * server's time zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses YYYY-MM-DD (or YYYY-MM as the first of the month); undefined if not a real date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | undefined {
  const full = ISO_DATE.exec(value.length === 7 ? `${value}-01` : value);
  if (!full) return undefined;
  const [year, month, day] = [Number(full[1]), Number(full[2]), Number(full[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

/** Normalises YYYY-MM-DD, YYYY-MM or a year number to a full ISO date; undefined otherwise. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9999) {
    return formatIsoDate(value, 1, 1);
  }
  if (typeof value !== 'string') return undefined;
  const parsed = parseIsoDate(value);
  return parsed ? formatIsoDate(parsed.year, parsed.month, parsed.day) : undefined;
}

/** Adds an offset; a day past the end of the resulting month falls back to its last day. */
export function addToDate(iso: string, offset: DateOffset): string | undefined {
  const date = parseIsoDate(iso);
  if (!date) return undefined;
  const totalMonths = date.year * 12 + (date.month - 1) + (offset.years ?? 0) * 12 + (offset.months ?? 0);
  const year = Math.floor(totalMonths / 12);
  const month = (totalMonths % 12) + 1;
  if (year < 1 || year > 9999) return undefined;
  const day = Math.min(date.day, daysInMonth(year, month));
  const ms = Date.UTC(year, month - 1, day) + (offset.days ?? 0) * 86_400_000;
  const result = new Date(ms);
  const y = result.getUTCFullYear();
  if (y < 1 || y > 9999) return undefined;
  return formatIsoDate(y, result.getUTCMonth() + 1, result.getUTCDate());
}

/** Whole years from `birth` to `on` (an age); undefined for bad dates. */
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
